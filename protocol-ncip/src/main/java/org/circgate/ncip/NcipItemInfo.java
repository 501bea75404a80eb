package org.circgate.ncip;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.xml.BibliographicDescription;
import org.circgate.ncip.xml.ItemDescription;
import org.circgate.ncip.xml.ItemOptionalFields;

/**
 * The ItemOptionalFields circgate reads and writes: bibliographic description (title, author, ISBN, ...), item
 * description (call number, copy number — which ReShare reads as the barcode), circulation status, hold queue length,
 * locations and due date. On input (AcceptItem, RequestItem) {@code dateDue} and {@code locations} are not read.
 * Build with {@link #builder()}; every field is optional.
 */
public record NcipItemInfo(
        String title,
        String author,
        String publisher,
        String publicationDate,
        String edition,
        SchemeValue mediumType,
        List<NcipBibliographicId> bibliographicIds,
        String callNumber,
        String copyNumber,
        SchemeValue circulationStatus,
        Integer holdQueueLength,
        List<NcipLocation> locations,
        OffsetDateTime dateDue) {

    public NcipItemInfo {
        bibliographicIds = List.copyOf(bibliographicIds);
        locations = List.copyOf(locations);
        if (holdQueueLength != null && holdQueueLength < 0) {
            throw new IllegalArgumentException("holdQueueLength must not be negative: " + holdQueueLength);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Null for a missing element. */
    public static NcipItemInfo fromJaxb(ItemOptionalFields fields) {
        if (fields == null) {
            return null;
        }
        Builder builder = builder();
        BibliographicDescription bib = fields.getBibliographicDescription();
        if (bib != null) {
            builder.title(trim(bib.getTitle())).author(trim(bib.getAuthor())).publisher(trim(bib.getPublisher()))
                    .publicationDate(trim(bib.getPublicationDate())).edition(trim(bib.getEdition()))
                    .mediumType(SchemeValue.fromJaxb(bib.getMediumType()));
            NcipBibliographicId item = NcipBibliographicId.fromJaxb(bib.getBibliographicItemId());
            if (item != null) {
                builder.bibliographicId(item);
            }
            bib.getBibliographicRecordId().stream().map(NcipBibliographicId::fromJaxb)
                    .filter(Objects::nonNull).forEach(builder::bibliographicId);
        }
        ItemDescription description = fields.getItemDescription();
        if (description != null) {
            builder.callNumber(trim(description.getCallNumber())).copyNumber(trim(description.getCopyNumber()));
        }
        builder.circulationStatus(SchemeValue.fromJaxb(fields.getCirculationStatus()));
        if (fields.getHoldQueueLength() != null && fields.getHoldQueueLength().bitLength() < 31) {
            builder.holdQueueLength(fields.getHoldQueueLength().intValue());
        }
        return builder.build();
    }

    /**
     * Renders as ItemOptionalFields. The schema allows one BibliographicItemId per description: the first item
     * identifier is written, further ones are dropped; record identifiers are all written.
     */
    public ItemOptionalFields toJaxb() {
        ItemOptionalFields fields = new ItemOptionalFields();
        BibliographicDescription bib = new BibliographicDescription();
        bib.setTitle(title);
        bib.setAuthor(author);
        bib.setPublisher(publisher);
        bib.setPublicationDate(publicationDate);
        bib.setEdition(edition);
        bib.setMediumType(SchemeValue.toJaxb(mediumType));
        for (NcipBibliographicId id : bibliographicIds) {
            if (!id.isItemIdentifier()) {
                bib.getBibliographicRecordId().add(id.toJaxbRecordId());
            } else if (bib.getBibliographicItemId() == null) {
                bib.setBibliographicItemId(id.toJaxbItemId());
            }
        }
        if (title != null || author != null || publisher != null || publicationDate != null || edition != null
                || mediumType != null || !bibliographicIds.isEmpty()) {
            fields.setBibliographicDescription(bib);
        }
        fields.setCirculationStatus(SchemeValue.toJaxb(circulationStatus));
        if (holdQueueLength != null) {
            fields.setHoldQueueLength(BigInteger.valueOf(holdQueueLength));
        }
        if (callNumber != null || copyNumber != null) {
            ItemDescription description = new ItemDescription();
            description.setCallNumber(callNumber);
            description.setCopyNumber(copyNumber);
            fields.setItemDescription(description);
        }
        locations.forEach(location -> fields.getLocation().add(location.toJaxb()));
        fields.setDateDue(NcipDates.toXml(dateDue));
        return fields;
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String title;
        private String author;
        private String publisher;
        private String publicationDate;
        private String edition;
        private SchemeValue mediumType;
        private final List<NcipBibliographicId> bibliographicIds = new ArrayList<>();
        private String callNumber;
        private String copyNumber;
        private SchemeValue circulationStatus;
        private Integer holdQueueLength;
        private final List<NcipLocation> locations = new ArrayList<>();
        private OffsetDateTime dateDue;

        private Builder() {
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        public Builder publisher(String publisher) {
            this.publisher = publisher;
            return this;
        }

        public Builder publicationDate(String publicationDate) {
            this.publicationDate = publicationDate;
            return this;
        }

        public Builder edition(String edition) {
            this.edition = edition;
            return this;
        }

        public Builder mediumType(SchemeValue mediumType) {
            this.mediumType = mediumType;
            return this;
        }

        public Builder bibliographicId(NcipBibliographicId id) {
            bibliographicIds.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        public Builder callNumber(String callNumber) {
            this.callNumber = callNumber;
            return this;
        }

        /** ReShare reads CopyNumber as the item barcode. */
        public Builder copyNumber(String copyNumber) {
            this.copyNumber = copyNumber;
            return this;
        }

        /** E.g. {@code Available On Shelf}, {@code On Loan}, {@code In Transit Between Library Locations}. */
        public Builder circulationStatus(SchemeValue circulationStatus) {
            this.circulationStatus = circulationStatus;
            return this;
        }

        public Builder holdQueueLength(Integer holdQueueLength) {
            this.holdQueueLength = holdQueueLength;
            return this;
        }

        public Builder location(NcipLocation location) {
            locations.add(Objects.requireNonNull(location, "location"));
            return this;
        }

        public Builder dateDue(OffsetDateTime dateDue) {
            this.dateDue = dateDue;
            return this;
        }

        public NcipItemInfo build() {
            return new NcipItemInfo(title, author, publisher, publicationDate, edition, mediumType,
                    bibliographicIds, callNumber, copyNumber, circulationStatus, holdQueueLength, locations, dateDue);
        }
    }
}
