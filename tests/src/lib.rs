//! Integration tests of error-contract; see tests/.
