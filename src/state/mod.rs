//! The view state and its URL codec (in progress).
