-- PostgreSQL: as migrations/0005_payments_submission.sql, with 64-bit integers, identity keys and BYTEA.
-- Payment attempts at the e-government gateway. The amount is the backend's own quote,
-- fixed when the attempt is created; a declined attempt stays as it was and a new one is made.
CREATE TABLE payments (
    id                   TEXT    PRIMARY KEY,          -- UUID
    application_id       TEXT    NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status               TEXT    NOT NULL CHECK (status IN ('pending', 'paid', 'declined')),
    mrp_tenths           BIGINT  NOT NULL CHECK (mrp_tenths > 0),
    mrp                  BIGINT  NOT NULL CHECK (mrp > 0),
    tenge                BIGINT  NOT NULL CHECK (tenge > 0),
    return_url           TEXT    NOT NULL,
    redirect_url         TEXT    NOT NULL,
    created_at           TEXT    NOT NULL,
    decided_at           TEXT,
    decline_code         TEXT,
    receipt_number       TEXT,
    paid_at              TEXT,
    payer_iin_bin        TEXT,
    budget_code          TEXT,                         -- КБК
    payment_purpose_code TEXT,                         -- КНП
    gateway_reference    TEXT
);
CREATE INDEX payments_by_application ON payments (application_id, created_at);
-- A double click or a second tab must never pay twice: one attempt under way, one paid.
CREATE UNIQUE INDEX payments_one_pending ON payments (application_id) WHERE status = 'pending';
CREATE UNIQUE INDEX payments_one_paid ON payments (application_id) WHERE status = 'paid';

-- The working day a submission counts as registered (the 18:30 cut-off), kept as computed
-- then, so that a later correction of the holiday tables does not rewrite history.
ALTER TABLE applications ADD COLUMN registered_on TEXT;

-- What the applicant signed: the signing-data bytes and the signature as it came.
CREATE TABLE signatures (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    method         TEXT NOT NULL CHECK (method IN ('test', 'cms')),
    signed_data    BYTEA NOT NULL,
    signed_sha256  TEXT NOT NULL,
    cms            BYTEA,                                -- DER, for method = 'cms'
    signed_at      TEXT NOT NULL
);

-- Idempotency keys of submissions (draft-ietf-httpapi-idempotency-key-header), per account.
-- A row without a response is in flight; a finished one answers retries with its response.
CREATE TABLE idempotency_keys (
    account_id        BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key               TEXT    NOT NULL,
    request_hash      TEXT    NOT NULL,
    started_at        TEXT    NOT NULL,
    response_status   BIGINT,
    response_body     BYTEA,
    response_location TEXT,
    PRIMARY KEY (account_id, key)
);
