-- PostgreSQL: as migrations/0011_entered_fee.sql. A licence fee whose rate no source gives is
-- paid in the amount the applicant enters: such a payment has no МРП multiple, so `mrp_tenths`
-- and `mrp` may be NULL, both or neither. PostgreSQL changes the columns in place.
ALTER TABLE payments ALTER COLUMN mrp_tenths DROP NOT NULL;
ALTER TABLE payments ALTER COLUMN mrp DROP NOT NULL;
ALTER TABLE payments ADD CONSTRAINT payments_mrp_both_or_neither
    CHECK ((mrp_tenths IS NULL) = (mrp IS NULL));
