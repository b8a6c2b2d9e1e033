//! Host-page messaging (in progress).
