-- PostgreSQL: as migrations/0004_documents.sql, with 64-bit integers, identity keys and BYTEA.
-- The files attached to an application, one row per upload. The bytes live on disk under the
-- uploads directory, named by `storage_key`, so the database stays small and a download streams
-- from the file; `sha256` is what the signature covers.
CREATE TABLE documents (
    id             TEXT    PRIMARY KEY,                -- UUID
    application_id TEXT    NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    document       TEXT    NOT NULL,                   -- the catalog's document id (the slot)
    file_name      TEXT    NOT NULL,
    file_type      TEXT    NOT NULL,                   -- judged by content: pdf, jpeg, png
    size           BIGINT  NOT NULL CHECK (size > 0),
    sha256         TEXT    NOT NULL CHECK (length(sha256) = 64),
    storage_key    TEXT    NOT NULL UNIQUE,
    uploaded_at    TEXT    NOT NULL
);
-- Counting a slot's files for the quota, and listing an application's files in upload order.
CREATE INDEX documents_by_slot ON documents (application_id, document);
