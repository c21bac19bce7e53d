/**
 * The site built with `basePath` `/cs-report/` and served under it (the suite's site): no link,
 * asset or search result leads outside the base or to a missing file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, urlOf } from './pages.ts';
import { browser, closePage, openPage, site, useChromium } from './site.ts';

useChromium();

/** Every HTML file of the built site, as site paths. */
function htmlFiles(): string[] {
  return readdirSync(site.dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** The href and src values of an HTML text (Astro writes them double-quoted). */
const targetsOf = (html: string): string[] => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('the site under /cs-report/', () => {
  it('has every href and src of every page under the base path, external (https) or an anchor', () => {
    const outside: string[] = [];
    for (const file of htmlFiles()) {
      for (const target of targetsOf(readFileSync(path.join(site.dir, file), 'utf8'))) {
        if (target.startsWith(`${site.base}/`) || target.startsWith('#') || target.startsWith('https://') || target === 'data:,') continue;
        outside.push(`${file}: ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('serves every page, asset and download that a page links to (each distinct target fetched once)', async () => {
    const targets = new Set<string>();
    for (const file of htmlFiles()) {
      for (const target of targetsOf(readFileSync(path.join(site.dir, file), 'utf8'))) {
        if (target.startsWith(`${site.base}/`)) targets.add(target.split('#')[0]!);
      }
    }
    expect(targets.size).toBeGreaterThan(100);
    const broken: string[] = [];
    for (const target of targets) {
      const res = await fetch(`${site.origin}${target}`);
      if (!res.ok) broken.push(`${res.status} ${target}`);
      await res.arrayBuffer();
    }
    expect(broken).toEqual([]);
  });

  it('loads every page type with no failed request and no console error', async () => {
    const page = await openPage(browser);
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failures.push(`failed ${r.url()}`));
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(`console: ${m.text()}`);
    });
    for (const type of PAGE_TYPES) {
      await page.goto(urlOf(type));
      if (type.name === 'search') await page.locator('#search-results li').first().waitFor();
      expect(await page.locator('link[rel="stylesheet"]').count(), type.name).toBeGreaterThan(0);
      // The stylesheet applied: the header has its background, not the browser's default.
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor), type.name).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(failures).toEqual([]);
    await closePage(page);
  });

  it('finds a CSM by name from search and the result opens their page under the base path', async () => {
    const page = await openPage(browser);
    const csm = JSON.parse(readFileSync(path.join(site.dir, 'metrics.json'), 'utf8')).csms[0] as { name: string };
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(csm.name)}`);
    const result = page.locator('#search-results a', { hasText: csm.name }).first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toMatch(new RegExp(`^${site.base}/csm/[^/]+/$`));
    await result.click();
    await page.waitForURL(new RegExp(`${site.base}/csm/`));
    expect(await page.locator('h1').textContent()).toBe(csm.name);
    await closePage(page);
  });

  it('links the data-quality page to rejected-rows files that download', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/data-quality/`);
    const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      expect(href).toMatch(new RegExp(`^${site.base}/data-quality/[a-z_]+\\.rejected\\.csv$`));
      const res = await fetch(`${site.origin}${href}`);
      expect(res.status, href).toBe(200);
      expect((await res.text()).split('\r\n')[0]).toMatch(/,Line,Reason$/);
    }
    await closePage(page);
  });
});
