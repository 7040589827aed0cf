/**
 * The application's side of real calls: what the SIP runtime needs from the app while a
 * call runs and after it ends. Plain Java services that speak the engine's own types, so
 * the runtime can adapt them to its ports:
 * <ul>
 * <li>{@link dev.tonal.app.call.CallRecorder} stores a call's
 * {@link dev.tonal.sip.ivrcall.IvrCallSummary} (history row with its legs, trace,
 * ratings) once, at the end, asynchronously, and drains on shutdown;</li>
 * <li>{@link dev.tonal.app.call.CallInteractiveClient} carries out
 * {@link dev.tonal.engine.Command.HttpRequest} (semantics.md rules 25-27);</li>
 * <li>{@link dev.tonal.app.call.TextToSpeech} carries out
 * {@link dev.tonal.engine.Command.Synthesise} with espeak-ng into a call's
 * {@link dev.tonal.app.call.SynthesisedGreetings};</li>
 * <li>the API of what calls left behind (api.md §8): call history, traces, quality
 * ratings, in the original API's shape ({@link dev.tonal.app.call.CallRecordJson}, with
 * {@link dev.tonal.app.call.CallOutcome} mapping end reasons to its words); and
 * {@link dev.tonal.app.call.TraceJson}, the one JSON form of a trace.</li>
 * </ul>
 * See docs/calls.md.
 */
package dev.tonal.app.call;
