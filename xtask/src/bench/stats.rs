//! Medians, percentiles and ratios with their resampled intervals.

use super::*;

pub(super) fn median(v: &[f64]) -> f64 {
    percentile(v, 50.0)
}

/// Nearest-rank percentile.
pub(super) fn percentile(v: &[f64], p: f64) -> f64 {
    let mut sorted = v.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub(super) fn share(missed: &[bool]) -> f64 {
    missed.iter().filter(|m| **m).count() as f64 / missed.len().max(1) as f64
}

/// A figure of one page under one condition on one tab: over all runs pooled, and per run.
pub(super) struct Figure {
    pub(super) pooled: f64,
    pub(super) per_run: Vec<(u64, f64)>,
}

pub(super) type Metric = fn(&[&Sample]) -> f64;

pub(super) fn figure(
    samples: &[Sample],
    page: &str,
    cond: &str,
    tab: &str,
    metric: Metric,
) -> Figure {
    let cell: Vec<&Sample> = samples
        .iter()
        .filter(|s| s.page == page && s.cond == cond && s.tab == tab)
        .collect();
    let mut runs: Vec<u64> = cell.iter().map(|s| s.run).collect();
    runs.sort_unstable();
    runs.dedup();
    let per_run = runs
        .iter()
        .map(|r| {
            let one: Vec<&Sample> = cell.iter().copied().filter(|s| s.run == *r).collect();
            (*r, metric(&one))
        })
        .collect();
    Figure {
        pooled: metric(&cell),
        per_run,
    }
}

pub(super) fn latencies(s: &[&Sample]) -> Vec<f64> {
    s.iter().flat_map(|s| s.latencies.iter().copied()).collect()
}

pub(super) const FIRST_CHART: Metric = |s| {
    median(
        &s.iter()
            .flat_map(|s| s.first_charts.iter().copied())
            .collect::<Vec<_>>(),
    )
};
pub(super) const CHANGE_MEDIAN: Metric = |s| median(&latencies(s));
pub(super) const CHANGE_P95: Metric = |s| percentile(&latencies(s), 95.0);
pub(super) const SETTLED_P95: Metric = |s| {
    percentile(
        &s.iter()
            .flat_map(|s| s.settled.iter().copied())
            .collect::<Vec<_>>(),
        95.0,
    )
};
pub(super) const SETTLED_MISSED: Metric = |s| {
    share(
        &s.iter()
            .flat_map(|s| s.settled_missed.iter().copied())
            .collect::<Vec<_>>(),
    )
};
pub(super) const MISSED: Metric = |s| {
    share(
        &s.iter()
            .flat_map(|s| s.missed.iter().copied())
            .collect::<Vec<_>>(),
    )
};

/// "0.93 [0.81–1.10]": the ratio ours/peer of the pooled figures, and the lowest and
/// highest ratio of the per-run figures.
pub(super) fn ratio(ours: &Figure, peer: &Figure) -> String {
    let per_run: Vec<f64> = ours
        .per_run
        .iter()
        .filter_map(|(run, o)| {
            let p = peer.per_run.iter().find(|(r, _)| r == run)?.1;
            (p > 0.0).then_some(o / p)
        })
        .collect();
    let lo = per_run.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = per_run.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if peer.pooled > 0.0 && !per_run.is_empty() {
        format!("{:.2} [{lo:.2}–{hi:.2}]", ours.pooled / peer.pooled)
    } else {
        "–".into()
    }
}

/// "53% [40–67]": the pooled share and the per-run range, in per cent.
pub(super) fn percent(f: &Figure) -> String {
    let lo = f.per_run.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
    let hi = f
        .per_run
        .iter()
        .map(|x| x.1)
        .fold(f64::NEG_INFINITY, f64::max);
    format!(
        "{:.0}% [{:.0}–{:.0}]",
        f.pooled * 100.0,
        lo * 100.0,
        hi * 100.0
    )
}
