package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PIN and Preferred ID rules of seed 002 (002_a9956b3d30e14fae.txt, Privilege Tab). */
class PinRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 14);
    private static final DefaultPinRules DEFAULT = DefaultPinRules.STANDARD;
    private static final PinPolicy STRONG = new PinPolicy("STRONG", "Staff PINs", 8, 20, 1, 1, 1, 1, 90, 14, 3);

    @Test
    @DisplayName("seed 002: default PINs are upper-cased when saved and at login, so they are case-insensitive")
    void defaultCaseInsensitive() {
        assertThat(DEFAULT.caseSensitive()).isFalse();
        assertThat(DEFAULT.normalize("abc123")).isEqualTo("ABC123");
        assertThat(DEFAULT.normalize("abc123")).isEqualTo(DEFAULT.normalize("ABC123"));
        assertThat(DEFAULT.check("abc123")).isEmpty();
    }

    @Test
    @DisplayName("seed 002: default PINs are letters and digits")
    void defaultCharacters() {
        assertThat(DEFAULT.check("12 34")).containsExactly(PinViolation.INVALID_CHARACTER);
        assertThat(DEFAULT.check("x".repeat(21))).containsExactly(PinViolation.TOO_LONG);
    }

    @Test
    @DisplayName("seed 002: generated default PINs are 1 to 10 random digits")
    void generated() {
        SplittableRandom random = new SplittableRandom(42);
        for (int length = 1; length <= 10; length++) {
            String pin = new DefaultPinRules(20, length, 0).generate(random);
            assertThat(pin).hasSize(length).containsOnlyDigits();
        }
        assertThatThrownBy(() -> new DefaultPinRules(20, 11, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DefaultPinRules(20, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "seed 002: a PIN of only asterisks (\"{0}\") is refused")
    @ValueSource(strings = {"*", "*****", "**********"})
    void onlyAsterisks(String pin) {
        assertThat(DEFAULT.check(pin)).containsExactly(PinViolation.ONLY_ASTERISKS);
        assertThat(STRONG.check(pin)).containsExactly(PinViolation.ONLY_ASTERISKS);
        assertThat(PinRules.isCandidate(pin)).as("the mask never authenticates").isFalse();
        assertThat(DEFAULT.login(PinState.fresh(TODAY), pin, true, TODAY).refusal())
                .isEqualTo(PinLoginResult.Refusal.NO_PIN);
    }

    @Test
    @DisplayName("seed 002: the interface shows a secured PIN as five asterisks")
    void mask() {
        assertThat(PinRules.MASK).isEqualTo("*****");
    }

    @Test
    @DisplayName("seed 002: policy PINs are case-sensitive")
    void policyCaseSensitive() {
        assertThat(STRONG.caseSensitive()).isTrue();
        assertThat(STRONG.normalize("Abc1!xyz")).isEqualTo("Abc1!xyz");
    }

    @Test
    @DisplayName("seed 002: new policy PINs must meet the policy's requirements")
    void policyRequirements() {
        assertThat(STRONG.check("Abcdef1!")).isEmpty();
        assertThat(STRONG.check("Ab1!")).containsExactly(PinViolation.TOO_SHORT);
        assertThat(STRONG.check("abcdefgh")).containsExactly(PinViolation.MISSING_UPPERCASE,
                PinViolation.MISSING_DIGIT, PinViolation.MISSING_SPECIAL);
        assertThat(STRONG.check("ABCDEFG1!")).containsExactly(PinViolation.MISSING_LOWERCASE);
        assertThat(STRONG.check("Abcdef1|x")).contains(PinViolation.INVALID_CHARACTER);
        assertThat(STRONG.check("")).containsExactly(PinViolation.EMPTY);
    }

    @Test
    @DisplayName("seed 002: generated policy PINs meet the policy")
    void policyGenerated() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            assertThat(STRONG.check(STRONG.generate(random))).isEmpty();
        }
    }

    @Test
    @DisplayName("seed 002: PIN status ACTIVE, WARNING within the warning window, EXPIRED from the expiration date")
    void expiry() {
        LocalDate created = LocalDate.of(2024, 1, 1);
        LocalDate expires = STRONG.expiryFor(created);
        assertThat(expires).isEqualTo(created.plusDays(90));
        PinState state = new PinState(created, expires, 0, null);
        assertThat(STRONG.status(state, expires.minusDays(15))).isEqualTo(PinStatus.ACTIVE);
        assertThat(STRONG.status(state, expires.minusDays(14))).isEqualTo(PinStatus.WARNING);
        assertThat(STRONG.status(state, expires.minusDays(1))).isEqualTo(PinStatus.WARNING);
        assertThat(STRONG.status(state, expires)).isEqualTo(PinStatus.EXPIRED);
        assertThat(DEFAULT.expiryFor(created)).as("default PINs do not expire").isNull();
    }

    @Test
    @DisplayName("seed 002: a status set by an administrator trumps the expiration date")
    void manualStatus() {
        PinState expiredButActive = new PinState(TODAY.minusDays(100), TODAY.minusDays(10), 0, PinStatus.ACTIVE);
        assertThat(STRONG.status(expiredButActive, TODAY)).isEqualTo(PinStatus.ACTIVE);
        PinState lockedByAdmin = new PinState(TODAY, null, 0, PinStatus.LOCKED);
        assertThat(STRONG.login(lockedByAdmin, "Abcdef1!", true, TODAY).refusal())
                .isEqualTo(PinLoginResult.Refusal.LOCKED);
    }

    @Test
    @DisplayName("seed 002: lock after N failed attempts; a LOCKED PIN refuses even the right PIN until staff update"
            + " it")
    void lockout() {
        PinState state = new PinState(TODAY, null, 0, null);
        PinLoginResult first = STRONG.login(state, "wrong", false, TODAY);
        assertThat(first.accepted()).isFalse();
        assertThat(first.failedAttempts()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(PinStatus.ACTIVE);
        PinLoginResult third = STRONG.login(state.withFailedAttempts(2), "wrong", false, TODAY);
        assertThat(third.status()).isEqualTo(PinStatus.LOCKED);
        assertThat(third.lockedNow(PinStatus.ACTIVE)).isTrue();
        PinLoginResult afterLock = STRONG.login(state.withFailedAttempts(3), "Abcdef1!", true, TODAY);
        assertThat(afterLock.accepted()).isFalse();
        assertThat(afterLock.refusal()).isEqualTo(PinLoginResult.Refusal.LOCKED);
        assertThat(afterLock.failedAttempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("seed 002: a correct PIN resets the failure count; an expired one must be updated")
    void successAndExpired() {
        PinLoginResult ok = STRONG.login(new PinState(TODAY, null, 2, null), "Abcdef1!", true, TODAY);
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.failedAttempts()).isZero();
        assertThat(ok.refusal()).isNull();
        PinLoginResult expired = STRONG.login(new PinState(TODAY.minusDays(91), TODAY.minusDays(1), 0, null),
                "Abcdef1!", true, TODAY);
        assertThat(expired.accepted()).isFalse();
        assertThat(expired.refusal()).isEqualTo(PinLoginResult.Refusal.EXPIRED);
        PinLoginResult warning = STRONG.login(new PinState(TODAY.minusDays(80), TODAY.plusDays(10), 0, null),
                "Abcdef1!", true, TODAY);
        assertThat(warning.accepted()).isTrue();
        assertThat(warning.status()).isEqualTo(PinStatus.WARNING);
    }

    @Test
    @DisplayName("DESIGN 4: an empty or missing PIN never authenticates")
    void emptyPin() {
        assertThat(PinRules.isCandidate(null)).isFalse();
        assertThat(PinRules.isCandidate("")).isFalse();
        assertThat(DEFAULT.login(PinState.fresh(TODAY), "", true, TODAY).accepted()).isFalse();
    }

    @Test
    @DisplayName("default PINs never lock unless configured")
    void defaultNoLock() {
        assertThat(DEFAULT.status(new PinState(TODAY, null, 1000, null), TODAY)).isEqualTo(PinStatus.ACTIVE);
        DefaultPinRules locking = new DefaultPinRules(20, 4, 5);
        assertThat(locking.status(new PinState(TODAY, null, 5, null), TODAY)).isEqualTo(PinStatus.LOCKED);
    }

    @Test
    @DisplayName("seed 002: Policy PINs pick the PIN policy from the User PIN map (bottom-up) by user access and"
            + " library")
    void pinMap() {
        PinPolicy basic = new PinPolicy("BASIC", "", 4, 10, 0, 0, 0, 0, 0, 0, 5);
        PinSettings settings = new PinSettings(PinSettings.Mode.POLICY, DefaultPinRules.STANDARD,
                List.of(basic, STRONG), List.of(new PinPolicyMapLine("*", "*", "BASIC"),
                        new PinPolicyMapLine("STAFF", "*", "STRONG")));
        assertThat(settings.rulesFor("STAFF", "MAIN")).isEqualTo(STRONG);
        assertThat(settings.rulesFor("PUBLIC", "MAIN")).isEqualTo(basic);
        assertThat(settings.rulesFor(null, null)).isEqualTo(basic);
        assertThat(PinSettings.STANDARD.rulesFor("STAFF", "MAIN")).isEqualTo(DefaultPinRules.STANDARD);
        assertThatThrownBy(() -> new PinSettings(PinSettings.Mode.POLICY, DefaultPinRules.STANDARD, List.of(STRONG),
                List.of(new PinPolicyMapLine("STAFF", "*", "STRONG")))).hasMessageContaining("every user");
    }

    @Test
    @DisplayName("PIN policy ranges are validated")
    void policyRanges() {
        assertThatThrownBy(() -> new PinPolicy("P", "", 0, 10, 0, 0, 0, 0, 0, 0, 0))
                .hasMessageContaining("minLength");
        assertThatThrownBy(() -> new PinPolicy("P", "", 8, 6, 0, 0, 0, 0, 0, 0, 0))
                .hasMessageContaining("maxLength");
        assertThatThrownBy(() -> new PinPolicy("P", "", 4, 4, 2, 2, 1, 0, 0, 0, 0))
                .hasMessageContaining("more characters");
        assertThatThrownBy(() -> new PinPolicy("P", "", 4, 8, 0, 0, 0, 0, 30, 30, 0))
                .hasMessageContaining("warningDays");
        assertThatThrownBy(() -> new PinPolicy("P", "", 4, 8, 0, 0, 0, 0, 0, 1, 0))
                .hasMessageContaining("warningDays");
    }

    @ParameterizedTest(name = "seed 002: Preferred ID \"{0}\" is accepted")
    @ValueSource(strings = {"abcdefgh", "user.name@example.org", "A-B_C+D=E!", "12345678"})
    void preferredIdValid(String id) {
        assertThat(PreferredIds.problemWith(id)).isEmpty();
    }

    @ParameterizedTest(name = "seed 002: Preferred ID \"{0}\" is refused")
    @ValueSource(strings = {"short", "1234567", "back\\slash", "co:lon123", "com,ma123", "quo\"te123", "lt<angle1",
        "paren(thes", "gt>angle12", "paren)thes", "semi;colon", "with space"})
    void preferredIdInvalid(String id) {
        assertThat(PreferredIds.isValid(id)).isFalse();
    }

    @Test
    @DisplayName("seed 002: Preferred ID is at most 254 characters")
    void preferredIdLength() {
        assertThat(PreferredIds.isValid("x".repeat(254))).isTrue();
        assertThat(PreferredIds.problemWith("x".repeat(255))).get().asString().contains("254");
        assertThat(PreferredIds.isValid(null)).isFalse();
    }
}
