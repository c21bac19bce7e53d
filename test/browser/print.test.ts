/** Print: a CSM page is a one-sheet handout for a 1:1, without the site's navigation. */
import { beforeAll, describe, expect, it } from 'vitest';
import { browser, page, pagesUnder, pdfPageCount, site, smallestPageUnder, useChromium } from './site.ts';

useChromium();
beforeAll(async () => {
  await page.emulateMedia({ media: 'print' });
});

describe('printing a CSM page', () => {
  it('hides the navigation chrome and keeps the name, scorecard and book', async () => {
    await page.goto(`${site.url}${smallestPageUnder('csm')}`);
    for (const chrome of ['.skip-link', 'nav', '[role="search"]', 'footer']) {
      const all = page.locator(chrome);
      expect(await all.count(), chrome).toBeGreaterThan(0);
      for (const el of await all.all()) expect(await el.isVisible(), chrome).toBe(false);
    }
    for (const content of ['h1', 'table.scorecard', 'table.book', '#presidents-club']) expect(await page.locator(content).isVisible(), content).toBe(true);
  });

  // This week's actions come first on paper too (one short line each, in two columns): a full week
  // can push the book onto a second sheet.
  it('gives at most two PDF pages for every CSM on Strategic targets', async () => {
    let printed = 0;
    for (const route of pagesUnder('csm')) {
      await page.goto(`${site.url}${route}`);
      if (!(await page.locator('h1 + .lede').textContent())!.includes('· Strategic targets ·')) continue;
      const pdf = await page.pdf();
      expect(pdfPageCount(pdf), route).toBeLessThanOrEqual(2);
      printed++;
    }
    expect(printed).toBeGreaterThan(0);
  });

  it('counts PDF pages, not the page tree: a long page prints on several', async () => {
    await page.goto(`${site.url}/renewals/`);
    expect(pdfPageCount(await page.pdf())).toBeGreaterThan(1);
  });
});
