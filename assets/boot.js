// Loads the wasm app. Any failure shows the page's error box instead of a blank page.
const showFatal = (detail) => {
  const box = document.getElementById('fatal');
  if (!box || !box.hidden) return; // the app may already have explained it
  box.hidden = false;
  document.getElementById('fatal-detail').textContent = String(detail);
  const view = document.getElementById('fatal-view');
  if (view) {
    view.href = location.href;
    view.textContent = location.href;
  }
  const loading = document.getElementById('loading');
  if (loading) loading.hidden = true;
};

const start = async () => {
  if (typeof WebAssembly !== 'object') {
    throw new Error('This browser does not support WebAssembly.');
  }
  // The wasm download starts now, alongside the glue's, not after the glue has run.
  // standalone.html (one file, opened from file://) carries the wasm instead, as base64
  // in a data block that never runs (a script element of type application/octet-stream
  // with the id "wasm"), and its copy of this script has the glue inlined before it in
  // place of the import below (xtask/src/standalone.rs).
  const inline = document.getElementById('wasm');
  const wasm = inline
    ? Uint8Array.from(atob(inline.text), (c) => c.charCodeAt(0))
    : fetch(new URL('report_explorer_bg.wasm', import.meta.url));
  wasm.catch?.(() => {}); // a failed fetch surfaces through init below
  const { default: init } = await import('./report_explorer.js');
  await init({ module_or_path: wasm });
  document.getElementById('shell')?.remove();
};

// The wasm is built with panic=immediate-abort (src/ui/fatal.rs): a panic anywhere in the
// app, in an event handler or a render as well as at start, reaches the page as an
// uncaught WebAssembly.RuntimeError, and the error box says so.
const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
const explain = (e) => showFatal(isTrap(e) ? `The app stopped: ${e.message || e}` : e);
window.addEventListener('error', (ev) => { if (isTrap(ev.error)) explain(ev.error); });
window.addEventListener('unhandledrejection', (ev) => { if (isTrap(ev.reason)) explain(ev.reason); });

document.getElementById('fatal-reload')?.setAttribute('href', location.href);
start().catch(explain);
