-- Work that one instance at a time must do when several serve one database (the demo
-- clock): whoever holds a lease's name until `expires_at` does it; a holder renews it at
-- each step, and another instance takes it over once it has lapsed.
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
