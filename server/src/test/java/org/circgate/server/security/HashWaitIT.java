package org.circgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.NcipMessages.auth;
import static org.circgate.server.testing.NcipMessages.lookupUser;
import static org.circgate.server.testing.Sip2Lines.fields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.NcipTestClient;
import org.circgate.server.testing.NcipXml;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 and the brief (every limit configurable with a safe default; never a hang): a PIN or password check that
 * gets no turn to hash within {@code security.hashWaitSeconds} is refused as temporarily unavailable, over SIP2 and
 * NCIP, and is not counted as a wrong PIN.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class HashWaitIT {
    private static ServerFixture server;
    private static SecretHasher hasher;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database, Map.of("CIRCGATE_SECURITY_MAX_CONCURRENT_HASHES", "1",
                "CIRCGATE_SECURITY_HASH_WAIT_SECONDS", "1"));
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
        hasher = server.server().database().hasher();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("no turn to hash within the wait: 24 and 94 refused, NCIP a Temporary Processing Failure, no PIN "
            + "failure counted; with a turn free the same requests pass")
    void checksWithoutATurnAreRefusedNotCountedAsWrong() throws Exception {
        String status = Sip2Lines.patronStatus(TestLibrary.INSTITUTION, "T3", TestLibrary.PIN);
        String lookup = lookupUser("T-ILL", "TEST", auth("Barcode Id", "T3") + auth("PIN", TestLibrary.PIN));
        NcipTestClient ncip = new NcipTestClient(server.ncip());
        try (Sip2TestClient kiosk = server.sip2Client(); Sip2TestClient late = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login("tkiosk", "tkiosk", "NORTH"))).isEqualTo("941");
            hasher.permits().acquire();
            try {
                String refused = kiosk.exchange(status);
                assertThat(refused).startsWith("24");
                assertThat(fields(refused, "AF")).contains("System unavailable; please try again or see staff");
                assertThat(fields(refused, "CQ")).containsExactly("N");
                assertThat(late.exchange(Sip2Lines.login("tkiosk", "tkiosk", "NORTH"))).isEqualTo("940");
                NcipXml busy = ncip.send(NcipTestAgencies.KEY, lookup);
                assertThat(busy.problemType()).isEqualTo("Temporary Processing Failure");
            } finally {
                hasher.permits().release();
            }
            assertThat(pinFailures("T3")).isZero();
            String answered = kiosk.exchange(status);
            assertThat(fields(answered, "CQ")).containsExactly("Y");
            assertThat(late.exchange(Sip2Lines.login("tkiosk", "tkiosk", "NORTH"))).isEqualTo("941");
            assertThat(ncip.send(NcipTestAgencies.KEY, lookup).isProblem()).isFalse();
        }
        assertThat(hasher.permits().availablePermits()).as("every refused wait gave nothing back it had not taken")
                .isEqualTo(1);
    }

    private static long pinFailures(String barcode) throws Exception {
        try (Connection c = server.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT pin_failures FROM patron WHERE barcode = ?")) {
            s.setString(1, barcode);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
