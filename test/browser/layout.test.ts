/** Every page type on a phone (390 px) and a wide screen (1400 px): nothing scrolls sideways, nothing is cut. */
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, urlOf } from './pages.ts';
import { browser, closePage, openPage, useChromium } from './site.ts';

useChromium();

describe('at 390 px', () => {
  it('no page type is wider than the screen (wide tables scroll inside their own box)', async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
    const wide: string[] = [];
    for (const type of PAGE_TYPES) {
      await page.goto(urlOf(type));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${type.name}: ${width} px`);
    }
    expect(wide).toEqual([]);
    await closePage(page);
  });

  it('a table wider than the screen scrolls in a focusable, labelled region', async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(urlOf(PAGE_TYPES.find((t) => t.name === 'renewals')!));
    const wrap = page.locator('.table-wrap', { has: page.locator('#renewing-accounts') });
    expect(await wrap.getAttribute('tabindex')).toBe('0');
    expect(await wrap.getAttribute('aria-label')).toBe('Renewing accounts');
    expect(await wrap.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await closePage(page);
  });
});

describe('at 1400 px', () => {
  it('no date, quarter id or money value wraps or is cut on any page type', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    const bad: string[] = [];
    for (const type of PAGE_TYPES) {
      await page.goto(urlOf(type));
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const value = /^(\d{4}-\d{2}-\d{2}|FY\d{2}-Q[1-4]|-?\$[\d,]+)$/;
        for (const cell of document.querySelectorAll('main td, main th, main .value')) {
          const text = (cell.textContent ?? '').trim();
          if (!value.test(text)) continue;
          const range = document.createRange();
          range.selectNodeContents(cell);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(`wraps: ${text}`);
          if (cell.scrollWidth > cell.clientWidth + 1) out.push(`cut: ${text}`);
        }
        return out.slice(0, 5);
      });
      for (const f of found) bad.push(`${type.name}: ${f}`);
    }
    expect(bad).toEqual([]);
    await closePage(page);
  });
});
