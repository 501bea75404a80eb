package org.circgate.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SipAccountOptionsTest {

    @Test
    @DisplayName("no options: every request, any address, IBM850, '|', error detection auto, PIN required")
    void defaults() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = SipAccountOptions.parse(Map.of(), "a", errors);
        assertThat(errors).isEmpty();
        assertThat(options.allows(Sip2Command.FEE_PAID)).isTrue();
        assertThat(options.allowsAddress(new InetSocketAddress("203.0.113.9", 1))).isTrue();
        assertThat(options.codec(4096).charset().name()).isEqualTo("IBM850");
        assertThat(options.errorDetection()).isEqualTo(ErrorDetectionMode.AUTO);
        assertThat(options.pinRequired()).isTrue();
    }

    @Test
    @DisplayName("seed 000: permissions per account — allowed messages are enforced, 93/99/97 are always allowed")
    void allowedMessages() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = SipAccountOptions.parse(Map.of("allowedMessages", List.of("23", "63")), "a",
                errors);
        assertThat(errors).isEmpty();
        assertThat(options.allows(Sip2Command.PATRON_STATUS_REQUEST)).isTrue();
        assertThat(options.allows(Sip2Command.CHECKOUT)).isFalse();
        assertThat(options.allows(Sip2Command.SC_STATUS)).isTrue();
        assertThat(options.allows(Sip2Command.LOGIN)).isTrue();
        assertThat(options.allows(Sip2Command.REQUEST_ACS_RESEND)).isTrue();
    }

    @Test
    @DisplayName("allowed networks are CIDR ranges, IPv4 and IPv6")
    void networks() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = SipAccountOptions.parse(
                Map.of("allowedNetworks", List.of("10.20.0.0/16", "2001:db8::/32")), "a", errors);
        assertThat(errors).isEmpty();
        assertThat(options.allowsAddress(new InetSocketAddress("10.20.5.6", 1))).isTrue();
        assertThat(options.allowsAddress(new InetSocketAddress("10.21.5.6", 1))).isFalse();
        assertThat(options.allowsAddress(new InetSocketAddress("2001:db8::1", 1))).isTrue();
    }

    @Test
    @DisplayName("every bad option is reported with its path; unknown options are errors")
    void badOptions() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions.parse(Map.of("allowedMessages", List.of("42"), "allowedNetworks", List.of("10.0.0.0"),
                "charset", "UTF-16", "fieldDelimiter", "ab", "errorDetection", "sometimes", "retries", 1000,
                "hideFields", List.of("AA"), "colour", "red"), "sipAccounts[0]", errors);
        assertThat(errors).hasSize(8).allSatisfy(e -> assertThat(e).startsWith("sipAccounts[0]: field options."));
        assertThat(String.join("\n", errors)).contains("options.colour: unknown option")
                .contains("options.charset").contains("options.allowedNetworks");
    }

    @Test
    @DisplayName("charset, delimiter and sort bins by item type with a default")
    void codecAndSortBins() {
        List<String> errors = new ArrayList<>();
        SipAccountOptions options = SipAccountOptions.parse(Map.of("charset", "UTF-8", "fieldDelimiter", "^",
                "sortBins", Map.of("DVD", "D1", "*", "Z")), "a", errors);
        assertThat(errors).isEmpty();
        assertThat(options.codec(4096).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(options.codec(4096).fieldDelimiter()).isEqualTo('^');
        assertThat(options.sortBin("DVD")).isEqualTo("D1");
        assertThat(options.sortBin("BOOK")).isEqualTo("Z");
    }
}
