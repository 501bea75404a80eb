package org.circgate.ncip.response;

import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.xml.NCIPMessage;

/**
 * A complete response message ready for {@link org.circgate.ncip.NcipWriter}, built by {@link NcipResponses}.
 * Besides the JAXB tree it keeps what metrics and logs need without re-reading XML: the responding element name
 * and the Problems it carries.
 */
public final class NcipResponse {

    private final String elementName;
    private final NCIPMessage message;
    private final List<NcipProblem> problems;

    NcipResponse(String elementName, NCIPMessage message, List<NcipProblem> problems) {
        this.elementName = Objects.requireNonNull(elementName, "elementName");
        this.message = Objects.requireNonNull(message, "message");
        this.problems = List.copyOf(problems);
    }

    /** Local name of the element inside NCIPMessage, e.g. {@code CheckOutItemResponse}, or {@code Problem}. */
    public String elementName() {
        return elementName;
    }

    /** True when the response reports Problems instead of data. */
    public boolean isProblem() {
        return !problems.isEmpty();
    }

    public List<NcipProblem> problems() {
        return problems;
    }

    /** The JAXB tree. Mutable by nature of JAXB: do not change it after building. */
    public NCIPMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return "NcipResponse[" + elementName + (problems.isEmpty() ? "" : ", problems=" + problems) + "]";
    }
}
