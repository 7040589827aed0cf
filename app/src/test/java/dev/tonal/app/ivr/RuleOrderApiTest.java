package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution order of an option's rules (api.md §7): new rules go last, and
 * {@code rules/order/} takes only a permutation of the option's rule ids.
 */
class RuleOrderApiTest extends IvrApiFixtures {

	@Test
	void newRulesAreAppendedToTheOrder() {
		Ivr ivr = newIvr();
		long a = hangupRule(ivr, "start");
		long b = hangupRule(ivr, "start");
		long c = hangupRule(ivr, "start");
		assertThat(order(ivr)).containsExactly(a, b, c);
	}

	@Test
	void aPermutationIsStoredAndIsTheListOrder() {
		Ivr ivr = newIvr();
		long a = hangupRule(ivr, "start");
		long b = hangupRule(ivr, "start");
		long c = hangupRule(ivr, "start");
		Response stored = put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", List.of(c, a, b)));
		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		assertThat(stored.body().get("order").valueStream().map((id) -> id.asLong())).containsExactly(c, a, b);
		assertThat(order(ivr)).containsExactly(c, a, b);
		assertThat(get(ivr.rules("start"), ivr.token()).body().findValues("id")).extracting((id) -> id.asLong())
			.containsExactly(c, a, b);
		long d = hangupRule(ivr, "start");
		assertThat(order(ivr)).containsExactly(c, a, b, d);
	}

	@Test
	void orderMissingARuleIsRefused() {
		Ivr ivr = newIvr();
		long a = hangupRule(ivr, "start");
		hangupRule(ivr, "start");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", List.of(a))), "order");
	}

	@Test
	void orderRepeatingARuleIsRefused() {
		Ivr ivr = newIvr();
		long a = hangupRule(ivr, "start");
		long b = hangupRule(ivr, "start");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", List.of(a, a, b))), "order");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", List.of(a, a))), "order");
	}

	@Test
	void orderNamingARuleOfAnotherOptionIsRefused() {
		Ivr ivr = newIvr();
		long a = hangupRule(ivr, "start");
		long other = hangupRule(ivr, "timeout");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", List.of(other))), "order");
		assertThat(order(ivr)).containsExactly(a);
	}

	@Test
	void orderThatIsNotAListOfIdsIsRefused() {
		Ivr ivr = newIvr();
		long a = hangupRule(ivr, "start");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", "" + a)), "order");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of("order", List.of("x"))), "order");
		assertFieldError(put(ivr.rules("start") + "order/", ivr.token(), Map.of()), "order");
	}

	private List<Long> order(Ivr ivr) {
		Response order = get(ivr.rules("start") + "order/", ivr.token());
		assertThat(order.status()).as(order.toString()).isEqualTo(200);
		return order.body().get("order").valueStream().map((id) -> id.asLong()).toList();
	}

}
