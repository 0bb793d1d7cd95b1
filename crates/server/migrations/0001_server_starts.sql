-- Each start of the server, so an operator can see restarts and which version ran.
CREATE TABLE server_starts (
    id         INTEGER PRIMARY KEY,
    started_at TEXT    NOT NULL,
    version    TEXT    NOT NULL
);
