package org.circgate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A User PIN policy (seed 002, Policy PIN behaviour): PINs are case-sensitive, must meet the requirements below,
 * may expire with a warning window, and lock after too many failed logins (then staff must update them).
 *
 * @param name              ≤ 10 letters, digits, {@code - _ $}
 * @param description       ≤ 60 characters, no {@code |}
 * @param minLength         1–{@value #MAX_LENGTH_LIMIT}
 * @param maxLength         minLength–{@value #MAX_LENGTH_LIMIT}
 * @param minUppercase      required uppercase letters
 * @param minLowercase      required lowercase letters
 * @param minDigits         required digits
 * @param minSpecial        required special characters (printable ASCII other than letters, digits, space, pipe)
 * @param expiryDays        days a new PIN lasts, 0 = never expires
 * @param warningDays       days before expiry in which the status is WARNING ("Number of days before PIN expires to
 *                          warn user"); less than expiryDays, 0 when PINs never expire
 * @param maxFailedAttempts consecutive failures that lock the PIN, 0 = never
 */
public record PinPolicy(String name, String description, int minLength, int maxLength, int minUppercase,
                        int minLowercase, int minDigits, int minSpecial, int expiryDays, int warningDays,
                        int maxFailedAttempts) implements PinRules {

    public static final int MAX_LENGTH_LIMIT = 64;
    public static final int MAX_EXPIRY_DAYS = 3_650;

    public PinPolicy {
        PolicyNames.requireName(name, "PIN policy name");
        String what = "PIN policy " + name;
        PolicyNames.requireDescription(description, what + " description");
        range(minLength, 1, MAX_LENGTH_LIMIT, what + " minLength");
        range(maxLength, minLength, MAX_LENGTH_LIMIT, what + " maxLength");
        range(minUppercase, 0, maxLength, what + " minUppercase");
        range(minLowercase, 0, maxLength, what + " minLowercase");
        range(minDigits, 0, maxLength, what + " minDigits");
        range(minSpecial, 0, maxLength, what + " minSpecial");
        if (minUppercase + minLowercase + minDigits + minSpecial > maxLength) {
            throw new IllegalArgumentException(what + " requires more characters than maxLength " + maxLength);
        }
        range(expiryDays, 0, MAX_EXPIRY_DAYS, what + " expiryDays");
        range(warningDays, 0, Math.max(0, expiryDays - 1), what + " warningDays");
        range(maxFailedAttempts, 0, DefaultPinRules.MAX_FAILED_ATTEMPTS_LIMIT, what + " maxFailedAttempts");
    }

    @Override
    public boolean caseSensitive() {
        return true;
    }

    @Override
    public String normalize(String pin) {
        return pin;
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
        if (newPin.length() < minLength) {
            violations.add(PinViolation.TOO_SHORT);
        }
        if (newPin.length() > maxLength) {
            violations.add(PinViolation.TOO_LONG);
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int special = 0;
        boolean invalid = false;
        for (int i = 0; i < newPin.length(); i++) {
            char c = newPin.charAt(i);
            if (PinCharacters.isUpper(c)) {
                upper++;
            } else if (PinCharacters.isLower(c)) {
                lower++;
            } else if (PinCharacters.isDigit(c)) {
                digits++;
            } else if (PinCharacters.isSpecial(c)) {
                special++;
            } else {
                invalid = true;
            }
        }
        if (invalid) {
            violations.add(PinViolation.INVALID_CHARACTER);
        }
        if (upper < minUppercase) {
            violations.add(PinViolation.MISSING_UPPERCASE);
        }
        if (lower < minLowercase) {
            violations.add(PinViolation.MISSING_LOWERCASE);
        }
        if (digits < minDigits) {
            violations.add(PinViolation.MISSING_DIGIT);
        }
        if (special < minSpecial) {
            violations.add(PinViolation.MISSING_SPECIAL);
        }
        return violations;
    }

    @Override
    public LocalDate expiryFor(LocalDate created) {
        return expiryDays == 0 ? null : created.plusDays(expiryDays);
    }

    @Override
    public String generate(RandomGenerator random) {
        int length = Math.max(minLength, Math.min(maxLength, Math.max(DefaultPinRules.DEFAULT_GENERATED_LENGTH,
                minUppercase + minLowercase + minDigits + minSpecial)));
        StringBuilder pin = new StringBuilder(length);
        append(pin, PinCharacters.UPPER, minUppercase, random);
        append(pin, PinCharacters.LOWER, minLowercase, random);
        append(pin, PinCharacters.DIGITS, minDigits, random);
        append(pin, PinCharacters.SPECIAL, minSpecial, random);
        append(pin, PinCharacters.UPPER + PinCharacters.LOWER + PinCharacters.DIGITS, length - pin.length(), random);
        // Shuffle so the required classes do not always sit at the front.
        for (int i = pin.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = pin.charAt(i);
            pin.setCharAt(i, pin.charAt(j));
            pin.setCharAt(j, c);
        }
        String generated = pin.toString();
        // An all-asterisk result is impossible (letters or digits fill the rest) but the rule is absolute.
        return PinRules.onlyAsterisks(generated) ? generate(random) : generated;
    }

    private static void append(StringBuilder pin, String alphabet, int count, RandomGenerator random) {
        for (int i = 0; i < count; i++) {
            pin.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }

    private static void range(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + "-" + max);
        }
    }
}
