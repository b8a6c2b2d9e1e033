// Hostile and malformed links and search text on the second report's build: each gives a
// usable view with no console error and no injected markup, and the polite notice exactly
// when the link held something this build cannot read (Aba's names and years included).
// fuzz.spec.mjs runs a seeded model-checked generator on Aba's build; here the links are
// listed with the answer written beside each.
import { test, expect, appReady } from './fixtures.mjs';
import { SECOND } from './views.mjs';

test.use({ baseURL: process.env.SECOND_BASE_URL });

const NOTICE = /链接中有部分内容无法识别|Parts of this link were not understood/;
const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><iframe src=javascript:window.__pwned=1>",
  '{{constructor.constructor("window.__pwned=1")()}}',
  '</textarea><script>window.__pwned=1</script>',
];
const enc = encodeURIComponent;

// [query, whether the notice must show]
const LINKS = [
  // Clean: this report's own words.
  ['tab=levels', false],
  ['lang=en&tab=figures&year=review', false],
  ['year=2030&tab=figures', false],
  ['county=xiqiao&tab=county', false],
  [`county=${enc('溪桥')}&tab=county`, false],
  ['sector=tourism,economy&lang=EN', false],
  [`q=${enc('游客')}&tab=figures`, false],
  ['embed=1&tab=levels&childId=abc', false],
  // Aba's words, which this build does not know.
  ['year=2023', true],
  ['year=2024&tab=figures', true],
  ['county=hongyuan', true],
  [`county=${enc('红原县')}&tab=county`, true],
  ['sector=finance', true],
  ['focus=gdp-growth-2024', true],
  // Malformed, or unknown here.
  ['utm_source=wechat&tab=levels', true],
  ['focus=no-such-row', true],
  ['tab=charts', true],
  ['lang=fr', true],
  ['sort=height', true],
  ['sector=%E4%B8', true],
  ['q=%FF%FE', true],
  ['%zz=1', true],
  ['year=both&year=review', true],
  ['initialWidth=-1', true],
  [`childId=${'a'.repeat(65)}`, true],
  [`q=${'字'.repeat(101)}`, true],
  [`sector=${'economy,'.repeat(3000)}`, true],
  [`lang=en&${'x=1&'.repeat(60)}tab=levels`, true],
  // Hostile.
  ...PAYLOADS.map((p) => [`${enc(p)}=1`, true]),
  ...PAYLOADS.map((p) => [`tab=${enc(p)}`, true]),
  ...PAYLOADS.map((p, i) => [`lang=en&${['sector', 'county', 'focus'][i % 3]}=${enc(p)}`, true]),
  ...PAYLOADS.map((p) => [`q=${enc(p)}&tab=figures`, false]),
  ['__proto__=1&constructor=2', true],
];

/// Everything a broken view could show, in one round trip.
const inspect = () => {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const notice = document.querySelector('.notice[role="status"]');
  const embed = !!document.querySelector('.app[data-embed]');
  const inline = [];
  for (const el of document.querySelectorAll('*')) for (const a of el.getAttributeNames()) if (/^on/i.test(a)) inline.push(`${el.tagName}[${a}]`);
  return {
    fatal: !document.getElementById('fatal').hidden,
    main: visible(document.querySelector('main')),
    content: embed ? visible(document.getElementById('panel')?.querySelector('canvas[role="img"], table, h2')) : visible(document.querySelector('[role="tablist"]')),
    notice: visible(notice),
    noticeText: notice?.textContent ?? '',
    inline,
    injected: document.querySelectorAll('img[src="x"], iframe, svg[onload], object, embed').length,
    pwned: typeof window.__pwned,
  };
};

test(`hostile and malformed links on the second build (${LINKS.length}) each give a usable view, the notice exactly when something is dropped`, async ({ page, watch }) => {
  test.setTimeout(90_000);
  const problems = [];
  page.on('dialog', (d) => { problems.push(`dialog ${d.message()}`); d.dismiss(); });
  for (const [i, [query, notice]] of LINKS.entries()) {
    // Every third link is a fresh load; the others go through back/forward (the same
    // decoder and views, much faster).
    if (i % 3 === 0) {
      await page.goto('/?' + query);
      await page.waitForFunction(() => !document.getElementById('shell') || !document.getElementById('fatal').hidden);
    } else {
      await page.evaluate(async (q) => {
        history.replaceState(null, '', '?' + q);
        dispatchEvent(new PopStateEvent('popstate'));
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      }, query);
    }
    const s = await page.evaluate(inspect);
    const where = `#${i} ${JSON.stringify(query.slice(0, 80))}`;
    if (s.fatal) problems.push(`${where}: the error box`);
    if (!s.main || !s.content) problems.push(`${where}: no usable view`);
    if (s.inline.length || s.injected || s.pwned !== 'undefined') problems.push(`${where}: injected ${s.inline.join(',')} ${s.injected} ${s.pwned}`);
    if (s.notice !== notice) problems.push(`${where}: notice ${s.notice ? 'shown' : 'missing'}`);
    if (s.notice && !NOTICE.test(s.noticeText)) problems.push(`${where}: the notice without its sentence`);
  }
  // Moving on cancels the last page's icon fetch; that is not a failure.
  for (let i = watch.failed.length - 1; i >= 0; i--) if (/\/icon\.svg net::ERR_ABORTED$/.test(watch.failed[i])) watch.failed.splice(i, 1);
  expect(problems).toEqual([]);
});

test('hostile search text on the second build finds nothing, says so, injects nothing, and survives its link', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  const box = page.getByRole('searchbox', { name: '搜索指标或原文' });
  const count = page.getByText(new RegExp(`^\\d+ / ${SECOND.figures_total} 项数字符合条件$`));
  for (const text of [...PAYLOADS, '%E4%B8', '\u202eevil\u202c', '字'.repeat(150), '\u0000\ud83d']) {
    await box.fill(text);
    await expect(count, JSON.stringify(text)).toHaveText(`0 / ${SECOND.figures_total} 项数字符合条件`);
    expect(await page.evaluate(() => typeof window.__pwned)).toBe('undefined');
    expect(await page.locator('img[src="x"], iframe, svg[onload]').count()).toBe(0);
  }
  // The last hostile search, reopened from its link, is still a search that finds nothing.
  await box.fill(PAYLOADS[0]);
  // The address already holds the previous search's q; wait for this one's (the app writes
  // it after the frame that shows the search).
  await expect(page).toHaveURL((u) => new URL(u).searchParams.get('q') === PAYLOADS[0]);
  await page.goto(page.url());
  await appReady(page);
  await expect(page.getByRole('searchbox', { name: '搜索指标或原文' })).toHaveValue(PAYLOADS[0]);
  await expect(count).toHaveText(`0 / ${SECOND.figures_total} 项数字符合条件`);
  // And a real word of the text still finds its figures.
  await page.getByRole('searchbox', { name: '搜索指标或原文' }).fill('游客');
  await expect(count).not.toHaveText(`0 / ${SECOND.figures_total} 项数字符合条件`);
});
