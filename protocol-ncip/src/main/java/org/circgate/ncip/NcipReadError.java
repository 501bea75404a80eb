package org.circgate.ncip;

/**
 * Why a request body could not be turned into a request. Each error owns the Problem Type the server answers with;
 * {@link #BODY_TOO_LARGE} should additionally become HTTP 413. The {@link #hostile()} errors are the ones no honest
 * initiator produces (entity tricks, size and depth abuse); count them, don't just log them.
 */
public enum NcipReadError {
    /** Body has no content. */
    EMPTY_BODY(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, false),
    /** Body exceeds the reader's byte limit; nothing was parsed. Answer with HTTP 413. */
    BODY_TOO_LARGE(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, true),
    /** Not well-formed XML (or an encoding the declaration does not match). */
    MALFORMED_XML(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, false),
    /** A DOCTYPE with an internal subset: the vehicle of XXE and entity-expansion attacks; never needed by NCIP. */
    DTD_REFUSED(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, true),
    /** A reference to an entity that only a DTD could define (external or internal); DTDs are never read. */
    ENTITY_REFUSED(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, true),
    /** Elements nested deeper than the reader's limit. */
    TOO_DEEP(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, true),
    /** Well-formed XML whose root element is not NCIPMessage. */
    NOT_NCIP(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, false),
    /** NCIPMessage without a service element (empty, or starting with Problem or Ext). */
    NO_SERVICE(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, false),
    /** A service circgate does not answer (any service outside {@link NcipService}, responses included). */
    UNSUPPORTED_SERVICE(NcipProblemType.UNSUPPORTED_SERVICE, false);

    private final NcipProblemType problemType;
    private final boolean hostile;

    NcipReadError(NcipProblemType problemType, boolean hostile) {
        this.problemType = problemType;
        this.hostile = hostile;
    }

    public NcipProblemType problemType() {
        return problemType;
    }

    public boolean hostile() {
        return hostile;
    }
}
