-- PostgreSQL: as migrations/0006_results.sql, with 64-bit integers, identity keys and BYTEA.
-- The document the provider issues: the licence, permit, certificate or conclusion, or the
-- reasoned refusal. One per application; uploading again replaces it. The bytes live on disk
-- under `<data-dir>/results/`, named by the application's id, like the uploads.
CREATE TABLE results (
    application_id  TEXT    PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    file_type       TEXT    NOT NULL CHECK (file_type IN ('pdf', 'jpeg', 'png')),
    size            BIGINT  NOT NULL CHECK (size > 0),
    sha256          TEXT    NOT NULL CHECK (length(sha256) = 64),
    document_number TEXT,
    -- When it was uploaded, then when the application was issued or refused with it.
    issued_at       TEXT    NOT NULL,
    -- Made by the backend (test mode, or a refusal without a letter), not uploaded by an officer.
    generated       BIGINT  NOT NULL DEFAULT 0 CHECK (generated IN (0, 1))
);

-- The officer's list: submitted applications, oldest submission first, by state.
CREATE INDEX applications_by_submission ON applications (submitted_at, id) WHERE submitted_at IS NOT NULL;
