-- NCIP partner agencies (issue 7): a resource-sharing partner (ReShare, Relais, ILLiad, INN-Reach, VuFind) calls as
-- one agency of one institution, identified by its API key and named in messages by FromAgencyId. The key is
-- high-entropy (at least 24 characters, checked on import), so a SHA-256 digest is enough at rest and lets a request
-- find its agency by one indexed lookup instead of a slow hash per request.

CREATE TABLE ncip_agency (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id   BIGINT        NOT NULL,
    agency_id        VARCHAR(64)   NOT NULL,
    api_key_hash     VARCHAR(80)   NOT NULL,
    location_id      BIGINT        NOT NULL,
    audit_name       VARCHAR(64)   NOT NULL,
    allowed_networks VARCHAR(2048) NOT NULL DEFAULT '[]',
    enabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    options          LONGTEXT      NOT NULL DEFAULT '{}',
    created_on       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_ncip_agency (institution_id, agency_id),
    UNIQUE KEY uk_ncip_agency_key (api_key_hash),
    CONSTRAINT fk_ncip_agency_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_ncip_agency_location FOREIGN KEY (location_id) REFERENCES location (id),
    CONSTRAINT ck_ncip_agency_networks CHECK (JSON_VALID(allowed_networks)),
    CONSTRAINT ck_ncip_agency_options CHECK (JSON_VALID(options))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
