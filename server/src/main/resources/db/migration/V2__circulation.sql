-- Circulation core for SIP2 (issue 5): per-patron counters the policy needs, who made a loan (for 11 BI cancel),
-- item rental fees (fee-acknowledged checkout), stored responses for exact resends, shared server secrets.

ALTER TABLE patron
    ADD COLUMN charges_this_period INT NOT NULL DEFAULT 0 AFTER claims_returned,
    ADD COLUMN lost_items INT NOT NULL DEFAULT 0 AFTER charges_this_period,
    ADD COLUMN pin_last_failure DATETIME(3) NULL AFTER pin_failures,
    ADD COLUMN pin_expires DATE NULL AFTER pin_changed_on;

ALTER TABLE loan
    ADD COLUMN operator VARCHAR(64) NULL AFTER location_id;

ALTER TABLE item
    ADD COLUMN loan_fee_cents BIGINT NOT NULL DEFAULT 0 AFTER price_cents;

-- The response to a state-changing SIP2 request, keyed by the account and a hash of the exact request bytes (same
-- sequence number, same checksum). The row is inserted first in the request's own transaction, so a concurrent
-- identical resend waits on the key and then replays the stored response instead of acting twice.
CREATE TABLE sip_resend (
    account_id  BIGINT      NOT NULL,
    resend_key  BIGINT      NOT NULL,
    command     CHAR(2)     NOT NULL,
    response    BLOB        NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (account_id, resend_key),
    KEY ix_sip_resend_created (created_at),
    CONSTRAINT fk_sip_resend_account FOREIGN KEY (account_id) REFERENCES sip_account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secrets every instance must share (the key that pseudonymises patrons in the audit trail).
CREATE TABLE server_secret (
    name        VARCHAR(64)  NOT NULL,
    value       VARCHAR(255) NOT NULL,
    created_on  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
