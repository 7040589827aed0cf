package dev.tonal.sip.ivrcall;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.engine.TransferFailure;
import dev.tonal.sip.b2bua.Dialer;
import dev.tonal.sip.b2bua.LegListener;
import dev.tonal.sip.b2bua.LegMedia;
import dev.tonal.sip.b2bua.LegRequest;
import dev.tonal.sip.b2bua.OutboundLeg;

/**
 * A {@link Dialer} that writes down every leg the transfers of one IVR run place, as it
 * goes: when it was dialled, answered and ended, and how ({@link CallLeg}), and reports
 * each step as a {@link CallProgress}. It sits between the transfers and the real dialer,
 * so the transfers need not know about history or events.
 *
 * <p>
 * Thread-safe: leg events come on SIP stack threads, hang-ups from the call's executor.
 */
final class LegRecorder implements Dialer {

	private final Dialer dialer;

	private final InstantSource clock;

	private final CallProgress.Sink progress;

	/** Every leg dialled, in order, with what is known of it so far. */
	private final Map<RecordedLeg, Boolean> legs = new LinkedHashMap<>();

	/** When the last leg was answered, or null: cancelled legs rang while another won. */
	private Instant lastAnswer;

	LegRecorder(Dialer dialer, InstantSource clock, CallProgress.Sink progress) {
		this.dialer = dialer;
		this.clock = clock;
		this.progress = progress;
	}

	@Override
	public OutboundLeg dial(LegRequest request, LegListener listener) {
		RecordedLeg leg = new RecordedLeg(request, this.clock.instant());
		synchronized (this) {
			this.legs.put(leg, Boolean.TRUE);
		}
		report(CallProgress.Step.DIALLED, leg, "CALLING");
		leg.real = this.dialer.dial(request, leg.listenedBy(listener));
		return leg;
	}

	/**
	 * The legs as they went; a leg still going (the call ended under it) counts as ended
	 * now, by Tonal.
	 */
	synchronized List<CallLeg> legs() {
		List<CallLeg> all = new ArrayList<>();
		for (RecordedLeg leg : this.legs.keySet()) {
			all.add(leg.asCallLeg(this.clock.instant()));
		}
		return all;
	}

	private void report(CallProgress.Step step, RecordedLeg leg, String status) {
		Instant at;
		Instant answered;
		synchronized (this) {
			at = (leg.ended != null) ? leg.ended : (leg.answered != null && step == CallProgress.Step.ANSWERED)
					? leg.answered : this.clock.instant();
			answered = leg.answered;
		}
		this.progress.step(step, new CallProgress.LegTarget(leg.request.target(), CallLeg.userOf(leg.request.target()),
				leg.request.callerNumber()), at, status, answered);
	}

	private static CallLeg.Outcome failure(TransferFailure reason) {
		return switch (reason) {
			case BUSY -> CallLeg.Outcome.BUSY;
			case REJECTED -> CallLeg.Outcome.REJECTED;
			case NO_ANSWER -> CallLeg.Outcome.NO_ANSWER;
			default -> CallLeg.Outcome.UNREACHABLE;
		};
	}

	/** The {@link CallProgress#status()} word of an ended leg. */
	static String status(CallLeg.Outcome outcome) {
		return switch (outcome) {
			case CALLEE_HUNG_UP, WE_HUNG_UP -> "ANSWER";
			case BUSY -> "BUSY";
			case NO_ANSWER -> "NOANSWER";
			case REJECTED -> "CONGESTION";
			case UNREACHABLE -> "CHANUNAVAIL";
			case ANSWERED_ELSEWHERE, CANCELLED -> "CANCEL";
		};
	}

	/** One leg: the real leg, and what happened to it. */
	private final class RecordedLeg implements OutboundLeg {

		private final LegRequest request;

		private final Instant dialled;

		private volatile OutboundLeg real;

		// Guarded by the recorder.

		private Instant answered;

		private Instant ended;

		private CallLeg.Outcome outcome;

		RecordedLeg(LegRequest request, Instant dialled) {
			this.request = request;
			this.dialled = dialled;
		}

		LegListener listenedBy(LegListener listener) {
			return new LegListener() {

				@Override
				public void ringing(OutboundLeg leg) {
					listener.ringing(RecordedLeg.this);
				}

				@Override
				public void answered(OutboundLeg leg) {
					if (markAnswered()) {
						report(CallProgress.Step.ANSWERED, RecordedLeg.this, "ANSWER");
					}
					listener.answered(RecordedLeg.this);
				}

				@Override
				public void failed(OutboundLeg leg, TransferFailure reason) {
					end(failure(reason));
					listener.failed(RecordedLeg.this, reason);
				}

				@Override
				public void hungUp(OutboundLeg leg) {
					end(CallLeg.Outcome.CALLEE_HUNG_UP);
					listener.hungUp(RecordedLeg.this);
				}

			};
		}

		@Override
		public LegRequest request() {
			return this.request;
		}

		@Override
		public LegMedia media() {
			return this.real.media();
		}

		@Override
		public void hangUp() {
			CallLeg.Outcome outcome;
			synchronized (LegRecorder.this) {
				if (this.answered != null) {
					outcome = CallLeg.Outcome.WE_HUNG_UP;
				}
				else {
					Instant won = LegRecorder.this.lastAnswer;
					outcome = (won != null && !won.isBefore(this.dialled)) ? CallLeg.Outcome.ANSWERED_ELSEWHERE
							: CallLeg.Outcome.CANCELLED;
				}
			}
			end(outcome);
			OutboundLeg leg = this.real;
			if (leg != null) {
				leg.hangUp();
			}
		}

		private boolean markAnswered() {
			synchronized (LegRecorder.this) {
				if (this.ended != null || this.answered != null) {
					return false;
				}
				this.answered = LegRecorder.this.clock.instant();
				LegRecorder.this.lastAnswer = this.answered;
				return true;
			}
		}

		/** Ends the leg once; later ends (a hang-up after a failure) change nothing. */
		private void end(CallLeg.Outcome how) {
			synchronized (LegRecorder.this) {
				if (this.ended != null) {
					return;
				}
				this.ended = LegRecorder.this.clock.instant();
				this.outcome = how;
			}
			report(CallProgress.Step.HUNG_UP, this, status(how));
		}

		private CallLeg asCallLeg(Instant now) {
			boolean going = this.ended == null;
			CallLeg.Outcome how = going
					? ((this.answered != null) ? CallLeg.Outcome.WE_HUNG_UP : CallLeg.Outcome.CANCELLED) : this.outcome;
			return new CallLeg(this.request.target(), this.request.callerNumber(), this.request.credentials() != null,
					this.dialled, this.answered, going ? now : this.ended, how);
		}

	}

}
