package org.circgate.sip2.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 3 / brief "secrets": {@code toString} of any message masks AC, AD and CO. */
class Sip2MessageToStringTest {

    private static final String SECRET = "S3cr3t-PIN";
    private static final Set<String> SECRET_COMPONENTS = Set.of("terminalPassword", "patronPassword", "loginPassword");

    static Stream<Class<?>> allTypes() {
        return Sip2Arbitraries.ALL_TYPES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    @DisplayName("toString never shows AC, AD or CO values, neither typed nor as extensions")
    void secretsAreMasked(Class<?> type) {
        Sip2Message sample = Sip2Arbitraries.messages(type, Sip2CodecSettings.DEFAULTS).sample();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(sample);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (SECRET_COMPONENTS.contains(components[i].getName())) {
                values[i] = SECRET;
            }
            if (components[i].getName().equals("extensions")) {
                values[i] = List.of(Sip2Field.of("AD", SECRET), Sip2Field.of("CO", SECRET), Sip2Field.of("XA", "x"));
            }
        }
        Sip2Message message = (Sip2Message) Sip2Arbitraries.newInstance(type, values);
        assertThat(message.toString()).doesNotContain(SECRET).contains(type.getSimpleName());
    }

    @Test
    @DisplayName("the mask keeps presence visible: an empty password shows as empty, a set one as ***")
    void emptyVersusSet() {
        assertThat(LoginRequest.of("kiosk", "", "MAIN").toString()).contains("loginPassword=,");
        assertThat(LoginRequest.of("kiosk", "pw", "MAIN").toString()).contains("loginPassword=***");
    }
}
