package org.circgate.policy.document;

/**
 * Maps a document path such as {@code profiles[2].chargeLimit} to the line it came from. The parser that built the
 * tree knows the lines (Jackson's token locations, a YAML node's start mark); the policy module does not parse.
 */
@FunctionalInterface
public interface LineLocator {

    /** For trees without line information. */
    LineLocator NONE = path -> 0;

    /** The 1-based line of the value at {@code path}, or 0 when unknown. */
    int lineOf(String path);
}
