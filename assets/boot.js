// Loads the wasm app. Any failure shows the page's error box instead of a blank page.
const showFatal = (detail) => {
  const box = document.getElementById('fatal');
  if (!box || !box.hidden) return; // the panic hook may already have explained it
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
  const wasm = fetch(new URL('report_explorer_bg.wasm', import.meta.url));
  wasm.catch(() => {}); // a failure surfaces through init below
  const { default: init } = await import('./report_explorer.js');
  await init({ module_or_path: wasm });
  document.getElementById('shell')?.remove();
};

document.getElementById('fatal-reload')?.setAttribute('href', location.href);
start().catch(showFatal);
