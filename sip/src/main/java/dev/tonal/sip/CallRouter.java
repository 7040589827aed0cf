package dev.tonal.sip;

/**
 * Decides what an inbound call reaches. Implemented by the application (extensions, DIDs,
 * registered phones). Called once per new INVITE on the call's own thread, so it may
 * block briefly (a cache or database lookup) without delaying other calls.
 */
@FunctionalInterface
public interface CallRouter {

	/**
	 * @param requestUriUser the user part of the INVITE's Request-URI (the dialled name
	 * or number)
	 * @param caller who is calling
	 * @return where the call goes
	 */
	Route route(String requestUriUser, CallerInfo caller);

}
