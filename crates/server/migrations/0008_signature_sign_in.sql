-- Signing in is proven by ЭЦП: a one-time challenge the applicant's authentication key signs.
-- An account is created by its first signed sign-in; a password is only a second way in that
-- its holder sets later, so `password_hash` is '' (never matches) until then.
CREATE TABLE sign_in_challenges (
    nonce_hash  TEXT PRIMARY KEY,                 -- SHA-256 of the nonce, hex
    data        BLOB NOT NULL,                    -- the exact bytes to be signed
    expires_at  TEXT NOT NULL
);

-- How a session began, and for an employee's key of a company, who signed in.
ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password'
    CHECK (method IN ('password', 'signature', 'test'));
ALTER TABLE sessions ADD COLUMN signer_iin TEXT;

-- Every sign-in with ЭЦП (or the test sign-in): the account, the person and the certificate.
CREATE TABLE sign_ins (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    method              TEXT    NOT NULL CHECK (method IN ('signature', 'test')),
    signer_iin          TEXT,
    certificate_serial  TEXT,
    signed_in_at        TEXT    NOT NULL
);
CREATE INDEX sign_ins_by_account ON sign_ins (account_id, signed_in_at);
