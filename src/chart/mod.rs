//! Drawing the charts (in progress).
