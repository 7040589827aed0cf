package dev.tonal.app.auth;

import dev.tonal.app.api.ApiException;

/**
 * Who is calling the API, as established from the bearer token. Controllers take it as a
 * method parameter (resolved by the auth package). Read-only tokens are refused on any
 * write before a controller runs, so controllers need not check {@link #access()}.
 *
 * @param appId the app the token belongs to
 * @param clientId the app's client, or null for a platform admin app
 * @param admin whether the app is a platform admin app
 * @param access full or read_only
 */
public record Caller(long appId, Long clientId, boolean admin, Access access) {

	/**
	 * The client id a path's {@code {cid}} names, checked against this caller:
	 * {@code @me} is the token's client; another tenant's id answers 404 (never 403, so
	 * ids are not probed).
	 */
	public long client(String cid) {
		if ("@me".equals(cid)) {
			if (this.clientId == null) {
				throw ApiException.badRequest("an admin token must name the client: use its id instead of @me");
			}
			return this.clientId;
		}
		long id;
		try {
			id = Long.parseLong(cid);
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound("client " + cid);
		}
		if (!this.admin && (this.clientId == null || this.clientId != id)) {
			throw ApiException.notFound("client " + cid);
		}
		return id;
	}

	/** Whether this caller may see objects of {@code ownerClientId}. */
	public boolean canSee(long ownerClientId) {
		return this.admin || (this.clientId != null && this.clientId == ownerClientId);
	}

	/** Refuses non-admin callers on admin-only paths with 403. */
	public void requireAdmin() {
		if (!this.admin) {
			throw ApiException.forbidden("this operation needs a platform admin app's token");
		}
	}

}
