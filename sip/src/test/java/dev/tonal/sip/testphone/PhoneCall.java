package dev.tonal.sip.testphone;

import dev.tonal.media.dtmf.SipInfoDtmf;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;

/**
 * One call placed by the {@link TestPhone}. Methods that send a request wait (bounded)
 * for the server's final reply and return it.
 */
public final class PhoneCall {

	private final TestPhone phone;

	private final Transport transport;

	private final CountDownLatch bye = new CountDownLatch(1);

	private ClientTransaction invite;

	private BlockingQueue<Reply> inviteReplies;

	private Reply finalReply;

	PhoneCall(TestPhone phone, Transport transport) {
		this.phone = phone;
		this.transport = transport;
	}

	void sendInvite(Request request) throws Exception {
		this.invite = this.phone.newClientTransaction(request);
		this.inviteReplies = TestPhone.repliesOf(this.invite);
		this.invite.sendRequest();
	}

	/** The next reply to the INVITE, provisional or final. */
	public Reply awaitReply() {
		Reply reply = TestPhone.await(this.inviteReplies, "INVITE");
		if (reply.isFinal()) {
			this.finalReply = reply;
		}
		return reply;
	}

	/** Waits for the INVITE's final reply, skipping provisional ones. */
	public Reply awaitFinal() {
		while (this.finalReply == null) {
			awaitReply();
		}
		return this.finalReply;
	}

	/** Waits for a 180 Ringing (skipping 100 Trying). */
	public Reply awaitRinging() {
		Reply reply;
		do {
			reply = awaitReply();
		}
		while (reply.status() == 100);
		return reply;
	}

	/** Acknowledges the 200 OK to the INVITE. */
	public void ack() {
		ack("");
	}

	/**
	 * Acknowledges the 200 OK with an SDP answer (for a call placed without an offer).
	 */
	public void ack(String sdpAnswer) {
		try {
			Dialog dialog = dialog();
			long cseq = ((CSeqHeader) this.invite.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
			Request ack = dialog.createAck(cseq);
			if (!sdpAnswer.isEmpty()) {
				ack.setContent(sdpAnswer, this.phone.headers.createContentTypeHeader("application", "sdp"));
			}
			dialog.sendAck(ack);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send ACK: " + ex.getMessage(), ex);
		}
	}

	/** Waits for the 200 OK and acknowledges it; returns the 200. */
	public Reply awaitAnswerAndAck() {
		Reply reply = awaitFinal();
		if (reply.status() != 200) {
			throw new AssertionError("expected 200 to the INVITE, got " + reply);
		}
		ack();
		return reply;
	}

	/** Sends a key press as SIP INFO {@code application/dtmf-relay}. */
	public Reply sendDtmfInfo(char digit) {
		return info("application", "dtmf-relay", SipInfoDtmf.dtmfRelayBody(digit, 160));
	}

	/** Sends SIP INFO with any body. */
	public Reply info(String type, String subType, String body) {
		try {
			Request info = dialog().createRequest(Request.INFO);
			info.setContent(body, this.phone.headers.createContentTypeHeader(type, subType));
			return sendInDialog(info, "INFO");
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send INFO: " + ex.getMessage(), ex);
		}
	}

	/** Hangs up: BYE. */
	public Reply bye() {
		try {
			return sendInDialog(dialog().createRequest(Request.BYE), "BYE");
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send BYE: " + ex.getMessage(), ex);
		}
	}

	/** Sends a re-INVITE with a new offer, waits for its final reply and ACKs a 200. */
	public Reply reInvite(String sdpOffer) {
		try {
			Dialog dialog = dialog();
			Request reInvite = dialog.createRequest(Request.INVITE);
			reInvite.addHeader(this.phone.contact("100", this.transport));
			reInvite.setContent(sdpOffer, this.phone.headers.createContentTypeHeader("application", "sdp"));
			ClientTransaction transaction = this.phone.newClientTransaction(reInvite);
			dialog.sendRequest(transaction);
			Reply reply = TestPhone.awaitFinal(TestPhone.repliesOf(transaction), "re-INVITE");
			if (reply.status() == 200) {
				long cseq = ((CSeqHeader) reInvite.getHeader(CSeqHeader.NAME)).getSeqNumber();
				dialog.sendAck(dialog.createAck(cseq));
			}
			return reply;
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send re-INVITE: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Cancels the INVITE (before it is answered); returns the reply to the CANCEL itself.
	 */
	public Reply cancel() {
		try {
			Request cancel = this.invite.createCancel();
			return TestPhone.awaitFinal(this.phone.send(cancel), "CANCEL");
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send CANCEL: " + ex.getMessage(), ex);
		}
	}

	/** Waits until the server hangs up (its BYE has been answered with 200). */
	public void awaitByeFromServer() {
		try {
			if (!this.bye.await(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("the server sent no BYE within " + TestPhone.TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted waiting for BYE");
		}
	}

	void byeReceived() {
		this.bye.countDown();
	}

	private Reply sendInDialog(Request request, String what) throws Exception {
		ClientTransaction transaction = this.phone.newClientTransaction(request);
		dialog().sendRequest(transaction);
		return TestPhone.awaitFinal(TestPhone.repliesOf(transaction), what);
	}

	private Dialog dialog() {
		Dialog dialog = this.invite.getDialog();
		if (dialog == null) {
			throw new IllegalStateException("the call has no dialog yet: wait for the 200 first");
		}
		return dialog;
	}

}
