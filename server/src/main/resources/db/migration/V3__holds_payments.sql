-- Issue 6: fee payments (SIP2 37, NCIP later) and what each paid, hold changes and cancellations with who and when.

-- One payment as the kiosk or partner sent it. transaction_id is the payer's own reference (SIP2 BK): unique per
-- operator, so a payment resent under a new sequence number is recognised instead of taken twice.
CREATE TABLE payment (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id BIGINT       NOT NULL,
    patron_id      BIGINT       NOT NULL,
    amount_cents   BIGINT       NOT NULL,
    applied_cents  BIGINT       NOT NULL,
    credit_cents   BIGINT       NOT NULL DEFAULT 0,
    currency       CHAR(3)      NOT NULL,
    fee_type       CHAR(2)      NULL,
    payment_type   CHAR(2)      NOT NULL,
    transaction_id VARCHAR(255) NULL,
    interface      VARCHAR(16)  NOT NULL,
    operator       VARCHAR(64)  NOT NULL,
    location_code  VARCHAR(32)  NULL,
    paid_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_transaction (operator, transaction_id),
    KEY ix_payment_patron (patron_id),
    CONSTRAINT fk_payment_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_payment_patron FOREIGN KEY (patron_id) REFERENCES patron (id),
    CONSTRAINT ck_payment_amounts CHECK (amount_cents > 0 AND applied_cents >= 0 AND credit_cents >= 0
                                         AND applied_cents + credit_cents = amount_cents)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How a payment was split over bills (oldest first, or the one bill the payer named).
CREATE TABLE payment_allocation (
    payment_id   BIGINT NOT NULL,
    bill_id      BIGINT NOT NULL,
    amount_cents BIGINT NOT NULL,
    PRIMARY KEY (payment_id, bill_id),
    KEY ix_payment_allocation_bill (bill_id),
    CONSTRAINT fk_payment_allocation_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_payment_allocation_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
    CONSTRAINT ck_payment_allocation_amount CHECK (amount_cents > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE hold
    ADD COLUMN modified_at DATETIME(3) NULL AFTER suspended_until,
    ADD COLUMN modified_by VARCHAR(64) NULL AFTER modified_at;

-- Item properties (SIP2 CH) set through an item status update: when and by whom.
ALTER TABLE item
    ADD COLUMN properties_updated_at DATETIME(3) NULL AFTER properties,
    ADD COLUMN properties_updated_by VARCHAR(64) NULL AFTER properties_updated_at;
