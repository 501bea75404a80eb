package org.circgate.policy.document;

import java.util.ArrayList;
import java.util.List;

/** Collects document errors, asking the locator for each one's line. */
final class Problems {

    private final LineLocator locator;
    private final List<PolicyError> errors = new ArrayList<>();

    Problems(LineLocator locator) {
        this.locator = locator;
    }

    void add(String path, String message) {
        int line;
        try {
            line = Math.max(0, locator.lineOf(path));
        } catch (RuntimeException e) {
            line = 0; // a locator that cannot place a path must not hide the error itself
        }
        errors.add(new PolicyError(path, line, message));
    }

    int count() {
        return errors.size();
    }

    List<PolicyError> all() {
        return errors;
    }
}
