-- circgate core schema. InnoDB, utf8mb4, a primary key on every table, times in UTC (DATETIME(3)), money in
-- minor units (cents). No LOCK TABLES / GET_LOCK / XA anywhere, so the schema runs unchanged on Galera.

CREATE TABLE institution (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(32)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    training      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_on    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_institution_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE location (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id BIGINT       NOT NULL,
    code           VARCHAR(32)  NOT NULL,
    name           VARCHAR(255) NOT NULL,
    created_on     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_location_code (institution_id, code),
    CONSTRAINT fk_location_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The circulation policy (profiles, standings, User Standing Map, circulation rules, PIN policies) of an
-- institution, as the JSON document described in policy/README.md.
CREATE TABLE policy_document (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    institution_id BIGINT      NOT NULL,
    document       LONGTEXT    NOT NULL,
    modified_on    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_policy_document_institution (institution_id),
    CONSTRAINT fk_policy_document_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A SIP2 login (seed 000: operators log in with their own id, as the location where they work).
CREATE TABLE sip_account (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    login              VARCHAR(64)  NOT NULL,
    password_hash      VARCHAR(255) NOT NULL,
    institution_id     BIGINT       NOT NULL,
    fixed_location_id  BIGINT       NULL,
    testing            BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled            BOOLEAN      NOT NULL DEFAULT TRUE,
    options            LONGTEXT     NOT NULL DEFAULT '{}',
    created_on         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on        DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_sip_account_login (login),
    CONSTRAINT fk_sip_account_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_sip_account_location FOREIGN KEY (fixed_location_id) REFERENCES location (id),
    CONSTRAINT ck_sip_account_options CHECK (JSON_VALID(options))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Locations a SIP account may log in as (93 CP).
CREATE TABLE sip_account_location (
    account_id  BIGINT NOT NULL,
    location_id BIGINT NOT NULL,
    PRIMARY KEY (account_id, location_id),
    CONSTRAINT fk_sip_account_location_account FOREIGN KEY (account_id) REFERENCES sip_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_sip_account_location_location FOREIGN KEY (location_id) REFERENCES location (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE patron (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id     BIGINT       NOT NULL,
    barcode            VARCHAR(64)  NOT NULL,
    pin_hash           VARCHAR(255) NULL,
    pin_failures       INT          NOT NULL DEFAULT 0,
    pin_locked         BOOLEAN      NOT NULL DEFAULT FALSE,
    pin_changed_on     DATE         NULL,
    profile            VARCHAR(10)  NOT NULL,
    standing           VARCHAR(20)  NOT NULL DEFAULT 'OK',
    name               VARCHAR(255) NOT NULL,
    email              VARCHAR(255) NULL,
    phone              VARCHAR(64)  NULL,
    address            VARCHAR(512) NULL,
    language           CHAR(3)      NULL,
    home_location_id   BIGINT       NULL,
    privilege_expires  DATE         NULL,
    card_lost          BOOLEAN      NOT NULL DEFAULT FALSE,
    claims_returned    INT          NOT NULL DEFAULT 0,
    created_on         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on        DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_patron_barcode (institution_id, barcode),
    CONSTRAINT fk_patron_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_patron_location FOREIGN KEY (home_location_id) REFERENCES location (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE title (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id BIGINT       NOT NULL,
    title_key      VARCHAR(64)  NOT NULL,
    title          VARCHAR(255) NOT NULL,
    author         VARCHAR(255) NULL,
    isbn           VARCHAR(32)  NULL,
    created_on     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_title_key (institution_id, title_key),
    CONSTRAINT fk_title_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE item (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id      BIGINT       NOT NULL,
    barcode             VARCHAR(64)  NOT NULL,
    title_id            BIGINT       NOT NULL,
    item_type           VARCHAR(32)  NOT NULL,
    media_type          CHAR(3)      NOT NULL DEFAULT '001',
    home_location_id    BIGINT       NOT NULL,
    current_location_id BIGINT       NOT NULL,
    status              VARCHAR(20)  NOT NULL DEFAULT 'AVAILABLE',
    circulating         BOOLEAN      NOT NULL DEFAULT TRUE,
    security_marker     CHAR(2)      NOT NULL DEFAULT '02',
    price_cents         BIGINT       NULL,
    properties          VARCHAR(255) NULL,
    temporary           BOOLEAN      NOT NULL DEFAULT FALSE,
    created_on          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    modified_on         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_item_barcode (institution_id, barcode),
    KEY ix_item_title (title_id),
    CONSTRAINT fk_item_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_item_title FOREIGN KEY (title_id) REFERENCES title (id),
    CONSTRAINT fk_item_home_location FOREIGN KEY (home_location_id) REFERENCES location (id),
    CONSTRAINT fk_item_current_location FOREIGN KEY (current_location_id) REFERENCES location (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Active loans only: the unique key on item_id makes a second concurrent checkout of one item fail cleanly.
CREATE TABLE loan (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    item_id         BIGINT      NOT NULL,
    patron_id       BIGINT      NOT NULL,
    location_id     BIGINT      NULL,
    checked_out_at  DATETIME(3) NOT NULL,
    due_at          DATETIME(3) NOT NULL,
    renewals        INT         NOT NULL DEFAULT 0,
    recalled_at     DATETIME(3) NULL,
    recall_due_at   DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_loan_item (item_id),
    KEY ix_loan_patron (patron_id),
    CONSTRAINT fk_loan_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT fk_loan_patron FOREIGN KEY (patron_id) REFERENCES patron (id),
    CONSTRAINT fk_loan_location FOREIGN KEY (location_id) REFERENCES location (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE hold (
    id                 BIGINT      NOT NULL AUTO_INCREMENT,
    institution_id     BIGINT      NOT NULL,
    external_id        VARCHAR(64) NULL,
    patron_id          BIGINT      NOT NULL,
    title_id           BIGINT      NOT NULL,
    item_id            BIGINT      NULL,
    pickup_location_id BIGINT      NOT NULL,
    hold_type          CHAR(1)     NOT NULL DEFAULT '2',
    status             VARCHAR(16) NOT NULL DEFAULT 'WAITING',
    placed_at          DATETIME(3) NOT NULL,
    expires_on         DATE        NULL,
    available_at       DATETIME(3) NULL,
    pickup_by          DATE        NULL,
    suspended_until    DATE        NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_hold_external (institution_id, external_id),
    KEY ix_hold_title (title_id, status),
    KEY ix_hold_patron (patron_id, status),
    CONSTRAINT fk_hold_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_hold_patron FOREIGN KEY (patron_id) REFERENCES patron (id),
    CONSTRAINT fk_hold_title FOREIGN KEY (title_id) REFERENCES title (id),
    CONSTRAINT fk_hold_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT fk_hold_pickup FOREIGN KEY (pickup_location_id) REFERENCES location (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bill (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id BIGINT       NOT NULL,
    external_id    VARCHAR(64)  NULL,
    patron_id      BIGINT       NOT NULL,
    item_id        BIGINT       NULL,
    fee_type       CHAR(2)      NOT NULL DEFAULT '01',
    reason         VARCHAR(255) NOT NULL,
    amount_cents   BIGINT       NOT NULL,
    paid_cents     BIGINT       NOT NULL DEFAULT 0,
    currency       CHAR(3)      NOT NULL DEFAULT 'USD',
    billed_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bill_external (institution_id, external_id),
    KEY ix_bill_patron (patron_id),
    CONSTRAINT fk_bill_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_bill_patron FOREIGN KEY (patron_id) REFERENCES patron (id),
    CONSTRAINT fk_bill_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT ck_bill_amounts CHECK (amount_cents >= 0 AND paid_cents >= 0 AND paid_cents <= amount_cents)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only trail of every state-changing transaction (seed 000: who, where, through which interface, what).
-- The patron appears only as a keyed pseudonym, never by barcode, name or PIN.
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(3)  NOT NULL,
    institution_id BIGINT       NULL,
    interface      VARCHAR(16)  NOT NULL,
    operator       VARCHAR(64)  NOT NULL,
    location_code  VARCHAR(32)  NULL,
    command        VARCHAR(32)  NOT NULL,
    patron_key     VARCHAR(32)  NULL,
    item_barcode   VARCHAR(64)  NULL,
    outcome        VARCHAR(16)  NOT NULL,
    reasons        VARCHAR(255) NULL,
    detail         VARCHAR(255) NULL,
    PRIMARY KEY (id),
    KEY ix_audit_time (occurred_at),
    KEY ix_audit_patron (patron_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
