package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Field;

/**
 * One SIP2 2.00 message, request or response. Every message type is an immutable record named after its command;
 * variable fields are typed components ({@code null} = absent for optional fields, {@code ""} for a required field
 * that was empty or missing), repeatable fields are lists, and fields the type does not model are kept in
 * {@link #extensions()} in the order they arrived. {@code toString} never shows AC, AD or CO values.
 *
 * <p>Messages know nothing of error detection: the AY/AZ trailer belongs to the envelope ({@link Sip2Inbound} on the
 * way in, {@link Sip2Outbound} on the way out).
 */
public sealed interface Sip2Message permits Sip2Request, Sip2Response {

    Sip2Command command();

    /**
     * Fields this message type does not model, in wire order: vendor extensions, standard IDs the spec does not list
     * for this message, and second occurrences of non-repeatable fields. Written after the modelled fields.
     */
    default List<Sip2Field> extensions() {
        return List.of();
    }
}
