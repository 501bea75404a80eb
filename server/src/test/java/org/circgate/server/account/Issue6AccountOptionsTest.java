package org.circgate.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circgate.sip2.Sip2Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 6 account options: status updates, third-party renewals, overpayments, payment types, block standing. */
class Issue6AccountOptionsTest {
    private static SipAccountOptions parse(Map<String, ?> options, List<String> errors) {
        return SipAccountOptions.parse(options, "sipAccounts[0]", errors);
    }

    @Test
    @DisplayName("safe defaults: no status updates, no third-party renewals, no overpayments, SIP2's payment types, BARRED")
    void defaults() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = parse(Map.of(), errors);
        assertThat(errors).isEmpty();
        assertThat(options.statusUpdateAllowed()).isFalse();
        assertThat(options.thirdPartyRenewAllowed()).isFalse();
        assertThat(options.overpaymentAllowed()).isFalse();
        assertThat(options.paymentTypes()).containsExactlyInAnyOrder("00", "01", "02");
        assertThat(options.blockStanding()).isEqualTo("BARRED");
        assertThat(options.allows(Sip2Command.ITEM_STATUS_UPDATE)).as("allowed as a message, refused by the flag")
                .isTrue();
    }

    @Test
    @DisplayName("set and read back")
    void set() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = parse(Map.of("statusUpdateAllowed", true, "thirdPartyRenewAllowed", true,
                "overpaymentAllowed", true, "paymentTypes", List.of("00", "05"), "blockStanding", "STAFFBAR"), errors);
        assertThat(errors).isEmpty();
        assertThat(options.statusUpdateAllowed()).isTrue();
        assertThat(options.thirdPartyRenewAllowed()).isTrue();
        assertThat(options.overpaymentAllowed()).isTrue();
        assertThat(options.paymentTypes()).containsExactlyInAnyOrder("00", "05");
        assertThat(options.blockStanding()).isEqualTo("STAFFBAR");
    }

    @Test
    @DisplayName("bad values are reported with the path and the option, all of them")
    void validated() {
        List<String> errors = new ArrayList<>();
        parse(Map.of("statusUpdateAllowed", "yes", "paymentTypes", List.of("5", "0|"), "blockStanding", "no way"),
                errors);
        assertThat(errors).hasSize(4).allSatisfy(e -> assertThat(e).startsWith("sipAccounts[0]: field options."));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("statusUpdateAllowed"))
                .anySatisfy(e -> assertThat(e).contains("paymentTypes: '5'"))
                .anySatisfy(e -> assertThat(e).contains("paymentTypes: '0|'"))
                .anySatisfy(e -> assertThat(e).contains("blockStanding"));
    }
}
