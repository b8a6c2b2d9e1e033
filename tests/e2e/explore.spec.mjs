import fs from 'node:fs';
import { test, expect, appReady } from './fixtures.mjs';
import { figures, report, countyZh, sectorZh } from './data.mjs';
import { VIEWS, growthWords, countLine, literally } from './views.mjs';

const shots = 'tests/e2e/artifacts';
fs.mkdirSync(shots, { recursive: true });

/// Counts non-background pixels of the chart canvas: a drawn chart has thousands.
async function inkOf(page) {
  return page.getByRole('img').first().evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 60) ink++;
    }
    return ink;
  });
}

const countText = (n) => `${n} / ${figures.length} 项数字符合条件`;

test('the compare chart is drawn with a summary, and its table twin lists the rows', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('tab', { name: '增速对比' })).toHaveAttribute('aria-selected', 'true');
  const chart = page.getByRole('img');
  await expect(chart).toHaveAttribute('aria-label', /项2024年目标低于去年实际增速/);
  expect(await inkOf(page)).toBeGreaterThan(2000);
  const twin = page.getByRole('table', { name: '图表数据（表格）' });
  await expect(twin.getByRole('row', { name: /地区生产总值/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/compare-zh.png`, fullPage: true });
});

test('a sector filter narrows the count, the chart and the table the way the data says', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.getByText(countText(figures.length))).toBeVisible();
  await page.getByRole('checkbox', { name: sectorZh('finance') }).check();
  const expected = figures.filter((f) => f.sector === 'finance').length;
  // Typed from the report's 财税金融 paragraph and its 2024 target (tests/fixtures/views.json).
  const typedCount = VIEWS.figure_counts.find((c) => c.query === 'sector=finance').count;
  expect(expected, 'the data under test agrees with the typed count').toBe(typedCount);
  await expect(page.getByText(countText(typedCount))).toBeVisible();
  await expect(page).toHaveURL(/sector=finance/);
  await page.getByRole('tab', { name: '全部数字' }).click();
  const rows = page.getByRole('table', { name: /数字一览/ }).locator('tbody tr');
  await expect(rows).toHaveCount(typedCount);
  await page.getByRole('button', { name: '重置全部筛选' }).click();
  await expect(page.getByText(countText(figures.length))).toBeVisible();
});

// The whole view changes in one frame: the first frame after a click on a sector box
// already shows the final chart, summary, count and table twin (each read at the start of
// every frame, before its rendering, from the click on), and each later frame the same.
for (const tab of ['compare', 'levels']) {
  test(`on the ${tab} tab no frame after a filter change shows a chart, a count and a table that disagree`, async ({ page, watch }) => {
    await page.goto(`/?tab=${tab}`);
    await appReady(page);
    await page.evaluate(() => {
      const state = () => {
        const canvas = document.querySelector('.chart-box canvas');
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        for (let i = 0; i < data.length; i += 61) ink = (ink * 31 + data[i]) % 1000000007;
        return JSON.stringify({
          chart: `${canvas.width}x${canvas.height}:${ink}`,
          label: canvas.getAttribute('aria-label'),
          summary: document.querySelector('.panel .summary')?.textContent,
          count: document.querySelector('.count')?.textContent,
          twin: [...document.querySelectorAll('table.twin tbody tr')].map((tr) => tr.textContent).join('|'),
        });
      };
      window.__frames = [];
      addEventListener('click', () => {
        let n = 0;
        const frame = () => { window.__frames.push(state()); if (++n < 6) requestAnimationFrame(frame); };
        requestAnimationFrame(frame);
      }, { capture: true, once: true });
      window.__before = state();
    });
    await page.getByRole('checkbox', { name: sectorZh(tab === 'compare' ? 'economy' : 'agriculture') }).click();
    await expect.poll(() => page.evaluate(() => window.__frames.length)).toBe(6);
    const { before, frames } = await page.evaluate(() => ({ before: window.__before, frames: window.__frames }));
    const last = frames[frames.length - 1];
    expect(last, 'the click changed the view').not.toEqual(before);
    for (const key of ['chart', 'label', 'summary', 'count', 'twin']) {
      expect(JSON.parse(last)[key], `${key} changed`).not.toEqual(JSON.parse(before)[key]);
    }
    frames.forEach((f, i) => expect(JSON.parse(f), `frame ${i + 1} after the click`).toEqual(JSON.parse(last)));
  });
}

// The share panel follows a change one frame after the view (src/ui/after_frame.rs); a
// change undone before that frame must not reach it late.
test('a box turned on and off again at once leaves the chart table and the share link on the view shown', async ({ page, watch }) => {
  await page.goto('/?tab=levels');
  await appReady(page);
  const twinRows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
  const all = await twinRows.count();
  const link = page.getByRole('textbox', { name: '本视图链接' });
  const before = await link.inputValue();
  const box = page.getByRole('checkbox', { name: sectorZh('agriculture') });
  await box.dblclick();
  await expect(box).not.toBeChecked();
  // Two frames and a task: anything waiting for the frame after the clicks has run.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  await expect(twinRows).toHaveCount(all);
  await expect(link).toHaveValue(before);
  await box.check();
  await expect.poll(() => twinRows.count()).toBeLessThan(all);
  await expect(link).toHaveValue(/sector=agriculture/);
});

test('the county tile map filters figures by county', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  const tile = page.getByRole('group', { name: '县（市）地图' }).getByRole('button', { name: countyZh('hongyuan') });
  await tile.click();
  await expect(tile).toHaveAttribute('aria-pressed', 'true');
  const typedCount = VIEWS.figure_counts.find((c) => c.query === 'county=hongyuan').count;
  await expect(page.getByText(countLine(typedCount))).toBeVisible();
  expect(figures.filter((f) => f.counties.includes('hongyuan')).length).toBe(typedCount);
  await expect(page).toHaveURL(/county=hongyuan/);
});

test('the year filter and the text search narrow the figures', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  await page.getByRole('radio', { name: '2024年目标' }).check();
  const y2024 = figures.filter((f) => f.year === 2024).length;
  await expect(page.getByText(countText(y2024))).toBeVisible();
  // Typed: of the 2024 plan, one sentence names 一般公共预算收入, with one number (7%).
  await page.getByRole('searchbox', { name: '搜索指标或原文' }).fill('一般公共预算收入');
  await expect(page.getByText(countLine(1))).toBeVisible();
  const table = page.getByRole('table', { name: /数字一览/ });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText('≥7%');
  await page.getByRole('searchbox', { name: '搜索指标或原文' }).fill('旅游');
  const hits = figures.filter((f) => f.year === 2024 && (f.indicator.zh.includes('旅游') || f.quote.includes('旅游') || f.indicator.en.toLowerCase().includes('旅游'))).length;
  await expect(page.getByText(countText(hits))).toBeVisible();
  // Beside the model: the report's 2024 tourism sentence gives two numbers, ≥5% each
  // (游客 and 旅游总收入), both of them rows here.
  await expect(table.locator('tbody tr').filter({ hasText: '全年接待游客量、旅游总收入均增长5%以上' }).filter({ hasText: '≥5%' })).toHaveCount(2);
});

test('where the 7% tertiary-sector target comes from', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  await page.getByRole('searchbox', { name: '搜索指标或原文' }).fill('第三产业');
  const row = page.getByRole('row', { name: /第三产业/ }).filter({ hasText: '≥7%' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('三次产业分别增长4.5%、6.5%、7%以上');
  await row.getByRole('button', { name: '上下文' }).click();
  await expect(row).toContainText('今年全州经济社会发展的主要预期目标是');
});

test('a county with mentions but no figures shows its mentions', async ({ page, watch }) => {
  // 汶川县 is named in the report (for example in this 2023 sentence) but given no figure.
  await page.goto('/?tab=county');
  await appReady(page);
  await page.getByRole('combobox', { name: '选择县（市）' }).selectOption({ label: '汶川县' });
  await expect(page.getByRole('heading', { name: '汶川县', level: 2 })).toBeVisible();
  await expect(page.getByText('汶川来料加工模式入选全国乡村振兴创新案例').first()).toBeVisible();
  await expect(page.getByText('报告没有给出该县的数字。').first()).toBeVisible();
});

test('what the report promises 红原县 for 2024', async ({ page, watch }) => {
  await page.goto('/?tab=county&county=hongyuan');
  await appReady(page);
  await expect(page.getByRole('heading', { name: '红原县', level: 2 })).toBeVisible();
  const m2024 = report.mentions.filter((m) => m.year === 2024 && m.counties.includes('hongyuan'));
  const typed = VIEWS.counties.hongyuan;
  await expect(page.getByRole('heading', { name: `2024年目标 · ${typed.figures['2024']}` })).toBeVisible();
  for (const q of typed.mention_quotes_2024) await expect(page.getByText(literally(q)).first()).toBeVisible();
  // Beside the typed quotes: every 2024 mention the dataset files under 红原 is on screen.
  for (const m of m2024) await expect(page.getByText(m.quote).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/county-hongyuan-zh.png`, fullPage: true });
});

test('English: the chart is drawn and the answers read in English', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: '2024 growth targets against 2023 growth' })).toBeVisible();
  await expect(page.getByRole('img')).toHaveAttribute('aria-label', /below last year's pace/);
  expect(await inkOf(page)).toBeGreaterThan(2000);
  const lower = page.getByRole('table', { name: 'Chart data as a table' }).getByRole('row').filter({ hasText: 'target below 2023' });
  expect(await lower.count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${shots}/compare-en.png`, fullPage: true });
});

test('a phone-sized screen needs no sideways scrolling and still draws the chart', async ({ browser, baseURL, watch }) => {
  const context = watch.addContext(await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }));
  const page = await context.newPage();
  for (const q of ['/', '/?lang=en', '/?tab=figures', '/?tab=figures&lang=en', '/?tab=county&county=hongyuan', '/?tab=levels', '/?tab=levels&lang=en', '/?embed=1&lang=en']) {
    await page.goto(baseURL + q);
    await appReady(page);
    // Against the device width, not innerWidth: a mobile browser widens its layout
    // viewport to fit content that overflows, which would hide the overflow.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 360);
    expect(overflow, `sideways overflow on ${q}`).toBeLessThanOrEqual(0);
  }
  await page.goto(baseURL + '/');
  await appReady(page);
  expect(await inkOf(page)).toBeGreaterThan(2000);
  await page.screenshot({ path: `${shots}/phone-zh.png`, fullPage: true });
  await context.close();
});

test('a filtered link on a phone folds the filters away, their fold saying how many are on', async ({ browser, baseURL, watch }) => {
  const context = watch.addContext(await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }));
  const page = await context.newPage();
  await page.goto(baseURL + '/?lang=en&sector=tourism,economy&year=plan');
  await appReady(page);
  const fold = page.getByText('Show or hide the filters (3 on)');
  await expect(fold).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Culture & tourism' })).toBeHidden();
  // The tabs, and the chart under them, are not pushed a screen down by the open filters.
  const tabs = await page.getByRole('tablist').boundingBox();
  expect(tabs.y, 'the tabs start in the upper part of the first screen').toBeLessThan(740 * 0.6);
  // Unfolded, the filters show what the link chose.
  await fold.click();
  await expect(page.getByRole('checkbox', { name: 'Culture & tourism' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /2024/ })).toBeChecked();
  await context.close();
});

test('when the filters leave no rows, the tab says so and draws no empty chart or table; they come back with the rows', async ({ page, watch }) => {
  await page.goto('/?lang=en&q=zzzz');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByText('No growth indicator matches the filters.')).toBeVisible();
  await expect(page.getByRole('img')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Chart data as a table' })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search indicators and quotes' }).fill('');
  await expect(page.getByRole('table', { name: 'Chart data as a table' })).toBeVisible();
  await expect.poll(() => inkOf(page)).toBeGreaterThan(2000);
});

test('clicking a chart row selects it, shows its quote and goes into the link', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  const twin = page.getByRole('table', { name: '图表数据（表格）' });
  await twin.getByRole('button', { name: '地区生产总值增速' }).click();
  await expect(page).toHaveURL(/focus=gdp-growth/);
  // Typed from the report's 2023 review.
  await expect(page.getByText('地区生产总值495亿元，增长6.5%左右')).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/focus=/);
});

/// The share of pixels of one PNG screenshot with nothing like them nearby in another of
/// the same size (1 when the sizes differ), decoded by the page's own canvas.
async function pixelsDiffering(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const load = (s) => new Promise((resolve) => { const i = new Image(); i.onload = () => resolve(i); i.src = s; });
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    if (ia.width !== ib.width || ia.height !== ib.height) return 1;
    const pixels = (img) => {
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [pa, pb] = [pixels(ia), pixels(ib)];
    const [w, h] = [ia.width, ia.height];
    const near = (i, j) => Math.abs(pa[i] - pb[j]) + Math.abs(pa[i + 1] - pb[j + 1]) + Math.abs(pa[i + 2] - pb[j + 2]) <= 24;
    // A pixel differs when no pixel around the same place in the other picture is like
    // it: anti-aliasing moves edges by less than a pixel, a wrong scale moves whole marks.
    let n = 0;
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const i = (y * w + x) * 4;
        let alike = false;
        for (let dy = -1; dy <= 1 && !alike; dy++) {
          for (let dx = -1; dx <= 1 && !alike; dx++) alike = near(i, ((y + dy) * w + x + dx) * 4);
        }
        if (!alike) n++;
      }
    }
    return n / (w * h);
  }, [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`));
}

test('a chart shortened by a filter looks as the same view opened from its link (DPR 2)', async ({ browser, watch }) => {
  // A filter that shortens the chart draws into the top of the bitmap it has, which the
  // page crops; the reader must see the picture a fresh load draws, at the same size and
  // scale. Chromium now and then anti-aliases the text of a reused canvas a little
  // differently (up to 0.5 % of this chart's pixels unlike anything near them in the
  // other picture, in ten runs); without the crop (the bitmap squeezed into the box) 2 %.
  const context = watch.addContext(await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, baseURL: process.env.BASE_URL }));
  const page = await context.newPage();
  const chart = page.getByRole('img').first();
  await page.goto('/?tab=compare');
  await appReady(page);
  const tall = await chart.boundingBox();
  await page.getByLabel('财政金融', { exact: true }).click();
  await expect(page).toHaveURL(/sector=finance/);
  await expect.poll(async () => (await chart.boundingBox()).height).toBeLessThan(tall.height / 2);
  const afterFilter = await chart.screenshot();
  const box = await chart.boundingBox();
  await page.goto('/?tab=compare&sector=finance');
  await appReady(page);
  // The fresh load reserves the height before it draws: wait for the drawing itself.
  await expect.poll(async () => pixelsDiffering(page, afterFilter, await chart.screenshot()),
    { message: 'share of pixels unlike the fresh load' }).toBeLessThan(0.01);
  expect((await chart.boundingBox()).height).toBe(box.height);
  await context.close();
});

// ---- Views against facts typed from the report (tests/fixtures/views.json) ---------------

test('the whole growth chart lists the report\'s growth targets in the typed order, with both years\' values', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
  const words = VIEWS.growth.order.words;
  await expect(rows).toHaveCount(words.length);
  for (const [i, word] of words.entries()) await expect(rows.nth(i), `row ${i}`).toContainText(word);
  for (const p of VIEWS.growth.pairs) {
    const row = rows.filter({ hasText: literally(p.word) }).first();
    await expect(row, p.word).toContainText(p.from);
    await expect(row, p.word).toContainText(p.to);
    await expect(row, p.word).toContainText({ lower: '目标低于去年', equal: '目标与去年持平', higher: '目标高于去年' }[p.direction]);
  }
  for (const a of VIEWS.growth.alone) {
    const row = rows.filter({ hasText: literally(a.word) }).first();
    await expect(row, a.word).toContainText(a.to);
    await expect(row, a.word).toContainText('仅有2024年目标');
  }
  const lower = VIEWS.growth.pairs.filter((p) => p.direction === 'lower').length;
  await expect(page.locator('.summary').first()).toContainText(`在${VIEWS.growth.pairs.length}项有2023年实绩的增速指标中，${lower}项2024年目标低于去年实际增速`);
});

test('each sector\'s growth chart shows the indicators the report gives it, and no other', async ({ page, watch }) => {
  const sectors = [...new Set([...VIEWS.growth.pairs, ...VIEWS.growth.alone].map((r) => r.sector))];
  for (const sector of sectors) {
    await page.goto(`/?sector=${sector}`);
    await appReady(page);
    const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
    const words = growthWords(sector);
    await expect(rows, sector).toHaveCount(words.length);
    for (const [i, word] of words.entries()) await expect(rows.nth(i), `${sector} row ${i}`).toContainText(word);
  }
  for (const sector of VIEWS.growth.empty_sectors) {
    await page.goto(`/?sector=${sector}`);
    await appReady(page);
    await expect(page.getByText('没有符合筛选条件的增速指标。'), sector).toBeVisible();
    await expect(page.getByRole('table', { name: '图表数据（表格）' }), sector).toHaveCount(0);
  }
});

test('each sector\'s levels chart shows the pairs the report gives it, with both numbers', async ({ page, watch }) => {
  for (const [sector, pairs] of Object.entries(VIEWS.levels.sectors)) {
    await page.goto(`/?tab=levels&sector=${sector}`);
    await appReady(page);
    const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
    for (const p of pairs) {
      const row = rows.filter({ hasText: literally(p.word) });
      await expect(row, `${sector}: ${p.word}`).toHaveCount(1);
      await expect(row, `${sector}: ${p.word}`).toContainText(p.from);
      await expect(row, `${sector}: ${p.word}`).toContainText(p.to);
    }
  }
  for (const p of VIEWS.levels.not_pairs) {
    await page.goto(`/?tab=levels&sector=${p.sector}`);
    await appReady(page);
    await expect(page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr').filter({ hasText: literally(p.word) }), p.why).toHaveCount(0);
  }
});

for (const s of VIEWS.summaries) {
  test(`the summary sentence of ?${s.query}, in Chinese and English`, async ({ page, watch }) => {
    await page.goto(`/?${s.query}`);
    await appReady(page);
    await expect(page.locator('.summary').first()).toHaveText(s.zh);
    await expect(page.getByRole('img').first()).toHaveAttribute('aria-label', literally(s.zh));
    await page.goto(`/?${s.query}&lang=en`);
    await appReady(page);
    await expect(page.locator('.summary').first()).toHaveText(s.en);
    await expect(page.getByRole('img').first()).toHaveAttribute('aria-label', literally(s.en));
  });
}

test('the figure count of filtered views is the number of figures the report gives them', async ({ page, watch }) => {
  for (const c of VIEWS.figure_counts) {
    await page.goto(`/?tab=figures&${c.query}`);
    await appReady(page);
    await expect(page.getByText(countLine(c.count)), c.query).toBeVisible();
    const rows = page.getByRole('table', { name: /数字一览/ }).locator('tbody tr');
    await expect(rows, c.query).toHaveCount(c.count);
  }
});

for (const [slug, c] of Object.entries(VIEWS.counties)) {
  test(`the county view of ${c.zh}: its figures and mentions as the report gives them`, async ({ page, watch }) => {
    await page.goto(`/?tab=county&county=${slug}`);
    await appReady(page);
    await expect(page.getByRole('heading', { name: c.zh, level: 2 })).toBeVisible();
    for (const [year, n] of Object.entries(c.figures)) {
      const part = year === '2023' ? '2023年完成' : '2024年目标';
      if (n > 0) await expect(page.getByRole('heading', { name: `${part} · ${n}` }), part).toBeVisible();
    }
    for (const quote of [...(c.figure_quotes_2024 ?? []), ...c.mention_quotes_2023, ...c.mention_quotes_2024]) {
      await expect(page.getByText(literally(quote)).first(), quote).toBeVisible();
    }
    if (Object.values(c.figures).every((n) => n === 0)) await expect(page.getByText('报告没有给出该县的数字。').first()).toBeVisible();
  });
}
