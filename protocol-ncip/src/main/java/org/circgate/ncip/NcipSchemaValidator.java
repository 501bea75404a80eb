package org.circgate.ncip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates documents against the official NCIP 2.02 schema with secure processing on and external access off.
 * Meant for what we emit (tests, an optional self-check), never for rejecting input: real initiators send
 * schema-invalid messages. The compiled Schema is thread-safe; a Validator is made per call.
 */
public final class NcipSchemaValidator {

    private final Schema schema;

    public NcipSchemaValidator() {
        URL resource = NcipSchemaValidator.class.getResource(Ncip.SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("schema resource missing: " + Ncip.SCHEMA_RESOURCE);
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(resource);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + Ncip.SCHEMA_RESOURCE, e);
        }
    }

    /** All validation errors of {@code document}; empty when it is valid. */
    public List<String> validate(byte[] document) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(describe(e));
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(describe(e));
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXParseException e) {
            if (errors.isEmpty()) {
                errors.add(describe(e));
            }
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return Collections.unmodifiableList(errors);
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }
}
