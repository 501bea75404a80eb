package org.circgate.policy.document;

import java.util.function.Supplier;

/** Shared step of every section reader: build a record only when its fields read cleanly. */
final class Sections {

    private Sections() {
    }

    /**
     * Reports unread fields of {@code node}; then, if no error was recorded since {@code errorsBefore}, runs the
     * record constructor and turns its {@link IllegalArgumentException} (a cross-field rule) into an error at the
     * node's path. Returns null whenever there was an error.
     */
    static <T> T build(ObjectNode node, int errorsBefore, Supplier<T> constructor) {
        node.finish();
        if (node.problems().count() != errorsBefore) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            node.problems().add(node.path(), e.getMessage());
            return null;
        }
    }
}
