-- A licence fee whose rate no source gives is paid in the amount the applicant enters (the
-- provider sets it): such a payment has no МРП multiple, so `mrp_tenths` and `mrp` may be
-- NULL, both or neither. SQLite cannot change a CHECK in place: the table is rebuilt as it
-- was (0005) but for those two columns, and its indexes made again. Nothing refers to it.
CREATE TABLE payments_entered_fee (
    id                   TEXT    PRIMARY KEY,          -- UUID
    application_id       TEXT    NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status               TEXT    NOT NULL CHECK (status IN ('pending', 'paid', 'declined')),
    mrp_tenths           INTEGER CHECK (mrp_tenths > 0),
    mrp                  INTEGER CHECK (mrp > 0),
    tenge                INTEGER NOT NULL CHECK (tenge > 0),
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
    gateway_reference    TEXT,
    CHECK ((mrp_tenths IS NULL) = (mrp IS NULL))
);
INSERT INTO payments_entered_fee (rowid, id, application_id, status, mrp_tenths, mrp, tenge,
    return_url, redirect_url, created_at, decided_at, decline_code, receipt_number, paid_at,
    payer_iin_bin, budget_code, payment_purpose_code, gateway_reference)
SELECT rowid, id, application_id, status, mrp_tenths, mrp, tenge, return_url, redirect_url,
    created_at, decided_at, decline_code, receipt_number, paid_at, payer_iin_bin, budget_code,
    payment_purpose_code, gateway_reference
FROM payments;
DROP TABLE payments;
ALTER TABLE payments_entered_fee RENAME TO payments;
CREATE INDEX payments_by_application ON payments (application_id, created_at);
-- A double click or a second tab must never pay twice: one attempt under way, one paid.
CREATE UNIQUE INDEX payments_one_pending ON payments (application_id) WHERE status = 'pending';
CREATE UNIQUE INDEX payments_one_paid ON payments (application_id) WHERE status = 'paid';
