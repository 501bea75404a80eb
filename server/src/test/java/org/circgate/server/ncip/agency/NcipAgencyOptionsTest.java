package org.circgate.server.ncip.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circgate.ncip.NcipService;
import org.circgate.server.ncip.agency.NcipAgencyOptions.Reveal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NcipAgencyOptionsTest {

    @Test
    @DisplayName("Defaults: LookupUser reveals the name only, every service, check-in of an item not on loan is a "
            + "Problem, AcceptItem items are ILL, 7 days on the hold shelf (issue 7 agency options)")
    void defaults() {
        List<String> errors = new ArrayList<>();
        NcipAgencyOptions options = NcipAgencyOptions.parse(Map.of(), "a", errors);
        assertThat(errors).isEmpty();
        assertThat(options).isEqualTo(NcipAgencyOptions.DEFAULTS);
        assertThat(options.reveals(Reveal.NAME)).isTrue();
        assertThat(options.reveals(Reveal.EMAIL)).isFalse();
        assertThat(options.allows(NcipService.ACCEPT_ITEM)).isTrue();
        assertThat(options.checkinNotOnLoanOk()).isFalse();
        assertThat(options.acceptItem()).isEqualTo(new NcipAgencyOptions.AcceptItemSettings("", "ILL", null, 7));
    }

    @Test
    @DisplayName("Every option is read")
    void everyOption() {
        List<String> errors = new ArrayList<>();
        NcipAgencyOptions options = NcipAgencyOptions.parse(Map.of(
                "lookupUserReveals", List.of("email", "loanedItems"),
                "services", List.of("LookupUser", "CheckOutItem"),
                "checkinNotOnLoanOk", true,
                "acceptItem", Map.of("barcodePrefix", "ILL-", "itemType", "ILLBOOK", "location", "SOUTH",
                        "holdShelfDays", 14)), "a", errors);
        assertThat(errors).isEmpty();
        assertThat(options.reveals()).containsExactlyInAnyOrder(Reveal.EMAIL, Reveal.LOANED_ITEMS);
        assertThat(options.services()).containsExactlyInAnyOrder(NcipService.LOOKUP_USER, NcipService.CHECK_OUT_ITEM);
        assertThat(options.checkinNotOnLoanOk()).isTrue();
        assertThat(options.acceptItem()).isEqualTo(new NcipAgencyOptions.AcceptItemSettings("ILL-", "ILLBOOK",
                "SOUTH", 14));
    }

    @Test
    @DisplayName("Unknown keys, values and types are errors naming the path and option (import format rule: typos "
            + "never pass silently)")
    void errors() {
        List<String> errors = new ArrayList<>();
        NcipAgencyOptions.parse(Map.of(
                "lookupUserReveal", List.of("name"),
                "lookupUserReveals", List.of("pin"),
                "services", List.of("UpdateUser"),
                "checkinNotOnLoanOk", "yes",
                "acceptItem", Map.of("barcodePrefix", "has|pipe", "holdShelfDays", 0, "colour", "red")), "x", errors);
        assertThat(errors).anyMatch(e -> e.startsWith("x: field options.lookupUserReveal: unknown option"))
                .anyMatch(e -> e.contains("options.lookupUserReveals: 'pin' is not one of"))
                .anyMatch(e -> e.contains("options.services: 'UpdateUser' is not an NCIP service"))
                .anyMatch(e -> e.contains("options.checkinNotOnLoanOk: must be true or false"))
                .anyMatch(e -> e.contains("options.acceptItem.barcodePrefix: must be"))
                .anyMatch(e -> e.contains("options.acceptItem.holdShelfDays: must be a whole number 1-365"))
                .anyMatch(e -> e.contains("options.acceptItem.colour: unknown option"));
    }
}
