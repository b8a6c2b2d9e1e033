// Driving the probe (bench/probe.js) from Playwright: shared by bench/run.mjs and the CI
// budget in tests/e2e/perf.spec.mjs, so both measure the same thing the same way.
import { fileURLToPath } from 'node:url';

export const PROBE_PATH = fileURLToPath(new URL('./probe.js', import.meta.url));

/// Installs the probe before any page script (call before page.goto).
export const installProbe = (page) => page.addInitScript({ path: PROBE_PATH });

/// Allowance for timestamp coarsening when deciding whether a frame was missed.
const SLACK_MS = 1;

/// The first frame presented with chart draw calls, in ms since navigation start, and
/// how many frames carried draw calls while loading.
export const firstChart = async (page) => {
  const r = await page.evaluate(() => window.__probe.firstChart());
  return { firstChart: r.first, loadFrames: r.frames.length };
};

/// Clicks the checkbox labelled `label` with Playwright's real mouse and returns the
/// probe's record of that change: latency = presented frame's post-frame message time −
/// the click's event.timeStamp. The next frame after the input is the one that starts at
/// the first vsync at or after it (`vsync`, on the grid of rAF timestamps, one frame
/// interval apart); it is on screen by the following vsync. `missed`: the change was
/// presented later than that, i.e. it was not in the first frame after the input.
export const timeChange = async (page, label) => {
  await page.getByLabel(label, { exact: true }).click();
  const rec = await page.evaluate(async () => {
    const c = await window.__probe.settle(10_000);
    return c && { t: c.t, pointerdown: c.pointerdown, lastFrame: c.lastFrame, frames: c.frames,
      domFrames: c.domFrames, settled: c.settled, interval: window.__probe.frameInterval() };
  });
  if (!rec) throw new Error(`nothing drawn within 10 s of clicking ${label}`);
  const presented = rec.frames[rec.frames.length - 1];
  const I = rec.interval;
  const ref = rec.lastFrame ?? presented.ts;
  const vsync = ref + Math.max(0, Math.ceil((rec.t - ref) / I - 1e-6)) * I;
  return {
    latency: presented.msg - rec.t,
    missed: presented.msg > vsync + I + SLACK_MS,
    // The whole view: the later of the chart's frame and the last frame with DOM changes.
    settled: rec.settled.msg - rec.t,
    settledMissed: rec.settled.msg > vsync + I + SLACK_MS,
    framesWithDom: rec.domFrames.length,
    framesWithDraws: rec.frames.length,
    drawCalls: rec.frames.reduce((n, f) => n + f.calls, 0),
    // From the last draw call to the post-frame message: style, layout, paint, commit.
    drawToFrame: presented.msg - presented.lastDraw,
    interval: rec.interval,
    sinceFrameStart: presented.ts - rec.t,
  };
};

/// `n` changes toggling each label on and then off, in turn.
export const timeChanges = async (page, labels, n, afterFirst) => {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(await timeChange(page, labels[Math.floor(i / 2) % labels.length]));
    if (i === 0 && afterFirst) await afterFirst();
  }
  return out;
};

/// Nearest-rank percentile.
export const percentile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
};

export const summarize = (changes) => ({
  n: changes.length,
  median: percentile(changes.map((c) => c.latency), 50),
  p95: percentile(changes.map((c) => c.latency), 95),
  missed: changes.filter((c) => c.missed).length / changes.length,
  settledP95: percentile(changes.map((c) => c.settled), 95),
  settledMissed: changes.filter((c) => c.settledMissed).length / changes.length,
});

/// median(b) / median(a) with a 95 % interval, by resampling each page's loads with
/// replacement: two copies of one build differed by up to 9 % in the first chart's median
/// over 16 loads at 4× CPU (docs/performance.md), so a difference is claimed only where
/// the interval leaves 1 out. Used by bench/ab.mjs and bench/floor.mjs.
export const medianRatio = (a, b, draws = 2000) => {
  const pick = (xs) => xs.map(() => xs[Math.floor(Math.random() * xs.length)]);
  const ratios = [];
  for (let i = 0; i < draws; i++) ratios.push(percentile(pick(b), 50) / percentile(pick(a), 50));
  return `${(percentile(b, 50) / percentile(a, 50)).toFixed(2)} [${percentile(ratios, 2.5).toFixed(2)}–${percentile(ratios, 97.5).toFixed(2)}]`;
};
