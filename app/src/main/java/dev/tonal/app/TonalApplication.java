package dev.tonal.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tonal: an IVR server. Runs the REST configuration API and the SIP runtime (IVR calls,
 * phones, transfers).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TonalApplication {

	public static void main(String[] args) {
		SpringApplication.run(TonalApplication.class, args);
	}

}
