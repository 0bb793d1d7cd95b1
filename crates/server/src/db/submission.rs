//! Being written.

#[allow(unused_imports)]
use super::Db;
