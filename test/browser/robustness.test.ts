/** The site for every reader: keyboard first, no JavaScript, and hostile text in the exports. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMetric } from '../../src/views/format.ts';
import { KEY_METRICS, METRIC_LABELS } from '../../src/views/labels.ts';
import { browser, closePage, exactly, metricsJson, openPage, site, useChromium } from './site.ts';

useChromium();

/** The element that has focus: its tag, id and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id, text: el?.textContent?.trim(), inMain: !!el?.closest('main') };
  });

describe('keyboard', () => {
  for (const route of ['/', '/renewals/']) {
    it(`Tab from page load on ${route} reaches the skip link first, and it moves focus to the main content`, async () => {
      const page = await openPage(browser);
      await page.goto(`${site.url}${route}`);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content' });
      const box = (await page.locator('.skip-link').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0); // shown on screen once focused

      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });
      await page.keyboard.press('Tab');
      expect((await focused(page)).inMain).toBe(true); // the next Tab stays in the content, past the header
      await closePage(page);
    });
  }
});

describe('without JavaScript', () => {
  it('the home page still shows every headline number, as metrics.json has it', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/`);
    const org = metricsJson().org.metrics;
    const tiles = page.locator('section[aria-labelledby="headline"] li.tile');
    expect(await tiles.count()).toBe(KEY_METRICS.length);
    for (const key of KEY_METRICS) {
      const tile = tiles.filter({ has: page.locator('p.label', { hasText: exactly(METRIC_LABELS[key]) }) });
      expect(await tile.locator('a.metric-value').textContent(), key).toBe(formatMetric(key, org[key] ?? null));
    }
    // Scripts really are off: the search page shows its no-script note instead of results.
    await page.goto(`${site.url}/search/?q=acme`);
    expect(await page.locator('#search-status').textContent()).toContain('Search needs JavaScript');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await closePage(page);
  });
});

describe('an account named like markup', () => {
  const NAME = '<img src=x onerror=alert(1)>';
  /** The Account ID of the sample's account with that name, read from the export itself. */
  const accountId = (): string => {
    const line = readFileSync(path.join(site.dataDir, 'accounts.csv'), 'utf8').split('\n').find((l) => l.includes(`,${NAME},`));
    if (!line) throw new Error(`the sample has no account named ${NAME}`);
    return line.split(',')[0]!;
  };

  it('shows as text on its page, in its owner\'s book and in search results, and no dialog fires', async () => {
    const page = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const id = accountId();

    await page.goto(`${site.url}/accounts/${id}/`);
    expect(await page.locator('h1').textContent()).toBe(NAME);
    expect(await page.locator('main img').count()).toBe(0);

    await page.locator('.lede').getByRole('link').click(); // the owner
    await page.waitForURL(/\/csm\//);
    expect(await page.locator(`table.book a[href="${site.base}/accounts/${id}/"]`).textContent()).toBe(NAME);
    expect(await page.locator('main img').count()).toBe(0);

    await page.goto(`${site.url}/search/?q=${encodeURIComponent('onerror alert')}`);
    const result = page.locator(`#search-results a[href="${site.base}/accounts/${id}/"]`);
    await result.waitFor();
    expect(await result.textContent()).toBe(NAME);
    expect(await page.locator('main img').count()).toBe(0);

    await page.waitForTimeout(200); // give a would-be onerror handler its turn
    expect(dialogs).toEqual([]);
    await closePage(page);
  });
});
