package org.circgate.sip2.message;

/** Why a frame did not decode into a message. Each is answered, never thrown (see {@link InvalidMessage}). */
public enum Sip2DecodeError {
    /** Fewer than two bytes: no command code. */
    EMPTY,
    /** The first two bytes are not a SIP2 2.00 command code. */
    UNKNOWN_COMMAND,
    /** A known command that this role does not receive (e.g. a response sent to the server). */
    UNEXPECTED_COMMAND,
    /** The AZ checksum does not match the bytes. */
    BAD_CHECKSUM,
    /** The connection requires error detection and the frame has no AZ trailer. */
    MISSING_CHECKSUM,
    /** The frame ends before the fixed-length fields of its command do. */
    SHORT_FIXED_PART,
    /** A fixed-length field has a value outside its set (e.g. a Y/N flag that is neither). */
    BAD_FIXED_FIELD,
    /** An 18-character date is not {@code YYYYMMDDZZZZHHMMSS} (or is blank where the spec requires a date). */
    BAD_DATE,
    /** A typed variable field (Y/N, number, code) has a value outside its set. */
    BAD_FIELD_VALUE
}
