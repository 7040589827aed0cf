package dev.tonal.engine;

import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semantics rule 32: a key press seen by two transports counts once, and the trace
 * records the transport of each digit (duplicates included).
 */
class DtmfTransportsTest {

	private final EngineHarness h = EngineHarness
		.call(new TestIvr().context(1, 5000, 2000, 3, false)
			.rules(1, "start", setVariable("x", "1"))
			.rules(1, "1", transfer("one"))
			.rules(1, "11", transfer("eleven"))
			.rules(1, "12", transfer("twelve"))
			.build())
		.answer();

	@Test
	void rule32_infoAndRfc4733OfOneKeyWithinTheWindowAreOneDigit() {
		this.h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		this.h.advance(450).handle(new Event.Digit('1', DtmfTransport.SIP_INFO));

		assertThat(this.h.trace("digit"))
			.extracting((e) -> e.get("transport") + ":" + e.get("used") + ":" + e.get("duplicate"))
			.containsExactly("rfc4733:true:null", "sip_info:false:true");
		this.h.advance(2000);
		assertThat(this.h.last(Command.Ring.class).destinations()).containsExactly("one");
	}

	@Test
	void rule32_theSameKeyTwiceOnOneTransportIsTwoDigits() {
		this.h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		this.h.advance(100).handle(new Event.Digit('1', DtmfTransport.RFC4733));

		assertThat(this.h.trace("digit")).extracting((e) -> e.get("duplicate")).containsOnlyNulls();
		this.h.advance(2000);
		assertThat(this.h.last(Command.Ring.class).destinations()).containsExactly("eleven");
	}

	@Test
	void rule32_twoQuickPressesEachSeenOnTwoTransportsAreTwoDigits() {
		this.h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		this.h.advance(20).handle(new Event.Digit('1', DtmfTransport.SIP_INFO));
		this.h.advance(130).handle(new Event.Digit('1', DtmfTransport.RFC4733));
		this.h.advance(20).handle(new Event.Digit('1', DtmfTransport.SIP_INFO));

		assertThat(this.h.trace("digit")).extracting((e) -> e.get("transport") + ":" + e.get("used"))
			.containsExactly("rfc4733:true", "sip_info:false", "rfc4733:true", "sip_info:false");
		this.h.advance(2000);
		assertThat(this.h.last(Command.Ring.class).destinations()).containsExactly("eleven");
	}

	@Test
	void rule32_interleavedKeysFromTwoTransportsEachCountOnce() {
		this.h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		this.h.advance(50).handle(new Event.Digit('2', DtmfTransport.RFC4733));
		this.h.advance(50).handle(new Event.Digit('1', DtmfTransport.SIP_INFO));
		this.h.advance(50).handle(new Event.Digit('2', DtmfTransport.SIP_INFO));

		assertThat(this.h.trace("digit"))
			.extracting((e) -> e.get("digit") + ":" + e.get("transport") + ":" + e.get("used"))
			.containsExactly("1:rfc4733:true", "2:rfc4733:true", "1:sip_info:false", "2:sip_info:false");
		this.h.advance(2000);
		assertThat(this.h.last(Command.Ring.class).destinations()).containsExactly("twelve");
	}

	@Test
	void rule32_theSecondTransportMayReportFirst() {
		this.h.handle(new Event.Digit('1', DtmfTransport.SIP_INFO));
		this.h.advance(30).handle(new Event.Digit('1', DtmfTransport.RFC4733));

		assertThat(this.h.trace("digit")).extracting((e) -> e.get("transport") + ":" + e.get("used"))
			.containsExactly("sip_info:true", "rfc4733:false");
	}

	@Test
	void rule32_afterTheWindowTheSameKeyFromAnotherTransportIsANewPress() {
		this.h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		this.h.advance(501).handle(new Event.Digit('1', DtmfTransport.INBAND));

		this.h.advance(2000);
		assertThat(this.h.last(Command.Ring.class).destinations()).containsExactly("eleven");
	}

}
