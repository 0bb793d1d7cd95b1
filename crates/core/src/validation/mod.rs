//! Validation rules shared by the app and the server (being written).
