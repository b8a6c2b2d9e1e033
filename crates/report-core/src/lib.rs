//! The pure part of the work-report explorer, with no web dependencies: a report's
//! dataset (`data`), what the reader is looking at and its URL form (`state`), the
//! presentation layer that turns both into localized rows and sentences (`present`), and
//! the charts, drawn on any plotters backend (`chart`). The browser crate depends on it;
//! this crate cannot depend on the browser, so the layering holds by construction.

pub mod chart;
pub mod data;
pub mod draft;
pub mod present;
pub mod state;
