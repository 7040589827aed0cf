package dev.tonal.app.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Transfer settings ({@code tonal.transfer.*}).
 *
 * @param ringTimeout how long a transfer rings before its destinations fail with "no
 * answer" (rule 16; 30 s)
 */
@ConfigurationProperties("tonal.transfer")
public record TransferProperties(@DefaultValue("30s") Duration ringTimeout) {

	public TransferProperties {
		if (ringTimeout.isNegative() || ringTimeout.isZero()) {
			throw new IllegalArgumentException("tonal.transfer.ring-timeout must be positive: " + ringTimeout);
		}
	}

}
