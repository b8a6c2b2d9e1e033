// The one-line embed: <div data-report-view="QUERY"></div><script async src="SITE/embed.js"></script>
// Turns every placeholder on the host page into an iframe of that view (SITE/?QUERY&embed=1)
// and sizes each iframe to the height its page reports. No global, no inline script, and
// it acts only on messages from the site's origin that come from one of its own iframes.
(() => {
  // document.currentScript is only set while the script first runs: capture it now.
  const me = document.currentScript;
  if (!me || !me.src) return;
  const site = new URL('.', me.src); // the directory embed.js lives in: the site's base
  const origin = site.origin;
  const frames = new Map(); // childId -> iframe
  const prefix = 'aba-' + Math.random().toString(36).slice(2, 8) + '-';
  let count = 0;

  const build = (holder) => {
    holder.setAttribute('data-report-embedded', '');
    const id = prefix + count++;
    const query = new URLSearchParams((holder.getAttribute('data-report-view') || '').replace(/^\?/, ''));
    for (const k of ['embed', 'childId', 'initialWidth', 'parentUrl', 'parentTitle']) query.delete(k);
    query.set('embed', '1');
    query.set('childId', id);
    const url = new URL('?' + query.toString(), site);
    const en = query.get('lang') === 'en';
    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = holder.getAttribute('data-title') ||
      // The report's name: `cargo xtask dist` fills these in from its manifest.
      (en ? '{{embed_title_en}}' : '{{embed_title_zh}}');
    frame.loading = 'lazy';
    frame.width = '100%';
    frame.height = '640';
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.display = 'block';
    frames.set(id, frame);
    holder.replaceChildren(frame);
  };

  const scan = () => document.querySelectorAll('[data-report-view]:not([data-report-embedded])').forEach(build);

  // The app posts {"datawrapper-height": {childId: px}} (and Pym/AMP forms): read only the
  // first, and only when origin and window both match the iframe that id belongs to.
  addEventListener('message', (e) => {
    if (e.origin !== origin || !e.data || typeof e.data !== 'object') return;
    const heights = e.data['datawrapper-height'];
    if (!heights || typeof heights !== 'object') return;
    for (const id of Object.keys(heights)) {
      const frame = frames.get(id);
      const px = heights[id];
      if (!frame || e.source !== frame.contentWindow) continue;
      if (typeof px === 'number' && px > 0 && px < 100000) frame.style.height = Math.ceil(px) + 'px';
    }
  });

  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
