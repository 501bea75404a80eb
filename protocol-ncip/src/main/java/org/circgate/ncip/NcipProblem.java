package org.circgate.ncip;

import java.util.Objects;

import org.circgate.ncip.xml.Problem;
import org.circgate.ncip.xml.SchemeValuePair;

/**
 * One NCIP Problem: a standard type plus the policy's reason (ProblemDetail), the element it concerns
 * (ProblemElement, e.g. {@code UserIdentifierValue}) and the offending value (ProblemValue). The scheme is chosen when
 * the problem is rendered into a response, because service-specific types take the answering service's scheme.
 *
 * @param type    the Problem Type, never null
 * @param element ProblemElement, or null
 * @param value   ProblemValue, or null (never put a PIN or password here)
 * @param detail  ProblemDetail, or null
 */
public record NcipProblem(NcipProblemType type, String element, String value, String detail) {

    public NcipProblem {
        Objects.requireNonNull(type, "type");
    }

    public static NcipProblem of(NcipProblemType type, String element, String value, String detail) {
        return new NcipProblem(type, element, value, detail);
    }

    /**
     * Renders as a JAXB Problem for a response of {@code service} (null for a top-level Problem).
     *
     * @throws IllegalArgumentException if a service-specific type is rendered without a service
     */
    public Problem toJaxb(NcipService service) {
        SchemeValuePair problemType = new SchemeValuePair();
        problemType.setValue(type.value());
        problemType.setScheme(type.scheme(service));
        Problem problem = new Problem();
        problem.setProblemType(problemType);
        problem.setProblemDetail(detail);
        problem.setProblemElement(element);
        problem.setProblemValue(value);
        return problem;
    }

    /** Reads a JAXB Problem back; unknown (non-standard) type values yield null. */
    public static NcipProblem fromJaxb(Problem problem) {
        if (problem == null || problem.getProblemType() == null || problem.getProblemType().getValue() == null) {
            return null;
        }
        return NcipProblemType.forValue(problem.getProblemType().getValue().trim())
                .map(type -> new NcipProblem(type, problem.getProblemElement(), problem.getProblemValue(),
                        problem.getProblemDetail()))
                .orElse(null);
    }
}
