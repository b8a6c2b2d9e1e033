// Text fits on every engine: every string drawn on the chart's canvas, boxed by the
// drawing browser's own `measureText` (the probe records each `fillText` call,
// tests/engines/session.mjs), stays at least 3 CSS px inside the canvas and off every other
// string, at 360, 640 and 1280 px, in Chinese and English, on both chart tabs, at a
// device-pixel ratio of 1 and 2 (Firefox: emulated by WebDriver BiDi; WebKit: MiniBrowser
// under GDK_SCALE=2, since WebDriver cannot set a ratio there).
//
// On Aba's build only: the layout code is the same for any report, and Aba's labels
// ("≥40 billion yuan → ≥50 billion yuan (+25%)", the broken growth axis) are the long ones.
import { test, expect, until, appReady, chartDrawn } from './fixtures.mjs';
import { startEngine } from './session.mjs';

const WIDTHS = [360, 640, 1280];
const EDGE = 3;

/// The texts of the next drawing, after `trigger` (a navigation or a resize) causes one.
async function drawnTexts(s, trigger) {
  await s.eval(() => { if (window.__probe) window.__probe.texts = []; });
  await trigger();
  return until(async () => {
    const texts = await s.eval(() => window.__probe?.texts ?? []);
    if (!texts.length) return null;
    // Settled: the same count twice, 150 ms apart (a draw is one synchronous task).
    await new Promise((ok) => setTimeout(ok, 150));
    const again = await s.eval(() => window.__probe?.texts ?? []);
    return again.length === texts.length ? again : null;
  }, 'the chart drawn with text');
}

function problems(texts, dpr) {
  const out = [];
  const edge = EDGE * dpr;
  for (const t of texts) {
    if (t.x0 < edge || t.y0 < 0 || t.x1 > t.width - edge || t.y1 > t.height) {
      out.push(`"${t.text}" at x ${t.x0.toFixed(1)}–${t.x1.toFixed(1)} of ${t.width} (${t.font})`);
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;
      if (overlap) out.push(`"${a.text}" over "${b.text}"`);
    }
  }
  return out;
}

async function sweep(s, siteURL, dpr) {
  const found = [];
  for (const lang of ['zh', 'en']) {
    for (const tab of ['growth', 'levels']) {
      await s.resize(WIDTHS[0], 900);
      let texts = await drawnTexts(s, async () => {
        await s.goto(`${siteURL}/?lang=${lang}${tab === 'levels' ? '&tab=levels' : ''}`);
        await appReady(s);
      });
      for (const [i, width] of WIDTHS.entries()) {
        if (i > 0) texts = await drawnTexts(s, () => s.resize(width, 900));
        const seenDpr = await s.eval(() => devicePixelRatio);
        expect(seenDpr, 'the device-pixel ratio asked for').toBe(dpr);
        for (const p of problems(texts, dpr)) found.push(`${lang} ${tab} ${width}px dpr ${dpr}: ${p}`);
      }
    }
  }
  expect(await chartDrawn(s)).toBe(true);
  expect(found, 'chart text past the edge, within 3 px of it, or over other text').toEqual([]);
}

test('chart text stays 3 px inside the canvas and off other text (DPR 1)', async ({ open, siteURL }) => {
  const s = await open({ width: 360, height: 900 });
  await sweep(s, siteURL, 1);
});

test('chart text stays 3 px inside the canvas and off other text (DPR 2)', async ({ open, engine, browserEngine, siteURL }) => {
  if (engine === 'firefox') {
    const s = await open({ width: 360, height: 900, dpr: 2 });
    await sweep(s, siteURL, 2);
    return;
  }
  // WebKit runs one automation session at a time: the worker's idle one goes first.
  if (browserEngine.idle) {
    const idle = browserEngine.idle;
    browserEngine.idle = null;
    await idle.end();
  }
  const scaled = await startEngine('webkit', { scale: 2 });
  try {
    const s = await scaled.session({ width: 360, height: 900 });
    await sweep(s, siteURL, 2);
    const seen = await s.errors();
    expect(seen.errors).toEqual([]);
    await s.close();
  } finally {
    await scaled.stop();
  }
});

test('the tile map never breaks a county\'s name inside a word, and names each tile in full', async ({ open, siteURL, manifest }) => {
  const s = await open({ width: 1280, height: 900 });
  const found = [];
  for (const width of [1280, 640, 360]) {
    await s.resize(width, 900);
    for (const lang of ['en', 'zh']) {
      await s.goto(`${siteURL}/?lang=${lang}`);
      await appReady(s);
      const tiles = await s.eval(() => [...document.querySelectorAll('.tile-map .tile')].map((tile) => {
        const node = [...tile.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim());
        const words = [];
        if (node) {
          const text = node.textContent;
          for (const m of text.matchAll(/\S+/g)) {
            const r = document.createRange();
            r.setStart(node, m.index);
            r.setEnd(node, m.index + m[0].length);
            const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
            words.push({ word: m[0], lines: tops.size });
          }
        }
        return { label: tile.getAttribute('aria-label'), title: tile.getAttribute('title'), words };
      }));
      expect(tiles.length).toBe(manifest.counties.length);
      for (const t of tiles) {
        const county = manifest.counties.find((c) => c[lang === 'en' ? 'en' : 'zh'] === t.label);
        if (!county) found.push(`${lang} ${width}px: a tile named "${t.label}" is no county's full name`);
        if (t.title !== t.label) found.push(`${lang} ${width}px: "${t.label}" has no tooltip with its name`);
        if (lang === 'en') for (const w of t.words) if (w.lines > 1) found.push(`${width}px: "${w.word}" broken over ${w.lines} lines`);
      }
    }
  }
  expect(found).toEqual([]);
});
