package org.circgate.sip2.message;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.PaymentType;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.Summary;
import org.circgate.sip2.SupportedMessages;

/**
 * Generators for every SIP2 message type, driven by the record components (so a new field is covered without
 * touching the tests). Text is drawn from what the connection's charset can carry, minus the delimiter and control
 * characters that the encoder deliberately rewrites.
 */
final class Sip2Arbitraries {

    static final Charset CP850 = Charset.forName("IBM850");

    /** Every concrete message type, from the sealed hierarchy. */
    static final List<Class<?>> ALL_TYPES = allTypes();

    private static final String LATIN = "äöüßéèêÄÖÜñÑçÇøØåÅ£áíóú";
    private static final String BEYOND_LATIN = "€漢字łŁ";
    private static final String SUPPLEMENTARY = "😀";

    private Sip2Arbitraries() {
    }

    private static List<Class<?>> allTypes() {
        List<Class<?>> types = new ArrayList<>();
        types.addAll(Arrays.asList(Sip2Request.class.getPermittedSubclasses()));
        types.addAll(Arrays.asList(Sip2Response.class.getPermittedSubclasses()));
        return List.copyOf(types);
    }

    static Arbitrary<Sip2CodecSettings> settings() {
        Arbitrary<Charset> charsets = Arbitraries.of(CP850, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8);
        Arbitrary<Character> delimiters = Arbitraries.of('|', '^', '~');
        Arbitrary<ErrorDetectionMode> modes = Arbitraries.of(ErrorDetectionMode.class);
        Arbitrary<Boolean> transliterate = Arbitraries.of(false, false, true);
        return Combinators.combine(charsets, delimiters, modes, transliterate)
                .as((cs, d, m, t) -> new Sip2CodecSettings(cs, d, m, t, Sip2CodecSettings.MAX_FRAME_LENGTH));
    }

    static Arbitrary<ErrorDetection> trailer(Sip2CodecSettings settings) {
        Arbitrary<ErrorDetection> enabled = Arbitraries.oneOf(Arbitraries.just(ErrorDetection.checksumOnly()),
                Arbitraries.integers().between(0, 9).map(ErrorDetection::sequence));
        if (settings.errorDetection() == ErrorDetectionMode.REQUIRED) {
            return enabled;
        }
        return Arbitraries.oneOf(Arbitraries.just(ErrorDetection.none()), enabled);
    }

    /** Text a value of this connection can carry unchanged. */
    static Arbitrary<String> text(Sip2CodecSettings settings) {
        List<String> tokens = new ArrayList<>();
        for (char c = ' '; c <= '~'; c++) {
            if (c != settings.fieldDelimiter()) {
                tokens.add(String.valueOf(c));
            }
        }
        if (!settings.asciiTransliteration()) {
            LATIN.chars().forEach(c -> tokens.add(String.valueOf((char) c)));
            if (settings.charset().equals(StandardCharsets.UTF_8)) {
                BEYOND_LATIN.chars().forEach(c -> tokens.add(String.valueOf((char) c)));
                tokens.add(SUPPLEMENTARY);
            }
        }
        Arbitrary<String> shortText = Arbitraries.of(tokens).list().ofMaxSize(24).map(l -> String.join("", l));
        Arbitrary<String> longText = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(255);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, shortText), net.jqwik.api.Tuple.of(1, longText));
    }

    static Arbitrary<Sip2DateTime> dates() {
        Arbitrary<String> zones = Arbitraries.oneOf(Arbitraries.of(Sip2DateTime.LOCAL, Sip2DateTime.UTC),
                Arbitraries.chars().range('A', 'Y').map(c -> "   " + c));
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 31), Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59), zones)
                .as((y, mo, d, h, mi, s, z) -> new Sip2DateTime(y, mo,
                        Math.min(d, Month.of(mo).length(Year.isLeap(y))), h, mi, s, z));
    }

    static Arbitrary<List<Sip2Field>> extensions(Sip2CodecSettings settings) {
        // IDs no message type models: vendor prefixes P (not PA..PI), X, Z and lower case.
        Arbitrary<FieldId> ids = Combinators.combine(Arbitraries.of('X', 'Z', 'q', 'P'),
                Arbitraries.of("JKLMNOQRSTUVWXYZ0123456789".chars().mapToObj(c -> (char) c).toList()))
                .as((a, b) -> FieldId.of(a, b));
        return Combinators.combine(ids, text(settings)).as(Sip2Field::new).list().ofMaxSize(3);
    }

    private static final java.util.Map<List<Object>, Arbitrary<Sip2Message>> MESSAGES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Class<?>, boolean[]> NULLABLE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Messages of one type whose every value survives an encode/decode with these settings (cached). */
    static Arbitrary<Sip2Message> messages(Class<?> type, Sip2CodecSettings settings) {
        return MESSAGES.computeIfAbsent(List.of(type, settings), key -> newMessages(type, settings));
    }

    private static Arbitrary<Sip2Message> newMessages(Class<?> type, Sip2CodecSettings settings) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            return Arbitraries.just((Sip2Message) newInstance(type, new Object[0]));
        }
        boolean[] nullable = NULLABLE.computeIfAbsent(type, Sip2Arbitraries::nullability);
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            Arbitrary<Object> part = component(components[i], settings);
            parts.add(nullable[i] ? part.injectNull(0.25) : part);
        }
        return Combinators.combine(parts).as(values -> (Sip2Message) newInstance(type, values.toArray()));
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> component(RecordComponent component, Sip2CodecSettings settings) {
        Class<?> type = component.getType();
        String name = component.getName();
        Arbitrary<?> arbitrary;
        if (type == boolean.class) {
            arbitrary = Arbitraries.of(true, false);
        } else if (type == char.class) {
            arbitrary = Arbitraries.chars().range(' ', '~');
        } else if (type == int.class) {
            arbitrary = Arbitraries.integers().between(0, name.endsWith("Count") ? 9999 : 999);
        } else if (type == Integer.class) {
            arbitrary = Arbitraries.integers().between(0, name.endsWith("Item") ? 999_999 : 9999);
        } else if (type == Boolean.class) {
            arbitrary = Arbitraries.of(true, false);
        } else if (type == String.class && name.equals("protocolVersion")) {
            arbitrary = Arbitraries.strings().withCharRange(' ', '~').ofLength(4);
        } else if (type == String.class) {
            arbitrary = text(settings);
        } else if (type == List.class) {
            Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            arbitrary = element == Sip2Field.class ? extensions(settings) : text(settings).list().ofMaxSize(3);
        } else if (type == Sip2DateTime.class) {
            arbitrary = dates();
        } else if (type.isEnum()) {
            arbitrary = Arbitraries.of((Class<Enum>) type);
        } else if (type == PatronStatus.class) {
            arbitrary = Arbitraries.integers().between(0, (1 << 14) - 1).map(PatronStatus::new);
        } else if (type == Summary.class) {
            arbitrary = Arbitraries.integers().between(0, (1 << 10) - 1).map(Summary::new);
        } else if (type == SupportedMessages.class) {
            arbitrary = Arbitraries.integers().between(0, (1 << 16) - 1).map(SupportedMessages::new);
        } else if (type == PaymentType.class) {
            arbitrary = Arbitraries.strings().withChars("0123456789AZ").ofLength(2).map(PaymentType::of);
        } else if (type == CurrencyType.class) {
            arbitrary = Arbitraries.strings().withCharRange('A', 'Z').ofLength(3).map(CurrencyType::of);
        } else {
            throw new IllegalStateException("no generator for " + type + " " + name);
        }
        return (Arbitrary<Object>) arbitrary;
    }

    /** Which components accept null, found by trying (fixed fields do not, optional variable fields do). */
    private static boolean[] nullability(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] sample = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            sample[i] = component(components[i], Sip2CodecSettings.DEFAULTS).sample();
        }
        boolean[] nullable = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            Object[] values = sample.clone();
            values[i] = null;
            try {
                newInstance(type, values);
                nullable[i] = true;
            } catch (NullPointerException notNullable) {
                nullable[i] = false;
            }
        }
        return nullable;
    }

    static Object newInstance(Class<?> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
