package dev.tonal.app.voicemail;

/** The text of a voicemail e-mail (docs/voicemail.md). */
final class VoicemailMail {

	private VoicemailMail() {
	}

	static String subject(VoicemailRepository.Voicemail voicemail) {
		return "Voicemail from " + caller(voicemail) + " for " + voicemail.extension() + " ("
				+ seconds(voicemail.durationMs()) + ")";
	}

	static String body(VoicemailRepository.Voicemail voicemail, String time, String timezone) {
		StringBuilder text = new StringBuilder("A caller left a voicemail.\n\n");
		text.append("From: ").append(caller(voicemail)).append('\n');
		text.append("To: IVR ").append(voicemail.extension());
		if (voicemail.calledDid() != null && !voicemail.calledDid().equals(voicemail.extension())) {
			text.append(" (called ").append(voicemail.calledDid()).append(')');
		}
		text.append('\n');
		text.append("Time: ").append(time).append(" (").append(timezone).append(")\n");
		text.append("Length: ").append(seconds(voicemail.durationMs())).append('\n');
		text.append("Call: ").append(voicemail.callUuid()).append('\n');
		text.append("Voicemail: GET /api/ver1.0/client/")
			.append(voicemail.clientId())
			.append("/voicemail/")
			.append(voicemail.id())
			.append("/file\n");
		if (voicemail.mailAttach()) {
			text.append("\nThe recording is attached (").append(fileName(voicemail)).append(").\n");
		}
		return text.toString();
	}

	static String fileName(VoicemailRepository.Voicemail voicemail) {
		return "voicemail-" + voicemail.id() + ".wav";
	}

	private static String caller(VoicemailRepository.Voicemail voicemail) {
		String number = voicemail.callerIdNumber().isEmpty() ? "anonymous" : voicemail.callerIdNumber();
		return voicemail.callerIdName().isEmpty() ? number : voicemail.callerIdName() + " <" + number + ">";
	}

	private static String seconds(int ms) {
		return Math.round(ms / 1000.0) + " s";
	}

}
