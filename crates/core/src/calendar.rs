//! The Kazakhstan working-day calendar (being written).
