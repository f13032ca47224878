package kw.billpay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A refusal's kind decides its HTTP status in one place; each factory must give its own. */
class RefusalTest {

    @Test
    void eachFactoryGivesItsKindCodeAndDetail() {
        List<Refusal> refusals = List.of(Refusal.invalid("INVALID_AMOUNT", "a"), Refusal.validation("b"),
                Refusal.unprocessable("NO_FX_RATE", "c"), Refusal.notFound("UNKNOWN_ACCOUNT", "d"),
                Refusal.conflict("ALREADY_REVERSED", "e"), Refusal.forbidden("NOT_YOURS", "f"));

        assertThat(refusals).extracting(Refusal::kind).containsExactly(Refusal.Kind.INVALID, Refusal.Kind.INVALID,
                Refusal.Kind.UNPROCESSABLE, Refusal.Kind.NOT_FOUND, Refusal.Kind.CONFLICT, Refusal.Kind.FORBIDDEN);
        assertThat(refusals).extracting(Refusal::code).containsExactly("INVALID_AMOUNT", "VALIDATION_FAILED",
                "NO_FX_RATE", "UNKNOWN_ACCOUNT", "ALREADY_REVERSED", "NOT_YOURS");
        assertThat(refusals).extracting(Refusal::getMessage).containsExactly("a", "b", "c", "d", "e", "f");
    }

    @Test
    void aRefusalHasAKindAndACode() {
        assertThatThrownBy(() -> new Refusal(null, "X", "d")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Refusal(Refusal.Kind.INVALID, null, "d")).isInstanceOf(NullPointerException.class);
    }
}
