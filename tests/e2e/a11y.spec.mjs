// Accessibility: axe-core finds nothing in either language, full and embedded, light and
// dark, desktop and phone, on every tab; the whole page works from the keyboard with a
// visible focus ring; every chart has a summary sentence and a table with its numbers;
// the page and the quotes say which language they are in.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appReady } from './fixtures.mjs';

const TABS = ['', 'tab=levels', 'tab=figures', 'tab=county&county=hongyuan'];
// One test per screen size: all 16 audits of a language and mode in one test took up to
// 2.0 min on a slower machine, against a 2 min limit.
const SIZES = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]];

test.describe.configure({ mode: 'parallel' });

for (const lang of ['zh', 'en']) {
  for (const embed of [false, true]) {
    for (const [device, size] of SIZES) {
      test(`axe finds no violation: ${lang}, ${embed ? 'embed' : 'full'}, every tab, light and dark, ${device}`, async ({ page, watch }) => {
        test.setTimeout(120_000);
        const found = [];
        let runs = 0;
        await page.setViewportSize(size);
        for (const tab of TABS) {
          const query = [lang === 'en' ? 'lang=en' : '', tab, embed ? 'embed=1' : ''].filter(Boolean).join('&');
          await page.emulateMedia({ colorScheme: 'light' });
          await page.goto('/' + (query ? '?' + query : ''));
          await appReady(page);
          for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            // Only colours change with the scheme, so the dark pass runs the contrast rule.
            const axe = new AxeBuilder({ page });
            if (scheme === 'dark') axe.withRules(['color-contrast']);
            // The figure table's ~300 rows are alike and take axe ~15 s; the full table is
            // audited once per language and mode (desktop, light), the first 30 rows elsewhere.
            if (tab === 'tab=figures' && (scheme === 'dark' || size.width < 800)) axe.exclude('table.figures tbody tr:nth-child(n+31)');
            const { violations } = await axe.analyze();
            runs++;
            for (const v of violations) {
              found.push(`${query || '(default)'} ${scheme} ${size.width}px: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '').split('\n').slice(1, 2).join('')).join(' | ')}`);
            }
          }
        }
        test.info().annotations.push({ type: 'axe', description: `${runs} audits, ${found.length} violations` });
        expect(found).toEqual([]);
      });
    }
  }
}

/// What has the keyboard focus, in words, and whether it shows a focus ring.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    name: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${el.getAttribute('role') ?? el.getAttribute('type') ?? ''}] ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`,
    ring: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
});

/// Presses `key` until `want` holds for the focused element; returns the path walked.
async function tabUntil(page, want, key = 'Tab', max = 80) {
  const path = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    path.push(f);
    expect(f.ring, `a visible focus ring on ${f.name} (after ${path.map((x) => x.name).join(' → ')})`).toBe(true);
    if (await page.evaluate(want)) return path;
  }
  throw new Error(`never reached the target; walked ${path.map((f) => f.name).join(' → ')}`);
}

test('keyboard only: language, a sector, the tabs, a chart row and a table row', async ({ page, watch }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await appReady(page);
  const walked = [];
  // The language switch comes first, before the filters and the views.
  walked.push(...await tabUntil(page, () => document.activeElement.classList.contains('lang-switch')));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.lang-switch')).toBeFocused();
  // A sector, with Space.
  walked.push(...await tabUntil(page, () => document.activeElement.closest('label')?.textContent.trim() === 'Culture & tourism'));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/sector=tourism/);
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/sector=/);
  // Into the tab list: one stop, arrows move between the tabs.
  walked.push(...await tabUntil(page, () => document.activeElement.getAttribute('role') === 'tab'));
  await expect(page.getByRole('tab', { name: 'Growth: 2023 vs 2024' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Levels' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Levels' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'By county' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Growth: 2023 vs 2024' })).toHaveAttribute('aria-selected', 'true');
  // The chart itself: ArrowDown highlights the first row, Enter selects it.
  walked.push(...await tabUntil(page, () => document.activeElement.tagName === 'CANVAS'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=/);
  await expect(page.locator('.detail-card')).toBeVisible();
  // The table twin's row buttons, with Enter.
  walked.push(...await tabUntil(page, () => document.activeElement.classList.contains('row-select')));
  const first = page.locator('.row-select').first();
  const pressed = await first.getAttribute('aria-pressed');
  await page.keyboard.press('Enter');
  await expect(first).not.toHaveAttribute('aria-pressed', pressed);
  // And back out with Shift+Tab, to the canvas again.
  await tabUntil(page, () => document.activeElement.tagName === 'CANVAS', 'Shift+Tab');
  // A sensible order: header, filters, then the view, never the other way round.
  const order = walked.map((f) => f.name);
  // Each stop must have been reached: a stop never walked through (findIndex −1) would
  // otherwise sort before every other and pass.
  const at = (re) => {
    const i = order.findIndex((n) => re.test(n));
    expect(i, `the walk reached ${re} (walked ${order.join(' → ')})`).toBeGreaterThanOrEqual(0);
    return i;
  };
  expect(at(/^button\[(button)?\] (English|中文)/)).toBeLessThan(at(/input#search/));
  expect(at(/input#search/)).toBeLessThan(at(/\[tab\]/));
  expect(at(/\[tab\]/)).toBeLessThan(at(/canvas/));
  expect(order.filter((n) => /\[tab\]/.test(n)), 'the tab list is one tab stop').toHaveLength(1);
});

test('on the chart, keys pressed faster than the page renders each move one row', async ({ page, watch }) => {
  await page.goto('/?lang=en');
  await appReady(page);
  const chart = page.getByRole('img').first();
  await chart.focus();
  // Three keys in one task, so that none of them can wait for the render of the one
  // before: what a quick typist gets when the page is busy.
  await chart.evaluate((canvas) => {
    for (const key of ['ArrowDown', 'ArrowDown', 'Enter']) {
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  });
  // The second row of the growth chart, selected.
  await expect(page).toHaveURL(/focus=/);
  await expect(page.getByRole('heading', { level: 3 })).toContainText('Tourist arrivals growth');
});

test('every chart has a summary sentence as its text alternative and a table with its numbers', async ({ page, watch }) => {
  for (const lang of ['zh', 'en']) {
    // Growth: the sentence counts the rows of the table by their verdict.
    await page.goto(`/?lang=${lang}`);
    await appReady(page);
    let chart = page.getByRole('img');
    let label = await chart.getAttribute('aria-label');
    await expect(page.locator('.summary').first()).toHaveText(label);
    let table = page.locator('table.twin');
    const verdicts = await table.locator('tbody tr td:last-child').allTextContents();
    const count = (zh, en) => verdicts.filter((v) => v === (lang === 'en' ? en : zh)).length;
    const [paired, lower, equal, higher, alone] = label.replace(/202[34]/g, '').match(/\d+/g).map(Number);
    expect({ lower, equal, higher, alone, paired }).toEqual({
      lower: count('目标低于去年', 'target below 2023'),
      equal: count('目标与去年持平', 'target level with 2023'),
      higher: count('目标高于去年', 'target above 2023'),
      alone: count('仅有2024年目标', '2024 target only'),
      paired: lower + equal + higher,
    });
    expect(verdicts.length).toBeGreaterThan(10);
    // The table's numbers are the report's: GDP growth 6.5% (2024 target, typed from the report).
    await expect(table.getByRole('row').filter({ hasText: lang === 'en' ? 'GDP growth' : '地区生产总值增速' }).first()).toContainText('6.5');

    // Levels: the sentence counts the rows by the sign of their change.
    await page.goto(`/?lang=${lang}&tab=levels`);
    await appReady(page);
    chart = page.getByRole('img');
    label = await chart.getAttribute('aria-label');
    await expect(page.locator('.summary').first()).toHaveText(label);
    table = page.locator('table.twin');
    const changes = await table.locator('tbody tr td:last-child').allTextContents();
    const [rows, up, down] = label.replace(/202[34]/g, '').match(/\d+/g).map(Number);
    expect({ rows, up, down }).toEqual({
      rows: changes.length,
      up: changes.filter((c) => c.startsWith('+')).length,
      down: changes.filter((c) => c.startsWith('−')).length,
    });
  }
});

test('the page language follows the switch, and quotes are marked as Chinese', async ({ page, watch }) => {
  await page.goto('/?tab=county&county=hongyuan');
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.app')).toHaveAttribute('lang', 'en');
  const quotes = page.locator('q');
  expect(await quotes.count()).toBeGreaterThan(3);
  expect(await quotes.evaluateAll((qs) => qs.filter((q) => q.closest('[lang]').getAttribute('lang') !== 'zh-Hans').length)).toBe(0);
  await page.getByRole('tab', { name: 'All figures' }).click();
  expect(await page.locator('q').evaluateAll((qs) => qs.every((q) => q.getAttribute('lang') === 'zh-Hans'))).toBe(true);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en');
});
