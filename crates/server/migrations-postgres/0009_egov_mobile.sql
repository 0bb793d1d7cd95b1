-- PostgreSQL: as migrations/0009_egov_mobile.sql, with 64-bit integers and BYTEA.
-- Signing and signing in with eGov mobile (src/egov_mobile/): one row a QR code or
-- same-device link, kept in the database so that any backend instance can answer the phone
-- and the browser. Portable SQL: TEXT/BIGINT/BYTEA, times as RFC 3339 UTC text.
CREATE TABLE egov_mobile_sessions (
    id                  TEXT PRIMARY KEY,           -- in the API №1 URL: anyone who sees the QR knows it
    poll_hash           TEXT NOT NULL UNIQUE,       -- SHA-256 of the browser's own poll secret, hex
    auth_token          TEXT NOT NULL,              -- API №2's bearer token: API №1 hands it to whoever has the id
    purpose             TEXT NOT NULL CHECK (purpose IN ('signing', 'sign-in')),
    account_id          BIGINT REFERENCES accounts (id) ON DELETE CASCADE,       -- signing: the owner
    application_id      TEXT REFERENCES applications (id) ON DELETE CASCADE,      -- signing
    application_version BIGINT,                                                  -- signing
    iin_bin             TEXT,                       -- signing: whose signature it must be (the account's)
    legal_entity        BIGINT NOT NULL DEFAULT 0, -- signing for a company (an employee's key names its БИН)
    nonce               TEXT,                       -- sign-in: the challenge's nonce
    client              TEXT NOT NULL,              -- who started it, for the bound per client
    data                BYTEA NOT NULL,              -- the exact bytes the phone signs
    state               TEXT NOT NULL DEFAULT 'waiting'
                        CHECK (state IN ('waiting', 'signed', 'refused', 'cancelled', 'used')),
    refusal             TEXT,                       -- the problem code of a refused signature
    cms                 BYTEA,                       -- the phone's CMS once it verified
    created_at          TEXT NOT NULL,
    expires_at          TEXT NOT NULL
);
CREATE INDEX egov_mobile_sessions_by_account ON egov_mobile_sessions (account_id, expires_at);
CREATE INDEX egov_mobile_sessions_by_client ON egov_mobile_sessions (client, expires_at);
CREATE INDEX egov_mobile_sessions_by_expiry ON egov_mobile_sessions (expires_at);

-- Which app made an application's CMS: NCALayer in the browser, or eGov mobile on a phone
-- (NULL for the test signer, and for CMSs kept before this column, all NCALayer's).
ALTER TABLE signatures ADD COLUMN signed_with TEXT
    CHECK (signed_with IN ('ncalayer', 'egov-mobile'));
