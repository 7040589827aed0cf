package dev.tonal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.model.Rule;

/**
 * {@code call_interactive} (semantics.md §5): sends the request with the call's
 * parameters (rule 25), waits up to {@code call_interactive_timeout}, then runs the
 * reply's verbs in order (rule 26). A verb that takes time runs as a child step whose
 * events this step forwards. No reply in time, a non-2xx status or a malformed reply
 * means the next rule runs, and the trace says which (rule 27).
 */
final class CallInteractiveStep extends Step {

	static final int DEFAULT_TIMEOUT_S = 5;

	private final Rule rule;

	private String url;

	private long requestId;

	private List<InteractiveReply.Verb> verbs = List.of();

	private int nextVerb;

	private Step child;

	CallInteractiveStep(CallState call, Rule rule) {
		super(call);
		this.rule = rule;
	}

	@Override
	Flow start() {
		this.url = this.call.expand(this.rule.callInteractiveUrl());
		String method = "GET".equalsIgnoreCase(this.rule.callInteractiveMethod()) ? "GET" : "POST";
		int timeout = (this.rule.callInteractiveTimeout() != null) ? this.rule.callInteractiveTimeout()
				: DEFAULT_TIMEOUT_S;
		this.requestId = this.call.newId();
		this.call
			.emit(new Command.HttpRequest(this.requestId, method, this.url, parameters(), Duration.ofSeconds(timeout)));
		this.call.trace("http_request", "url", this.url, "method", method);
		this.deadline = this.call.after(timeout * 1000L);
		return Flow.WAIT;
	}

	/** Rule 25's request parameters, in a stable order. */
	private Map<String, String> parameters() {
		CallInfo info = this.call.info;
		Map<String, String> params = new LinkedHashMap<>();
		params.put("EventType", "call_interactive");
		params.put("CallID", info.callUuid());
		params.put("CallAPIID", info.callUuid());
		params.put("CallerIDNum", info.callerIdNumber());
		params.put("CallerIDName", info.callerIdName());
		if (info.calledDid() != null) {
			params.put("CalledDID", info.calledDid());
		}
		params.put("CalledExtension", this.call.snapshot.extensionName());
		params.put("CalledExtensionID", String.valueOf(this.call.snapshot.extensionId()));
		params.put("CalledNumber", (info.calledDid() != null) ? info.calledDid() : this.call.snapshot.bareName());
		params.put("CallStatus", "ANSWER");
		params.put("CallFlow", "IN");
		if (info.callerExtension() != null) {
			params.put("CallerExtension", info.callerExtension());
		}
		if (info.callerExtensionId() != null) {
			params.put("CallerExtensionID", String.valueOf(info.callerExtensionId()));
		}
		this.call.variables.asMap().forEach((name, value) -> params.put("var_" + name, value));
		return params;
	}

	@Override
	Flow on(Event event) {
		if (this.child != null) {
			return childFlow(this.child.on(event));
		}
		return switch (event) {
			case Event.HttpReplied reply when reply.requestId() == this.requestId && this.deadline != null ->
				replied(reply);
			case Event.HttpFailed failed when failed.requestId() == this.requestId && this.deadline != null -> {
				this.deadline = null;
				this.call.trace("http_response", "url", this.url, "error", failed.reason().wire());
				yield Flow.NEXT;
			}
			default -> Flow.WAIT;
		};
	}

	private Flow replied(Event.HttpReplied reply) {
		this.deadline = null;
		if (reply.status() < 200 || reply.status() > 299) {
			this.call.trace("http_response", "url", this.url, "status", reply.status(), "error", "non-2xx status");
			return Flow.NEXT;
		}
		InteractiveReply parsed = InteractiveReply.parse(reply.body());
		if (parsed.error() != null) {
			this.call.trace("http_response", "url", this.url, "status", reply.status(), "error", parsed.error());
			return Flow.NEXT;
		}
		this.call.trace("http_response", "url", this.url, "status", reply.status());
		this.verbs = parsed.verbs();
		return runVerbs();
	}

	/** Runs verbs until one takes time or ends the option; NEXT after the last one. */
	private Flow runVerbs() {
		while (this.nextVerb < this.verbs.size()) {
			Flow flow = runVerb(this.verbs.get(this.nextVerb++));
			if (flow != Flow.NEXT) {
				return flow;
			}
		}
		return Flow.NEXT;
	}

	private Flow runVerb(InteractiveReply.Verb verb) {
		return switch (verb) {
			case InteractiveReply.Hangup hangup -> new Flow.End(CallResult.End.HANGUP, "Call Interactive <Hangup/>");
			case InteractiveReply.SetVar setVar -> {
				this.call.setVariable(setVar.name(), setVar.value());
				yield Flow.NEXT;
			}
			case InteractiveReply.Jump jump -> new Flow.Enter(jump.context(), jump.option());
			case InteractiveReply.SetCaller setCaller -> {
				if (setCaller.number() != null) {
					this.call.presentedNumber = setCaller.number();
				}
				if (setCaller.name() != null) {
					this.call.presentedName = setCaller.name();
				}
				yield Flow.NEXT;
			}
			case InteractiveReply.Pause pause -> startChild(new PauseStep(this.call, pause.seconds() * 1000L));
			case InteractiveReply.PlaySound play ->
				startChild(new PlayStep(this.call, prompt(play), play.background() ? play.digitVariable() : null));
			case InteractiveReply.SimpleTransfer transfer -> {
				Duration ring = (transfer.timeoutSeconds() != null && transfer.timeoutSeconds() > 0)
						? Duration.ofSeconds(transfer.timeoutSeconds()) : this.call.settings.ringTimeout();
				Flow ifAllFail = transfer.isFinal()
						? new Flow.End(CallResult.End.HANGUP, "Call Interactive final transfer failed") : Flow.NEXT;
				yield startChild(new TransferStep(this.call, transfer.destinations(), ring, ifAllFail));
			}
			case InteractiveReply.TextToSpeech tts -> startChild(new SynthesiseStep(this.call, tts));
			case InteractiveReply.Skipped skipped -> {
				this.call.trace("verb_skipped", "verb", skipped.verb(), "why", skipped.why());
				yield Flow.NEXT;
			}
		};
	}

	private Prompt prompt(InteractiveReply.PlaySound play) {
		String sound = play.sound();
		if (sound.chars().allMatch(Character::isDigit) && sound.length() < 19) {
			return Prompt.sound(this.call, Long.parseLong(sound), play.background());
		}
		return Prompt.namedSound(this.call, sound, play.background());
	}

	private Flow startChild(Step step) {
		this.child = step;
		return childFlow(step.start());
	}

	/** A child that finished lets the next verb run; any other end is the rule's end. */
	private Flow childFlow(Flow flow) {
		if (flow == Flow.WAIT) {
			return flow;
		}
		this.child = null;
		return (flow == Flow.NEXT) ? runVerbs() : flow;
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		return (this.child != null) ? childFlow(this.child.onDigit(digit)) : super.onDigit(digit);
	}

	@Override
	Instant deadline() {
		return (this.child != null) ? this.child.deadline() : this.deadline;
	}

	@Override
	Flow onDeadline() {
		if (this.child != null) {
			return childFlow(this.child.onDeadline());
		}
		this.deadline = null;
		this.call.trace("timer_fired", "timer", "call_interactive");
		this.call.trace("http_response", "url", this.url, "error", "timeout");
		return Flow.NEXT;
	}

	@Override
	void cancel() {
		if (this.child != null) {
			this.child.cancel();
		}
	}

}
