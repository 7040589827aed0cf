package dev.tonal.sip.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tonal.engine.DtmfTransport;
import dev.tonal.media.clock.MediaClock;
import dev.tonal.media.codec.G711;
import dev.tonal.media.dtmf.InbandDtmfDetector;
import dev.tonal.media.dtmf.TelephoneEventReceiver;
import dev.tonal.media.rtp.AudioFrames;
import dev.tonal.media.rtp.MalformedRtpException;
import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.media.rtp.RtpReorderBuffer;
import dev.tonal.media.rtp.RtpSender;
import dev.tonal.sip.RemoteMedia;
import dev.tonal.sip.b2bua.BridgeEnd;
import dev.tonal.sip.rtp.RtpSocket;
import dev.tonal.sip.sdp.SdpAnswer;

/**
 * One call's RTP. Sends what the call plays as G.711, one packet per tick of the shared
 * {@link MediaClock}, to the caller's current address (nothing while the caller holds):
 * where its RTP comes from once it arrives ({@link SymmetricRtp}), else where its SDP
 * says. Reads what the caller sends on a virtual thread, in sequence order without
 * duplicates, and turns it into key presses: RFC 4733 telephone-events, or in-band tones
 * when no telephone-event was negotiated.
 *
 * <p>
 * Key presses and "finished playing" callbacks are handed to the call's executor, never
 * run on the clock or receive thread.
 */
public final class CallMedia implements MediaClock.Stream, BridgeEnd {

	private static final Logger log = Logger.getLogger(CallMedia.class.getName());

	/**
	 * How many early packets may wait for a missing one: 40 ms at 20 ms a packet. Enough
	 * for the usual one-packet swap, and a packet that is really lost costs little delay.
	 * In order, nothing waits.
	 */
	private static final int REORDER_DEPTH = 2;

	private final RtpSocket socket;

	private final G711.Law law;

	private final int audioPayloadType;

	private final OptionalInt eventPayloadType;

	private final Executor callThread;

	private final KeyListener keys;

	private final Consumer<InetSocketAddress> latched;

	private final RtpSender sender = RtpSender.withRandomStart(ThreadLocalRandom.current());

	private final AtomicReference<Playback> playback = new AtomicReference<>();

	private final SymmetricRtp destination;

	/** Who hears the caller's decoded audio (speech recognition, voicemail), or null. */
	private volatile CallerAudioListener callerAudio;

	/** Where the caller's packets go while the call is bridged (transfer), or null. */
	private volatile Consumer<RtpPacket> relaySink;

	private MediaClock.Registration registration;

	/** Receives key presses, on the call's executor. */
	@FunctionalInterface
	public interface KeyListener {

		void key(char key, DtmfTransport transport);

	}

	/**
	 * Hears what the caller says: each received audio packet decoded to 8 kHz mono 16-bit
	 * PCM, in sequence order. Runs on the receive thread, so it must be quick and must
	 * not block: hand anything heavy (recognition, storage) to another thread.
	 */
	@FunctionalInterface
	public interface CallerAudioListener {

		void audio(short[] samples);

	}

	private record Playback(AudioFrames frames, Runnable whenFinished) {
	}

	/**
	 * @param socket the call's RTP socket
	 * @param answer what was negotiated (codec and telephone-event payload types)
	 * @param callThread the call's serial executor
	 * @param keys where key presses go
	 * @param latched told, on the call's executor, where the caller's RTP comes from when
	 * we start sending there
	 */
	public CallMedia(RtpSocket socket, SdpAnswer answer, Executor callThread, KeyListener keys,
			Consumer<InetSocketAddress> latched) {
		this.socket = socket;
		this.law = answer.codec();
		this.audioPayloadType = answer.payloadType();
		this.eventPayloadType = answer.telephoneEvent();
		this.callThread = callThread;
		this.keys = keys;
		this.latched = latched;
		this.destination = new SymmetricRtp(this.audioPayloadType, this.eventPayloadType.orElse(-1));
	}

	/** Starts sending on the clock's ticks and receiving on a virtual thread. */
	public synchronized void start(MediaClock clock, RemoteMedia remote) {
		if (this.registration != null) {
			return;
		}
		sendTo(remote);
		this.registration = clock.register(this);
		Thread.ofVirtual().name("rtp-in-" + this.socket.port()).start(this::receive);
	}

	/** Stops sending; receiving stops when the call closes the socket. */
	public synchronized void stop() {
		if (this.registration != null) {
			this.registration.cancel();
		}
		this.playback.set(null);
	}

	/** Follows the caller's address and hold state (re-INVITE, late answer). */
	public void sendTo(RemoteMedia remote) {
		this.destination.follow(remote);
	}

	/**
	 * Plays 8 kHz mono audio, replacing whatever was playing (whose callback then never
	 * runs); empty audio finishes at once. Time runs on while the caller holds: the audio
	 * is then skipped, not paused.
	 * @param samples the audio (not copied: do not change it while it plays)
	 * @param whenFinished run on the call's executor after the last frame was sent
	 */
	public void play(short[] samples, Runnable whenFinished) {
		if (samples.length == 0) {
			// Nothing to send: finished at once, but still on the call's executor.
			this.playback.set(null);
			this.callThread.execute(whenFinished);
			return;
		}
		this.playback.set(new Playback(new AudioFrames(samples), whenFinished));
	}

	/** Stops playing (barge-in); the callback of what was playing does not run. */
	public void stopPlaying() {
		this.playback.set(null);
	}

	/** Whether something is playing. */
	public boolean isPlaying() {
		return this.playback.get() != null;
	}

	@Override
	public G711.Law law() {
		return this.law;
	}

	@Override
	public int audioPayloadType() {
		return this.audioPayloadType;
	}

	@Override
	public OptionalInt eventPayloadType() {
		return this.eventPayloadType;
	}

	/**
	 * Hands the caller's decoded audio to {@code listener} (one at a time: it replaces
	 * the previous one); {@code null} stops that. Not while bridged: then the audio is
	 * relayed.
	 */
	public void listenToCaller(CallerAudioListener listener) {
		this.callerAudio = listener;
	}

	/**
	 * While bridged, the caller's packets go to {@code sink} and are not read for key
	 * presses (the IVR is not listening then); {@code null} ends that.
	 */
	@Override
	public void relayReceivedTo(Consumer<RtpPacket> sink) {
		this.relaySink = sink;
	}

	/** Sends the bridged callee's packet to the caller as part of this call's stream. */
	@Override
	public void sendRelayed(RtpPacket packet, int payloadType) {
		InetSocketAddress to = this.destination.target();
		if (to == null) {
			return;
		}
		RtpPacket rewritten;
		synchronized (this.sender) {
			rewritten = this.sender.relay(packet, payloadType);
		}
		send(rewritten, to);
	}

	@Override
	public void onTick(long tick) {
		Playback current = this.playback.get();
		if (current == null) {
			synchronized (this.sender) {
				// relayed packets may be rewritten into the stream concurrently
				this.sender.skip();
			}
			return;
		}
		short[] frame = current.frames().next();
		InetSocketAddress to = this.destination.target();
		if (to != null) {
			RtpPacket packet;
			synchronized (this.sender) {
				packet = this.sender.audio(this.audioPayloadType, G711.encode(this.law, frame, 0, frame.length));
			}
			send(packet, to);
		}
		else {
			synchronized (this.sender) {
				this.sender.skip();
			}
		}
		if (!current.frames().hasNext() && this.playback.compareAndSet(current, null)) {
			this.callThread.execute(current.whenFinished());
		}
	}

	private void send(RtpPacket packet, InetSocketAddress to) {
		try {
			this.socket.channel().send(ByteBuffer.wrap(packet.toBytes()), to);
		}
		catch (ClosedChannelException ex) {
			this.playback.set(null);
		}
		catch (IOException ex) {
			log.log(Level.FINE, "RTP send to " + to + " failed", ex);
		}
	}

	private void receive() {
		TelephoneEventReceiver events = new TelephoneEventReceiver();
		InbandDtmfDetector tones = new InbandDtmfDetector();
		RtpReorderBuffer order = new RtpReorderBuffer(REORDER_DEPTH);
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		while (!this.socket.isClosed()) {
			RtpPacket received;
			InetSocketAddress source;
			try {
				buffer.clear();
				source = (InetSocketAddress) this.socket.channel().receive(buffer);
				buffer.flip();
				received = RtpPacket.parse(buffer.array(), 0, buffer.limit());
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException ex) {
				log.log(Level.FINE, "RTP receive failed", ex);
				continue;
			}
			catch (MalformedRtpException ex) {
				continue;
			}
			SymmetricRtp.Verdict verdict = this.destination.receive(source, received);
			if (verdict == SymmetricRtp.Verdict.STRAY) {
				continue;
			}
			if (verdict == SymmetricRtp.Verdict.LATCHED) {
				log.fine(() -> "RTP on port " + this.socket.port() + " comes from " + source + " (SSRC "
						+ received.ssrc() + "): sending there");
				this.callThread.execute(() -> this.latched.accept(source));
			}
			// A duplicate must not count a tone twice nor be heard twice by a bridged
			// party.
			for (RtpPacket packet : order.offer(received)) {
				handle(packet, events, tones);
			}
		}
	}

	private void handle(RtpPacket packet, TelephoneEventReceiver events, InbandDtmfDetector tones) {
		Consumer<RtpPacket> sink = this.relaySink;
		if (sink != null) {
			sink.accept(packet);
			return;
		}
		if (this.eventPayloadType.isPresent() && packet.payloadType() == this.eventPayloadType.getAsInt()) {
			events.receive(packet).ifPresent((key) -> report(key, DtmfTransport.RFC4733));
		}
		else if (packet.payloadType() == this.audioPayloadType) {
			CallerAudioListener listener = this.callerAudio;
			boolean inband = this.eventPayloadType.isEmpty();
			if (!inband && listener == null) {
				return;
			}
			short[] samples = G711.decode(this.law, packet.payload(), 0, packet.payload().length);
			if (inband) {
				tones.process(samples, 0, samples.length).forEach((key) -> report(key, DtmfTransport.INBAND));
			}
			if (listener != null) {
				listener.audio(samples);
			}
		}
	}

	private void report(char key, DtmfTransport transport) {
		this.callThread.execute(() -> this.keys.key(key, transport));
	}

}
