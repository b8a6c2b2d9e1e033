//! The work-report explorer: Aba Prefecture's 2024 government work report, explorable.
//!
//! `data` and `state` are pure Rust (tested natively); `chart` draws on any plotters
//! backend; `ui` and `embed` are the thin browser layer.

pub mod chart;
pub mod data;
pub mod embed;
pub mod present;
pub mod state;
pub mod ui;
