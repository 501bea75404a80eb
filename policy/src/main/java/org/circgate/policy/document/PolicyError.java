package org.circgate.policy.document;

/**
 * One problem in a policy document.
 *
 * @param path    where, e.g. {@code profiles[2].chargeLimit} (empty for the document itself)
 * @param line    the line in the source file, or 0 when the caller gave no {@link LineLocator} or it did not know
 * @param message what is wrong, in words
 */
public record PolicyError(String path, int line, String message) {

    @Override
    public String toString() {
        String where = path.isEmpty() ? "(document)" : path;
        return (line > 0 ? "line " + line + ": " : "") + where + ": " + message;
    }
}
