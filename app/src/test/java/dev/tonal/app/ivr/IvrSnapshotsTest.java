package dev.tonal.app.ivr;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.model.Action;
import dev.tonal.model.Interval;
import dev.tonal.model.IntervalCondition;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot a call runs on (semantics.md rule 3): it reflects the stored
 * configuration, an edit shows in the next snapshot, and edits of one client leave other
 * clients' cached snapshots alone.
 */
class IvrSnapshotsTest extends IvrApiFixtures {

	@Autowired
	private IvrSnapshots snapshots;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private SnapshotDropBus bus;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void snapshotHoldsTheStoredConfiguration() {
		Ivr ivr = newIvr();
		long sound = newSound(ivr.token());
		put(ivr.path(), ivr.token(), Map.of("entry_context", ivr.contextId(), "sleep_time", 300));
		newOption(ivr, "1");
		long play = newRule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "background"));
		long transfer = newRule(ivr, "1", Map.of("action", "transfer", "transfer_dst", "002 050"));

		IvrSnapshot snapshot = this.snapshots.get(ivr.extensionId()).orElseThrow();
		assertThat(snapshot.clientId()).isEqualTo(ivr.client().id());
		assertThat(snapshot.extensionName()).startsWith(ivr.client().prefix() + "*");
		assertThat(snapshot.settings().entryContext()).isEqualTo(ivr.contextId());
		assertThat(snapshot.settings().sleepTime()).isEqualTo(300);
		assertThat(snapshot.soundDurationsMs()).containsKey(sound);
		assertThat(snapshot.extensionNames()).contains(snapshot.bareName());
		var context = snapshot.contexts().get(ivr.contextId());
		assertThat(context.options().keySet()).containsExactly("start", "timeout", "invalid", "1");
		assertThat(context.rulesOf("start")).extracting(Rule::id).containsExactly(play);
		assertThat(context.rulesOf("1")).singleElement().satisfies((rule) -> {
			assertThat(rule.id()).isEqualTo(transfer);
			assertThat(rule.action()).isEqualTo(Action.TRANSFER);
			assertThat(rule.transferDst()).isEqualTo("002 050");
		});
	}

	@Test
	void anEditIsVisibleInTheNextSnapshot() throws Exception {
		Ivr ivr = newIvr();
		settle();
		IvrSnapshot before = this.snapshots.get(ivr.extensionId()).orElseThrow();
		assertThat(before.contexts().get(ivr.contextId()).rulesOf("start")).isEmpty();
		assertThat(this.snapshots.get(ivr.extensionId())).containsSame(before);

		long rule = hangupRule(ivr, "start");
		IvrSnapshot afterRule = this.snapshots.get(ivr.extensionId()).orElseThrow();
		assertThat(afterRule.contexts().get(ivr.contextId()).rulesOf("start")).extracting(Rule::id)
			.containsExactly(rule);

		put(ivr.context(), ivr.token(), Map.of("timeout", 9000));
		assertThat(
				this.snapshots.get(ivr.extensionId()).orElseThrow().contexts().get(ivr.contextId()).context().timeout())
			.isEqualTo(9000);

		put(ivr.path(), ivr.token(), Map.of("lifetime", 60));
		assertThat(this.snapshots.get(ivr.extensionId()).orElseThrow().settings().lifetime()).isEqualTo(60);
	}

	@Test
	void aClientConfigChangeDropsOnlyThatClientsSnapshots() throws Exception {
		Ivr mine = newIvr();
		Ivr other = newIvr();
		settle();
		IvrSnapshot mineBefore = this.snapshots.get(mine.extensionId()).orElseThrow();
		IvrSnapshot otherBefore = this.snapshots.get(other.extensionId()).orElseThrow();

		this.events.publishEvent(new ClientConfigChanged(mine.client().id()));

		assertThat(this.snapshots.get(mine.extensionId()).orElseThrow()).isNotSameAs(mineBefore);
		assertThat(this.snapshots.get(other.extensionId())).containsSame(otherBefore);
	}

	@Test
	void anEditOfOneIvrKeepsAnotherClientsSnapshot() throws Exception {
		Ivr mine = newIvr();
		Ivr other = newIvr();
		settle();
		IvrSnapshot otherBefore = this.snapshots.get(other.extensionId()).orElseThrow();
		hangupRule(mine, "start");
		newSound(mine.token());
		assertThat(this.snapshots.get(other.extensionId())).containsSame(otherBefore);
	}

	@Test
	void aNewSoundOfTheClientIsInTheNextSnapshot() {
		Ivr ivr = newIvr();
		this.snapshots.get(ivr.extensionId()).orElseThrow();
		long sound = newSound(ivr.token());
		assertThat(this.snapshots.get(ivr.extensionId()).orElseThrow().soundDurationsMs()).containsKey(sound);
	}

	@Test
	void aChangeAnnouncedByAnotherNodeDropsTheSnapshotHere() throws Exception {
		Ivr ivr = newIvr();
		settle();
		IvrSnapshot before = this.snapshots.get(ivr.extensionId()).orElseThrow();
		if (!this.bus.active()) {
			// One node only on the embedded database: nothing travels, nothing is
			// dropped.
			this.bus.publish("client:" + ivr.client().id());
			assertThat(this.snapshots.get(ivr.extensionId())).containsSame(before);
			return;
		}
		String message = "client:" + ivr.client().id();
		CompletableFuture<Void> handled = this.bus.handled(message);
		// Another node's commit, as PostgreSQL delivers it.
		this.jdbc.sql("SELECT pg_notify(?, ?)").params(SnapshotDropBus.CHANNEL, message).query((rs, n) -> n).list();
		handled.get(30, TimeUnit.SECONDS);
		assertThat(this.snapshots.get(ivr.extensionId()).orElseThrow()).isNotSameAs(before);
	}

	@Test
	void intervalsAreReadFromTheirStoredWireFormat() {
		Ivr ivr = newIvr();
		Response created = post("/client/@me/interval/", ivr.token(),
				Map.of("name", "office hours", "timezone", "Asia/Yekaterinburg", "conditions", List.of(
						Map.of("start_dow", 2, "end_dow", 6, "start_time", "09:00:00", "end_time", "18:00:00"),
						Map.of("start_datetime", "2026-12-31 00:00:00", "end_datetime", "2027-01-08 23:59:59"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.body().get("id").asLong();

		Interval interval = this.snapshots.get(ivr.extensionId()).orElseThrow().intervals().get(id);
		assertThat(interval.timezone()).isEqualTo("Asia/Yekaterinburg");
		assertThat(interval.conditions()).containsExactly(
				new IntervalCondition(2, 6, null, null, null, LocalTime.of(9, 0), LocalTime.of(18, 0), null, null),
				new IntervalCondition(null, null, null, null, null, null, null, LocalDateTime.of(2026, 12, 31, 0, 0),
						LocalDateTime.of(2027, 1, 8, 23, 59, 59)));
	}

	@Test
	void thereIsNoSnapshotOfAPhoneExtension() {
		TestClient client = newClient();
		long phone = newExtension(client.token(), "phone");
		assertThat(this.snapshots.get(phone)).isEmpty();
	}

	/**
	 * Waits until this node has heard the database's announcements of every earlier write
	 * (PostgreSQL delivers them in commit order, after the HTTP answer), so that a
	 * snapshot loaded next is cached rather than dropped by a late echo of those writes.
	 */
	private void settle() throws Exception {
		if (this.bus.active()) {
			String marker = "marker:" + UUID.randomUUID();
			CompletableFuture<Void> heard = this.bus.handled(marker);
			this.jdbc.sql("SELECT pg_notify(?, ?)").params(SnapshotDropBus.CHANNEL, marker).query((rs, n) -> n).list();
			heard.get(30, TimeUnit.SECONDS);
		}
	}

}
