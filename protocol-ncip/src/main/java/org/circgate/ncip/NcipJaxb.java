package org.circgate.ncip;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import org.circgate.ncip.xml.NCIPMessage;

/**
 * The one JAXBContext for the generated NCIP classes. Building it costs hundreds of milliseconds and it is
 * thread-safe, so it is built once, on first use; Marshallers and Unmarshallers (not thread-safe) are made per call.
 */
public final class NcipJaxb {

    private NcipJaxb() {
    }

    private static final class Holder {
        private static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(NCIPMessage.class.getPackageName(), NCIPMessage.class.getClassLoader());
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** The shared context; the first call builds it (call it at start-up to keep that cost off the first request). */
    public static JAXBContext context() {
        return Holder.CONTEXT;
    }
}
