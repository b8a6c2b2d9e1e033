// Hostile links: hundreds of random and malicious query strings, each of which must give a
// usable view, no error, no injected markup, and the polite notice exactly when the link
// held something the decoder dropped. The links come from a seeded generator, so a failure
// names its seed and index and reproduces with FUZZ_SEED=<seed>.
import { test, expect, appReady } from './fixtures.mjs';
import { report } from './data.mjs';
import { VIEWS, growthWords, countLine } from './views.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20240131);
const LINKS = Number(process.env.FUZZ_LINKS ?? 520);
const CHUNKS = 4;

// ---- a small seeded PRNG (mulberry32) ---------------------------------------------------
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ---- what the decoder accepts (a model of src/state/codec.rs, used as the oracle) --------
const KEYS = ['lang', 'tab', 'sector', 'county', 'year', 'q', 'focus', 'sort', 'embed', 'childId', 'initialWidth'];
const PYM_IGNORED = ['parentTitle', 'parentUrl'];
const ids = [...report.figures.map((f) => f.id), ...report.comparisons.map((c) => c.id)];
const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const trim = (s) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
const utf8 = new TextEncoder();

/// Strict form decoding: null for a broken escape or bytes that are not UTF-8.
function formDecode(raw) {
  const bytes = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '+') bytes.push(32);
    else if (c === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...utf8.encode(c));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

function sectorOk(item) {
  const lower = item.toLowerCase();
  return report.sectors.some((s) => s.slug === item || s.zh === item || s.slug.toLowerCase() === lower || s.en.toLowerCase() === lower);
}
function countyOk(item) {
  const lower = item.toLowerCase();
  return report.counties.some((c) => c.slug === item || c.zh === item || c.short === item || c.slug.toLowerCase() === lower || c.en.toLowerCase() === lower);
}

/// True when decoding `search` drops something, i.e. the app must show its notice.
export function dropsSomething(search) {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (utf8.encode(query).length > 4096) return true; // the cap (the tail is never empty here)
  const seen = new Set();
  let read = 0;
  for (const segment of query.split('&')) {
    if (segment === '') continue;
    if (++read > 50) return true;
    const eq = segment.indexOf('=');
    const [rawKey, rawValue, bare] = eq < 0 ? [segment, '', true] : [segment.slice(0, eq), segment.slice(eq + 1), false];
    const key = formDecode(rawKey);
    if (key === null) return true;
    if (!KEYS.includes(key)) {
      if (PYM_IGNORED.includes(key)) continue;
      return true;
    }
    let value = formDecode(rawValue);
    if (value === null) return true;
    value = bare && key === 'embed' ? '1' : trim(value);
    if (value === '') continue;
    if (seen.has(key)) return true;
    seen.add(key);
    const chars = [...value].length;
    if (key === 'q' ? chars > 100 : key === 'childId' ? chars > 64 : utf8.encode(value).length > 200) return true;
    const lower = asciiLower(value);
    const ok = {
      lang: () => ['zh', 'en'].includes(lower),
      tab: () => ['compare', 'levels', 'figures', 'county'].includes(lower),
      year: () => ['2023', '2024', 'both'].includes(lower),
      sort: () => ['report', 'value', 'year', 'sector'].includes(lower.replace(/^-/, '')),
      embed: () => ['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'].includes(lower),
      q: () => true,
      focus: () => ids.includes(value) || ids.some((id) => asciiLower(id) === lower),
      childId: () => /^[A-Za-z0-9_-]+$/.test(value),
      initialWidth: () => /^[0-9]+$/.test(value) && Number(value) <= 4294967295,
      sector: () => value.split(',').map(trim).filter(Boolean).every(sectorOk),
      county: () => value.split(',').map(trim).filter(Boolean).every(countyOk),
    }[key]();
    if (!ok) return true;
  }
  return false;
}

// ---- the generator ------------------------------------------------------------------------
const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<img src=x onerror=alert(1)>',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><iframe src=javascript:window.__pwned=1>",
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '</textarea><script>window.__pwned=1</script>',
  '<style>*{display:none}</style>',
  '\u202eevil\u202c',
  '%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E',
];
const WEIRD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__proto__[x]', 'utm_source', 'from', 'LANG', 'Tab', 'q[]', 'sector[]', '%00', 'a%00b', '红原', '😀', '', ' lang', 'lang ', 'fbclid'];
const UNICODE = ['红原县', '马尔康', '旅游', '地区生产总值', '😀🙃', 'ÄÖÜß', 'ﬁ', 'İ', 'ǅ', '\u0000', '\u200b', '\ufeff', '\u00a0', '𝔘𝔫𝔦', 'ا', 'עברית', '\u0301', '\ud83d'];
const BROKEN = ['%', '%4', '%zz', '%E4%B8', '%FF', '%C3%28', '%%', '%G0', '%e7%ba', '%ED%A0%80'];

function makeGenerator(r) {
  const slugName = (list, aliases) => {
    const item = r.pick(list);
    return r.pick([item.slug, item.slug.toUpperCase(), item.zh, item.en, item.en.replace(/ /g, '+'), ...aliases(item)]);
  };
  const randomBytes = (n) => Array.from({ length: n }, () => '%' + r.int(256).toString(16).padStart(2, '0').toUpperCase()).join('');
  const randomText = (n) => Array.from({ length: n }, () => r.pick([
    () => String.fromCharCode(97 + r.int(26)),
    () => r.pick(UNICODE),
    () => '+',
    () => '%20',
    () => encodeURIComponent(r.pick(PAYLOADS)),
    () => r.pick(PAYLOADS).replace(/[#&]/g, ''),
    () => randomBytes(1 + r.int(3)),
    () => String.fromCodePoint(0x20 + r.int(0x2fff)).replace(/[#&%]/g, ''),
  ])()).join('');
  const valid = {
    lang: () => r.pick(['zh', 'en', 'EN', ' en ']),
    tab: () => r.pick(['compare', 'levels', 'figures', 'county', 'Levels', 'FIGURES']),
    sector: () => Array.from({ length: 1 + r.int(4) }, () => slugName(report.sectors, () => [])).join(r.pick([',', ',+', ',,'])),
    county: () => Array.from({ length: 1 + r.int(4) }, () => slugName(report.counties, (c) => [c.short])).join(','),
    year: () => r.pick(['2023', '2024', 'both', 'BOTH']),
    q: () => r.pick(['5G', '旅游', 'gdp', 'a+b', '%E5%A2%9E%E9%95%BF', 'x%00y', encodeURIComponent(r.pick(PAYLOADS)), r.pick(PAYLOADS).replace(/[#&]/g, '')]),
    focus: () => { const id = r.pick(ids); return r.chance(0.2) ? id.toUpperCase() : id; },
    sort: () => r.pick(['', '-']) + r.pick(['report', 'value', 'year', 'sector']),
    embed: () => r.pick(['1', 'true', '0', 'off']),
    childId: () => Array.from({ length: 1 + r.int(20) }, () => r.pick('abcXYZ019_-'.split(''))).join(''),
    initialWidth: () => String(r.int(2000)),
  };
  const validPiece = () => {
    // embed=1 drops the tab list; keep it a minority so most links show the full page.
    const key = r.chance(0.9) ? r.pick(KEYS.filter((k) => k !== 'embed')) : 'embed';
    if (key === 'embed' && r.chance(0.3)) return 'embed';
    return `${key}=${valid[key]()}`;
  };
  const hostilePiece = () => r.pick([
    () => `${r.pick(WEIRD_KEYS)}=${randomText(1 + r.int(8))}`,
    () => `${r.pick(PAYLOADS).replace(/[#&]/g, '')}=${r.pick(PAYLOADS).replace(/[#&]/g, '')}`,
    () => `${encodeURIComponent(r.pick(PAYLOADS))}=1`,
    () => `${r.pick(KEYS)}=${r.pick(PAYLOADS).replace(/[#&]/g, '')}`,
    () => `${r.pick(KEYS)}=${encodeURIComponent(r.pick(PAYLOADS))}`,
    () => `${r.pick(KEYS)}=${randomText(1 + r.int(12))}`,
    () => `${r.pick(KEYS)}=${randomBytes(1 + r.int(12))}`,
    () => `${r.pick(KEYS)}=${r.pick(BROKEN)}`,
    () => `${r.pick(BROKEN)}=${valid.lang()}`,
    () => `${r.pick(KEYS)}=${r.pick(UNICODE)}${r.pick(UNICODE)}`,
    () => `q=${'字'.repeat(101 + r.int(50))}`,
    () => `${r.pick(PYM_IGNORED)}=${r.pick([...BROKEN, randomText(5)])}`,
    () => `childId=${'a'.repeat(65)}`,
    () => `initialWidth=${r.pick(['-1', '1.5', '99999999999', '%2B5', '0x10', '1e3'])}`,
    () => r.pick(['', '=', '==', '=x', '&', ' ', '+', '?', '??lang=en']),
  ])();
  const huge = () => r.pick([
    () => `q=${'a'.repeat(100_000)}`,
    () => `${r.pick(KEYS)}=${randomBytes(34_000)}`,
    () => Array.from({ length: 200 }, () => validPiece()).join('&'),
    () => `lang=en&${'x=1&'.repeat(60)}tab=levels`,
    () => `sector=${'economy,'.repeat(12_000)}`,
    () => `${encodeURIComponent(r.pick(PAYLOADS)).repeat(400)}=1`,
  ])();

  return (i) => {
    const kind = r.pick(['clean', 'clean', 'clean', 'mixed', 'mixed', 'mixed', 'hostile', 'repeat', 'truncated', 'huge', 'bytes']);
    let parts;
    switch (kind) {
      case 'clean': {
        const seen = new Set();
        parts = Array.from({ length: 1 + r.int(6) }, validPiece).filter((p) => {
          const key = p.split('=')[0];
          return !seen.has(key) && seen.add(key);
        });
        break;
      }
      case 'mixed':
        parts = Array.from({ length: 1 + r.int(8) }, () => (r.chance(0.5) ? validPiece() : hostilePiece()));
        break;
      case 'hostile':
        parts = Array.from({ length: 1 + r.int(5) }, hostilePiece);
        break;
      case 'repeat': {
        const key = r.pick(KEYS.filter((k) => k !== 'embed'));
        parts = Array.from({ length: 2 + r.int(4) }, () => `${key}=${r.chance(0.7) ? valid[key]() : r.pick(PAYLOADS).replace(/[#&]/g, '')}`);
        break;
      }
      case 'truncated': {
        const full = Array.from({ length: 2 + r.int(5) }, validPiece).join('&');
        parts = [full.slice(0, 1 + r.int(full.length))];
        break;
      }
      case 'huge':
        parts = [huge()];
        if (r.chance(0.5)) parts.unshift(validPiece());
        break;
      default:
        parts = [`${r.pick([...KEYS, ...WEIRD_KEYS])}=${randomBytes(1 + r.int(40))}`, validPiece()];
    }
    // Leading '?'/'&' noise, as chat apps and hand edits leave it.
    const prefix = r.chance(0.1) ? r.pick(['&', '&&', '?']) : '';
    return { index: i, kind, query: prefix + parts.join('&') };
  };
}

const allLinks = (() => {
  const next = makeGenerator(prng(SEED));
  return Array.from({ length: LINKS }, (_, i) => next(i));
})();

/// Everything a broken view could show, measured in one round trip.
const inspect = () => {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const main = document.querySelector('main');
  const embed = !!document.querySelector('.app[data-embed]');
  const panel = document.getElementById('panel');
  const notice = document.querySelector('.notice[role="status"]');
  const inline = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) if (/^on/i.test(a)) inline.push(`${el.tagName}[${a}]`);
  }
  return {
    search: location.search,
    shell: !!document.getElementById('shell'),
    fatal: !document.getElementById('fatal').hidden,
    main: visible(main),
    tablist: visible(document.querySelector('[role="tablist"]')),
    embed,
    embedContent: visible(panel?.querySelector('canvas[role="img"], table, h2')),
    notice: visible(notice),
    noticeText: notice?.textContent ?? '',
    inline,
    injected: document.querySelectorAll('img[src="x"], iframe, svg[onload], object, embed, style:not([data-app])').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
    pwned: typeof window.__pwned,
    textareaIntact: !document.querySelector('#embed-code') || document.querySelector('#embed-code').value.startsWith('<iframe'),
  };
};

test.describe.configure({ mode: 'parallel' });

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const links = allLinks.filter((l) => l.index % CHUNKS === chunk);
  test(`hostile links (seed ${SEED}, part ${chunk + 1}/${CHUNKS}, ${links.length} links) each render a usable view`, async ({ page, watch }) => {
    test.setTimeout(150_000);
    let current = null;
    const problems = [];
    const fail = (what) => problems.push(`#${current.index} (${current.kind}) ${JSON.stringify(current.query.slice(0, 160))}: ${what}`);
    page.on('console', (m) => { if (m.type() === 'error') fail(`console error: ${m.text().slice(0, 200)}`); });
    page.on('pageerror', (e) => fail(`page error: ${e}`));
    page.on('dialog', (d) => { fail(`dialog: ${d.message()}`); d.dismiss(); });
    let dropped = 0;
    for (const link of links) {
      current = link;
      // A third of the links are opened as a fresh page; the rest go through the app's
      // back/forward path (the same decoder and views), which is ten times faster.
      if (link.index % 3 === 0 || link === links[0]) {
        await page.goto('/?' + link.query);
        await page.waitForFunction(() => !document.getElementById('shell') || !document.getElementById('fatal').hidden);
      } else {
        await page.evaluate(async (query) => {
          history.replaceState(null, '', '?' + query);
          dispatchEvent(new PopStateEvent('popstate'));
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        }, link.query);
      }
      const s = await page.evaluate(inspect);
      if (s.fatal) fail('the error box is shown');
      if (!s.main) fail('no visible main landmark');
      if (s.embed ? !s.embedContent : !s.tablist) fail(s.embed ? 'embed: no chart, table or heading' : 'no visible tab list');
      if (s.inline.length) fail(`inline handlers: ${s.inline.join(', ')}`);
      if (s.injected) fail(`${s.injected} injected element(s)`);
      if (s.scripts.some((src) => src !== 'boot.js')) fail(`unexpected scripts: ${s.scripts}`);
      if (s.pwned !== 'undefined') fail('window.__pwned was set');
      if (!s.textareaIntact) fail('the embed code was altered');
      const expected = dropsSomething(s.search);
      if (expected) dropped++;
      if (s.notice !== expected) fail(`notice ${s.notice ? 'shown' : 'missing'}, but the link ${expected ? 'drops' : 'keeps'} everything (search ${JSON.stringify(s.search.slice(0, 120))})`);
      if (s.notice && !/链接中有部分内容无法识别|Parts of this link were not understood/.test(s.noticeText)) fail('notice without its sentence');
    }
    // Moving to the next link cancels the favicon fetch of the last one; that is not a failure.
    for (let i = watch.failed.length - 1; i >= 0; i--) {
      if (/\/icon\.svg net::ERR_ABORTED$/.test(watch.failed[i])) watch.failed.splice(i, 1);
    }
    test.info().annotations.push({ type: 'fuzz', description: `seed ${SEED}: ${links.length} links, ${dropped} with a notice` });
    expect(dropped, 'some links are hostile').toBeGreaterThan(links.length / 4);
    expect(links.length - dropped, 'some links are clean').toBeGreaterThan(links.length / 8);
    expect(problems, `reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
  });
}

// ---- typed views under noise ----------------------------------------------------------------
// Links to views whose content is typed from the report (tests/fixtures/views.json), each
// with seeded noise the decoder must drop (keys the app does not know, carrying payloads)
// and the sector written in a random accepted spelling: the view is still the typed one.
test(`typed views keep their typed content under seeded noise (seed ${SEED})`, async ({ page, watch }) => {
  test.setTimeout(120_000);
  const r = prng(SEED + 1);
  const noiseKeys = WEIRD_KEYS.filter((k) => k !== '' && !KEYS.includes(k.trim()));
  const noise = () => `${encodeURIComponent(r.pick(noiseKeys))}=${encodeURIComponent(r.pick(PAYLOADS))}`;
  const shuffle = (list) => list.map((x) => [r.next(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const sectors = [...new Set(VIEWS.growth.pairs.map((p) => p.sector))];
  for (let i = 0; i < 16; i++) {
    const sector = r.pick(sectors);
    const spelled = r.pick([sector, sector.toUpperCase(), ` ${sector} `]);
    const query = shuffle([`sector=${encodeURIComponent(spelled)}`, ...Array.from({ length: 1 + r.int(3) }, noise)]).join('&');
    await page.goto('/?' + query);
    await appReady(page);
    const words = growthWords(sector);
    const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
    await expect(rows, `#${i} ${query}`).toHaveCount(words.length);
    for (const [j, word] of words.entries()) await expect(rows.nth(j), `#${i} ${query}`).toContainText(word);
    await expect(page.getByRole('status').filter({ hasText: '链接中有部分内容无法识别' }), `#${i} ${query}`).toBeVisible();
  }
  for (const c of VIEWS.figure_counts) {
    const query = shuffle([...c.query.split('&'), 'tab=figures', noise()]).join('&');
    await page.goto('/?' + query);
    await appReady(page);
    await expect(page.getByText(countLine(c.count)), query).toBeVisible();
  }
  for (const watched of [watch.failed]) {
    for (let i = watched.length - 1; i >= 0; i--) if (/\/icon\.svg net::ERR_ABORTED$/.test(watched[i])) watched.splice(i, 1);
  }
});
