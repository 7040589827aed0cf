package dev.tonal.sip;

import java.util.concurrent.CountDownLatch;

/**
 * A SIP server for trying Tonal by hand against third-party peers (sipp, baresip,
 * Kamailio; see {@code sip/interop/README.md}): every dialled name reaches an "IVR" that
 * answers, plays a 2-second 440 Hz tone and prints each key press. Not used by the tests.
 *
 * <p>
 * Arguments: {@code [port [host]]}, default {@code 5070 127.0.0.1}. Stop it with Ctrl-C.
 */
public final class InteropServer {

	private InteropServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 5070;
		String host = (args.length > 1) ? args[1] : "127.0.0.1";
		SipServer server = SipServer.start(new SipConfig(host, port, null, 20000, 29999), InteropServer::route);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}));
		System.out.println("Tonal SIP interop server on " + host + ":" + server.port() + " (UDP, TCP)");
		stopped.await();
	}

	private static Route route(String user, CallerInfo caller) {
		return Route.ivr(user, new CallListener() {
			@Override
			public void offered(SipCall call) {
				say(call, "offered from " + call.caller().number() + ", codec " + call.localMedia().codec());
				call.answer();
			}

			@Override
			public void answered(SipCall call) {
				say(call, "answered; caller's RTP " + call.remoteMedia());
				call.media().play(tone(), () -> say(call, "tone played"));
			}

			@Override
			public void dtmf(SipCall call, Dtmf dtmf) {
				say(call, "key " + dtmf.digit() + " by " + dtmf.transport());
			}

			@Override
			public void remoteMediaChanged(SipCall call, RemoteMedia media) {
				say(call, "caller's RTP now " + media);
			}

			@Override
			public void ended(SipCall call, CallEndReason reason) {
				say(call, "ended: " + reason);
			}
		});
	}

	private static short[] tone() {
		short[] samples = new short[16000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
		}
		return samples;
	}

	private static void say(SipCall call, String what) {
		System.out.println(call.callId() + ": " + what);
	}

}
