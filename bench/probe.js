// The screen-to-screen probe (docs/performance.md, "The probe"). Installed with
// page.addInitScript before any page script, identical on every page measured (the app,
// the ECharts and Vega-Lite peers, the CI budget in tests/e2e/perf.spec.mjs); it needs
// nothing from the page.
//
// - Frames: a requestAnimationFrame loop that, every frame, posts a MessageChannel
//   message. The message task runs after that frame's rendering (rAF callbacks, style,
//   layout, paint, commit), so its time stands for "frame presented".
// - Chart changes: every drawing method of CanvasRenderingContext2D is wrapped to count
//   calls and keep the time of the latest; SVG changes (a page that draws SVG) are seen
//   by a MutationObserver on each <svg> element and counted the same way. Draw calls are
//   attributed to frames by counting them at each frame boundary (the post-frame message): a call made before
//   frame N's message and after frame N-1's is in frame N, wherever it ran (a click
//   handler, a timer, or a rAF callback of the page such as zrender's).
// - Inputs: capturing listeners record event.timeStamp of trusted pointerdown and click
//   (the click's timeStamp is the platform time of the button release that changes the
//   checkbox).
// - DOM changes: one MutationObserver on the whole document (subtree, child lists,
//   attributes, text) counts mutation records the same way, by frame.
// Per input, the probe keeps the frames that carried draw calls made after it, and the
// frames that carried DOM changes, until the page is quiet (QUIET frames with neither):
// `presented` is the last frame with draw calls, i.e. the first frame that shows the
// whole chart change; `settled` is the later of it and the last frame with DOM changes,
// the first frame that shows the whole view (count, summary, table) after the change. `window.__probe.settle()` resolves with
// the record of the latest input once it is quiet.
(() => {
  if (window.__probe) return;
  const QUIET = 3;
  const now = () => performance.now();
  const P = {
    /// Draw calls (canvas calls plus SVG mutation records) so far, and the time of the latest.
    draws: 0,
    lastDraw: -1,
    /// Frames since navigation with draw calls in them, until `first` is settled.
    loadFrames: [],
    /// Recent rAF timestamps (for the frame interval).
    stamps: [],
    /// One record per click: { t, pointerdown, lastFrame (the latest rAF timestamp before it),
    /// draws, frames: [{ ts, raf, msg, calls, lastDraw }], presented }.
    changes: [],
    frameCount: 0,
    waiters: [],
    /// DOM mutation records so far, and the time of the latest.
    doms: 0,
    lastDom: -1,
  };
  window.__probe = P;

  const drew = () => { P.draws++; P.lastDraw = now(); };
  const proto = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  if (proto) {
    for (const name of ['fillText', 'strokeText', 'fillRect', 'strokeRect', 'clearRect', 'fill', 'stroke',
      'drawImage', 'putImageData', 'drawFocusIfNeeded']) {
      const orig = proto[name];
      if (typeof orig !== 'function') continue;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value: function () { drew(); return orig.apply(this, arguments); },
      });
    }
  }
  // A page that draws SVG: each <svg> element is watched by its own MutationObserver
  // (found at every frame boundary through a live collection, so pages without SVG pay
  // nothing per DOM change); its mutations count as draw calls, and so does an <svg>
  // that appears with content.
  const svgs = document.getElementsByTagName('svg');
  const watched = new WeakSet();
  const svgObserver = new MutationObserver(drew);
  const watchSvgs = () => {
    for (const svg of svgs) {
      if (watched.has(svg)) continue;
      watched.add(svg);
      svgObserver.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
      if (svg.firstChild) drew();
    }
  };

  // Every DOM change, wherever it is (including the observed SVGs, also counted as draws).
  new MutationObserver((records) => { P.doms += records.length; P.lastDom = now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  let pending = null; // the latest input, until quiet
  let lastSeen = 0; // P.draws at the previous frame boundary
  let lastDomSeen = 0; // P.doms at the previous frame boundary
  const onInput = (e) => {
    if (!e.isTrusted) return;
    if (e.type === 'pointerdown') { P.lastPointerdown = e.timeStamp; return; }
    pending = { t: e.timeStamp, pointerdown: P.lastPointerdown ?? null, lastFrame: P.stamps[P.stamps.length - 1] ?? null, draws: P.draws, doms: P.doms, frames: [], domFrames: [], quiet: 0, presented: null, settled: null };
    P.changes.push(pending);
  };
  window.addEventListener('pointerdown', onInput, true);
  window.addEventListener('click', onInput, true);

  const channel = new MessageChannel();
  let frame = null;
  channel.port1.onmessage = () => {
    if (svgs.length) watchSvgs();
    const msg = now();
    const f = frame;
    const calls = P.draws - lastSeen;
    lastSeen = P.draws;
    const domCalls = P.doms - lastDomSeen;
    lastDomSeen = P.doms;
    if (!P.first && calls > 0) P.loadFrames.push({ ts: f.ts, raf: f.raf, msg, calls });
    if (pending) {
      const drawn = calls > 0 && P.draws > pending.draws;
      const changed = domCalls > 0 && P.doms > pending.doms;
      if (drawn) pending.frames.push({ ts: f.ts, raf: f.raf, msg, calls, lastDraw: P.lastDraw });
      if (changed) pending.domFrames.push({ ts: f.ts, raf: f.raf, msg, records: domCalls, lastDom: P.lastDom });
      if (drawn || changed) {
        pending.quiet = 0;
      } else if (pending.frames.length > 0 && ++pending.quiet >= QUIET) {
        const last = pending.frames[pending.frames.length - 1];
        const lastDom = pending.domFrames[pending.domFrames.length - 1];
        pending.presented = last;
        pending.settled = lastDom && lastDom.msg > last.msg ? lastDom : last;
        const done = pending;
        pending = null;
        for (const w of P.waiters.splice(0)) w(done);
      }
    }
  };
  const tick = (ts) => {
    frame = { ts, raf: now() };
    P.frameCount++;
    P.stamps.push(ts);
    if (P.stamps.length > 240) P.stamps.splice(0, 120);
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  /// The median interval between frames seen so far (ms).
  P.frameInterval = () => {
    const d = P.stamps.slice(1).map((s, i) => s - P.stamps[i]).filter((x) => x > 0).sort((a, b) => a - b);
    return d.length ? d[Math.floor(d.length / 2)] : 1000 / 60;
  };
  /// Resolves with the latest input's record once its change has been presented and
  /// the page is quiet; with null when nothing was drawn within `timeoutMs`.
  P.settle = (timeoutMs = 5000) => new Promise((resolve) => {
    const last = P.changes[P.changes.length - 1];
    if (last?.presented) { resolve(last); return; }
    const timer = setTimeout(() => resolve(null), timeoutMs);
    P.waiters.push((c) => { clearTimeout(timer); resolve(c); });
  });
  /// The first frame presented with draw calls, since navigation start (ms), once no
  /// frame has carried a draw call for 200 ms; also the frames with draw calls meanwhile.
  /// Not before the page's first contentful paint: a chart in the HTML is seen by the
  /// first frame after it is parsed, and Chromium ran frames that painted nothing before
  /// that paint (a static page: first chart frame 303 ms, first contentful paint 372 ms).
  P.firstChart = () => new Promise((resolve) => {
    const poll = () => {
      const frames = P.loadFrames;
      if (frames.length && P.draws === lastSeen && now() - frames[frames.length - 1].msg > 200) {
        P.first = frames[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        resolve({ first: Math.max(frames[0].msg, paint), frames: frames.slice() });
        return;
      }
      setTimeout(poll, 50);
    };
    poll();
  });
})();
