package org.circgate.ncip.response;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.xml.bind.annotation.XmlElement;

import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.Problem;
import org.circgate.ncip.xml.ResponseHeader;

/**
 * The {@code ...Response} elements of the schema, found once by reflection over the generated NCIPMessage, so that
 * any initiation service the schema defines (47 of them) can be answered with its own response element carrying a
 * Problem, e.g. {@code UpdateUserResponse / Unsupported Service}. Only names from this table are ever used; the
 * service name from the wire is a lookup key, never a class name.
 */
final class ServiceResponseSlots {

    private static final String RESPONSE_SUFFIX = "Response";
    private static final Map<String, Slot> BY_SERVICE = scan();

    private ServiceResponseSlots() {
    }

    /** One response element: its class and the NCIPMessage setter that holds it. */
    private record Slot(String responseElement, Class<?> type, Method setter) {
    }

    private static Map<String, Slot> scan() {
        Map<String, Field> elements = new HashMap<>();
        for (Field field : NCIPMessage.class.getDeclaredFields()) {
            XmlElement annotation = field.getAnnotation(XmlElement.class);
            if (annotation != null) {
                elements.put(annotation.name(), field);
            }
        }
        Map<String, Slot> slots = new HashMap<>();
        for (Map.Entry<String, Field> entry : elements.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith(RESPONSE_SUFFIX) || !elements.containsKey(name + RESPONSE_SUFFIX)) {
                continue;
            }
            Field responseField = elements.get(name + RESPONSE_SUFFIX);
            try {
                Method setter = NCIPMessage.class.getMethod("set" + name + RESPONSE_SUFFIX, responseField.getType());
                slots.put(name, new Slot(name + RESPONSE_SUFFIX, responseField.getType(), setter));
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        return Map.copyOf(slots);
    }

    /** True when the schema defines {@code serviceElement} and its response. */
    static boolean hasResponse(String serviceElement) {
        return serviceElement != null && BY_SERVICE.containsKey(serviceElement);
    }

    /** Initiation service names the schema answers with a response element. */
    static java.util.Set<String> serviceElements() {
        return BY_SERVICE.keySet();
    }

    /**
     * An NCIPMessage holding {@code serviceElement}'s response with the given header (may be null) and Problems.
     */
    static Optional<NCIPMessage> problemResponse(String serviceElement, ResponseHeader header,
            List<Problem> problems) {
        Slot slot = serviceElement == null ? null : BY_SERVICE.get(serviceElement);
        if (slot == null) {
            return Optional.empty();
        }
        try {
            Object response = slot.type().getDeclaredConstructor().newInstance();
            List<Object> content = contentList(response);
            if (header != null) {
                if (content != null) {
                    content.add(header);
                } else {
                    slot.type().getMethod("setResponseHeader", ResponseHeader.class).invoke(response, header);
                }
            }
            if (content != null) {
                content.addAll(problems);
            } else {
                problemList(response).addAll(problems);
            }
            NCIPMessage message = new NCIPMessage();
            slot.setter().invoke(message, response);
            return Optional.of(message);
        } catch (ReflectiveOperationException e) {
            // The generated classes are fixed at build time; a failure here is a build defect, not bad input.
            throw new IllegalStateException("cannot build " + slot.responseElement(), unwrap(e));
        }
    }

    static String responseElement(String serviceElement) {
        return serviceElement + RESPONSE_SUFFIX;
    }

    // Response types whose schema has nested choices are generated with one mixed "content" list.
    @SuppressWarnings("unchecked")
    private static List<Object> contentList(Object response) throws ReflectiveOperationException {
        try {
            return (List<Object>) response.getClass().getMethod("getContent").invoke(response);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Problem> problemList(Object response) throws ReflectiveOperationException {
        return (List<Problem>) response.getClass().getMethod("getProblem").invoke(response);
    }

    private static Throwable unwrap(ReflectiveOperationException e) {
        return e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    }
}
