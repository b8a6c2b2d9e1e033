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

// standalone.html (one file, opened from file://) carries the wasm as base64 in a data
// block, a script element of type application/octet-stream with the id wasm-base64,
// which never runs; the served page has none and fetches the file beside this script.
const inlineWasm = () => {
  const block = document.getElementById('wasm-base64');
  if (!block) return null;
  const bin = atob(block.textContent.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};

// The JS glue, a module beside this one. standalone.html puts the glue and this script
// in one inline module, and xtask/src/standalone.rs replaces this line's import with the
// glue's own init function.
const glue = () => import('./report_explorer.js');

const start = async () => {
  if (typeof WebAssembly !== 'object') {
    throw new Error('This browser does not support WebAssembly.');
  }
  // The wasm download starts now, alongside the glue's, not after the glue has run.
  let wasm = inlineWasm();
  if (!wasm) {
    wasm = fetch(new URL('report_explorer_bg.wasm', import.meta.url));
    wasm.catch(() => {}); // a failure surfaces through init below
  }
  const { default: init } = await glue();
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
