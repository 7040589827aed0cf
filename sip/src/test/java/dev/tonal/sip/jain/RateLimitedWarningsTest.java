package dev.tonal.sip.jain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Warnings peers can cause: one line each, a few per period, then a count. */
class RateLimitedWarningsTest {

	private final List<LogRecord> written = new ArrayList<>();

	private final Logger logger = Logger.getAnonymousLogger();

	private final AtomicLong now = new AtomicLong();

	{
		this.logger.setUseParentHandlers(false);
		this.logger.addHandler(new Handler() {
			@Override
			public void publish(LogRecord record) {
				if (record.getLevel().intValue() >= Level.INFO.intValue()) {
					RateLimitedWarningsTest.this.written.add(record);
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		});
	}

	private final RateLimitedWarnings warnings = new RateLimitedWarnings(this.logger, 3, Duration.ofMinutes(1),
			this.now::get);

	@Test
	void aWarningIsOneLineWithTheCauseButNoStackTrace() {
		this.warnings.warn("bad message INVITE sip:x SIP/2.0\nVia: a\nFrom: b", new IllegalStateException("boom"));

		assertThat(this.written).singleElement().satisfies((r) -> {
			assertThat(r.getMessage()).isEqualTo("bad message INVITE sip:x SIP/2.0 …").doesNotContain("\n");
			assertThat(r.getThrown()).isNull();
		});
	}

	@Test
	void aLongWarningIsCut() {
		this.warnings.warn("x".repeat(5000), null);

		assertThat(this.written.get(0).getMessage()).hasSize(RateLimitedWarnings.MAX_LINE + 1);
	}

	@Test
	void overTheRateWarningsAreLeftOutAndCountedInTheNextPeriod() {
		for (int i = 0; i < 100; i++) {
			this.warnings.warn("bad message " + i, null);
		}
		assertThat(this.written).hasSize(3);

		this.now.addAndGet(Duration.ofMinutes(1).toNanos());
		this.warnings.warn("bad message again", null);

		assertThat(this.written).extracting(LogRecord::getMessage)
			.endsWith("97 similar warnings left out in the last period", "bad message again");
	}

}
