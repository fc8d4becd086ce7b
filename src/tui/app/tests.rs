//! Update tests.
