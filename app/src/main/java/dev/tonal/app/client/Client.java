package dev.tonal.app.client;

/**
 * A client (tenant), as stored and as the API shows it.
 *
 * @param id its id
 * @param name display name
 * @param prefix digits that make its extension names unique platform-wide ("000" gives
 * "000*071")
 * @param extensionLength how many digits its extension names have
 * @param timezone IANA zone its datetimes are in
 */
public record Client(long id, String name, String prefix, int extensionLength, String timezone) {

	/** The stored form of an extension name of this client: {@code prefix*name}. */
	public String fullExtensionName(String bareName) {
		return this.prefix + "*" + bareName;
	}

}
