package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * User Profile attributes and their ranges: seed 001 (001_a08477753202bef7.txt) and seed 003
 * (003_697d191a98c8f841.txt).
 */
class UserProfileTest {

    private static UserProfile.Builder base() {
        return UserProfile.builder("ADULT");
    }

    @ParameterizedTest(name = "seed 001: profile name \"{0}\" is accepted")
    @ValueSource(strings = {"ADULT", "JUVENILE", "A", "NEW-USER", "ST_AFF", "COST$", "abcdefghij", "0123456789"})
    void validNames(String name) {
        assertThat(UserProfile.builder(name).build().name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "seed 001: profile name \"{0}\" is refused")
    @ValueSource(strings = {"", "ELEVENCHARS", "HAS SPACE", "PIPE|X", "DOT.X", "COMMA,X", "ÄDULT", "A/B"})
    void invalidNames(String name) {
        assertThatThrownBy(() -> UserProfile.builder(name).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    @DisplayName("seed 001: description up to 60 characters with spaces and punctuation, never a pipe")
    void description() {
        assertThat(base().description("Adults, 18+ (resident); see policy #4!".repeat(1)).build().description())
                .isNotEmpty();
        assertThat(base().description("x".repeat(60)).build()).isNotNull();
        assertThatThrownBy(() -> base().description("x".repeat(61)).build()).hasMessageContaining("60");
        assertThatThrownBy(() -> base().description("a | b").build()).hasMessageContaining("pipe");
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("seed 001: hold rank below 100", (UnaryOperator<UserProfile.Builder>) b -> b.holdRank(99)),
                Arguments.of("seed 001: hold rank above 199",
                        (UnaryOperator<UserProfile.Builder>) b -> b.holdRank(200)),
                Arguments.of("seed 001: overdue threshold above 32,000",
                        (UnaryOperator<UserProfile.Builder>) b -> b.overdueThreshold(32_001)),
                Arguments.of("seed 001: negative overdue threshold",
                        (UnaryOperator<UserProfile.Builder>) b -> b.overdueThreshold(-1)),
                Arguments.of("seed 001: bill threshold above $10,000.00",
                        (UnaryOperator<UserProfile.Builder>) b -> b.billThresholdCents(1_000_001)),
                Arguments.of("seed 001: overdue-recall threshold above 32,000",
                        (UnaryOperator<UserProfile.Builder>) b -> b.overdueRecallThreshold(32_001)),
                Arguments.of("seed 001: routing rank 0", (UnaryOperator<UserProfile.Builder>) b -> b.routingRank(0)),
                Arguments.of("seed 001: routing rank 1000",
                        (UnaryOperator<UserProfile.Builder>) b -> b.routingRank(1000)),
                Arguments.of("seed 001: negative privilege fee",
                        (UnaryOperator<UserProfile.Builder>) b -> b.privilegeFeeCents(-1)),
                Arguments.of("seed 001: location must be a policy name",
                        (UnaryOperator<UserProfile.Builder>) b -> b.location("CHECKED OUT")),
                Arguments.of("seed 001: overlapping track dates",
                        (UnaryOperator<UserProfile.Builder>) b -> b.trackDates(List.of(
                                new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)),
                                new DateRange(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 28))))));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("outOfRange")
    void ranges(String rule, UnaryOperator<UserProfile.Builder> change) {
        assertThatThrownBy(() -> change.apply(base()).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("seed 001: range ends are accepted (hold rank 100 and 199, thresholds 0 and 32,000, $10,000.00,"
            + " routing rank 1 and 999)")
    void rangeEnds() {
        assertThat(base().holdRank(100).overdueThreshold(32_000).billThresholdCents(1_000_000)
                .overdueRecallThreshold(32_000).routingRank(1).build()).isNotNull();
        assertThat(base().holdRank(199).overdueThreshold(0).billThresholdCents(0).routingRank(999).build())
                .isNotNull();
    }

    @Test
    @DisplayName("seed 001: limits are 0-24,999 or UNLIMITED; UNLIMITED is 25,000")
    void limits() {
        assertThat(Limit.of(0).isReachedBy(0)).isTrue();
        assertThat(Limit.of(24_999).isUnlimited()).isFalse();
        assertThat(Limit.of(25_000)).isSameAs(Limit.UNLIMITED);
        assertThat(Limit.UNLIMITED.isReachedBy(Integer.MAX_VALUE)).isFalse();
        assertThat(Limit.UNLIMITED.toString()).isEqualTo("UNLIMITED");
        assertThatThrownBy(() -> Limit.of(25_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "seed 001: {0} is protected by default")
    @ValueSource(strings = {"SIRSI", "ADMIN", "MISSING", "LOST", "DISCARD", "RESERVES", "INTRANSIT", "LIBRARYUSE"})
    void defaultProtected(String name) {
        UserProfile profile = UserProfile.builder(name).build();
        assertThat(profile.protectedProfile()).isTrue();
        assertThat(profile.usersMayBeDeleted()).isFalse();
        assertThat(profile.toBuilder().protectedProfile(false).build().usersMayBeDeleted())
                .as("seed 001: you can change the Protect setting for any profile").isTrue();
    }

    @Test
    @DisplayName("seed 001: other profiles are not protected unless marked")
    void notProtectedByDefault() {
        assertThat(base().build().protectedProfile()).isFalse();
        assertThat(base().protectedProfile(true).build().usersMayBeDeleted()).isFalse();
    }

    @Test
    @DisplayName("seeds 001/003: the builder's defaults")
    void defaults() {
        UserProfile p = base().build();
        assertThat(p.billable()).isTrue();
        assertThat(p.locationBased()).isFalse();
        assertThat(p.privilegeLimit()).isEqualTo(PrivilegeLimit.NEVER);
        assertThat(p.chargeLimit()).isEqualTo(Limit.UNLIMITED);
        assertThat(p.holdRank()).isEqualTo(UserProfile.DEFAULT_HOLD_RANK);
        assertThat(p.overdueThreshold()).isZero();
        assertThat(p.incrementItemChargeCounter()).isTrue();
        assertThat(p.eligibleForReservation()).as("seed 001: by default this check box is cleared").isFalse();
        assertThat(p.consecutiveReservationAllowed()).isFalse();
        assertThat(p.preventTwoCopiesOfTitle()).isFalse();
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }
}
