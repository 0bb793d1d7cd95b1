-- Applications: a draft for one service, provider and sub-case, its answers, and, once
-- submitted, its reference number and expected result date. `version` guards against two
-- tabs overwriting each other's answers.
CREATE TABLE applications (
    id              TEXT    PRIMARY KEY,             -- UUID
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    service         TEXT    NOT NULL,
    provider        TEXT    NOT NULL,
    sub_case        TEXT    NOT NULL,
    targets         TEXT    NOT NULL DEFAULT '[]',   -- JSON array
    reason          TEXT,                            -- JSON, for reissue and duplicate
    status          TEXT    NOT NULL,
    answers         TEXT    NOT NULL DEFAULT '{}',   -- JSON
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    submitted_at    TEXT,
    reference       TEXT    UNIQUE,
    expected_result TEXT
);
CREATE INDEX applications_by_account ON applications (account_id, updated_at);

-- Every change of status, with its time and, where the regulation gives one, its due date.
CREATE TABLE status_events (
    id             INTEGER PRIMARY KEY,
    application_id TEXT    NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status         TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    due            TEXT,
    reason         TEXT                               -- JSON, for a refusal
);
CREATE INDEX status_events_by_application ON status_events (application_id, id);
