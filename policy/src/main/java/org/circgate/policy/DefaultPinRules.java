package org.circgate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Symphony's default PIN behaviour (seed 002): PINs of letters and digits, letters upper-cased when saved and at
 * login (so PINs are case-insensitive), generated PINs are random digits, no expiry.
 *
 * @param maxLength         longest PIN a user may set, 1–{@value #MAX_LENGTH_LIMIT}
 * @param generatedLength   digits in a generated PIN, 1–10 (seed 002: "1 to 10 digit PINs")
 * @param maxFailedAttempts consecutive failures that lock the PIN, 0 = never (Symphony's default PINs do not lock)
 */
public record DefaultPinRules(int maxLength, int generatedLength, int maxFailedAttempts) implements PinRules {

    public static final int MAX_LENGTH_LIMIT = 64;
    public static final int MAX_GENERATED_LENGTH = 10;
    public static final int MAX_FAILED_ATTEMPTS_LIMIT = 100;

    public static final int DEFAULT_MAX_LENGTH = 20;
    public static final int DEFAULT_GENERATED_LENGTH = 4;
    public static final DefaultPinRules STANDARD =
            new DefaultPinRules(DEFAULT_MAX_LENGTH, DEFAULT_GENERATED_LENGTH, 0);

    public DefaultPinRules {
        if (maxLength < 1 || maxLength > MAX_LENGTH_LIMIT) {
            throw new IllegalArgumentException("default PIN maxLength " + maxLength + " is outside 1-"
                    + MAX_LENGTH_LIMIT);
        }
        if (generatedLength < 1 || generatedLength > Math.min(MAX_GENERATED_LENGTH, maxLength)) {
            throw new IllegalArgumentException("default PIN generatedLength " + generatedLength + " is outside 1-"
                    + Math.min(MAX_GENERATED_LENGTH, maxLength));
        }
        if (maxFailedAttempts < 0 || maxFailedAttempts > MAX_FAILED_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("default PIN maxFailedAttempts " + maxFailedAttempts
                    + " is outside 0-" + MAX_FAILED_ATTEMPTS_LIMIT);
        }
    }

    @Override
    public boolean caseSensitive() {
        return false;
    }

    @Override
    public String normalize(String pin) {
        return pin.toUpperCase(Locale.ROOT);
    }

    @Override
    public List<PinViolation> check(String newPin) {
        List<PinViolation> violations = new ArrayList<>();
        if (newPin == null || newPin.isEmpty()) {
            violations.add(PinViolation.EMPTY);
            return violations;
        }
        if (PinRules.onlyAsterisks(newPin)) {
            violations.add(PinViolation.ONLY_ASTERISKS);
            return violations;
        }
        if (newPin.length() > maxLength) {
            violations.add(PinViolation.TOO_LONG);
        }
        for (int i = 0; i < newPin.length(); i++) {
            char c = newPin.charAt(i);
            if (!PinCharacters.isAsciiLetter(c) && !PinCharacters.isDigit(c)) {
                violations.add(PinViolation.INVALID_CHARACTER);
                break;
            }
        }
        return violations;
    }

    @Override
    public LocalDate expiryFor(LocalDate created) {
        return null;
    }

    @Override
    public int warningDays() {
        return 0;
    }

    @Override
    public String generate(RandomGenerator random) {
        char[] digits = new char[generatedLength];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }
}
