/**
 * A CSM's path through the site: home → own page → first action → its account, and what the page
 * offers beside: the sortable book, the Atom feeds (parsed as XML), axe and a phone's width.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { browser, closePage, metricsJson, openPage, page, pagesUnder, pathOf, site, tableRows, useChromium } from './site.ts';

useChromium();
/** A CSM whose book is long enough for filters and a download: the fullest kind of CSM page. */
let csmRoute: string;

beforeAll(() => {
  csmRoute = pagesUnder('csm').find((r) => existsSync(path.join(site.dir, r, 'book.csv')))!;
});

describe("a CSM's week", () => {
  it('home → own page in two clicks, then the first action → its account in one more', async () => {
    const name = (await (await fetch(`${site.origin}${site.base}${csmRoute}`)).text()).match(/<h1>([^<]+)<\/h1>/)![1]!;
    await page.goto(`${site.url}/`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'People' }).click(); // click 1
    await page.getByRole('link', { name, exact: true }).click(); // click 2
    expect(pathOf(page)).toBe(csmRoute);
    expect(await page.locator('h1').textContent()).toBe(name);

    // The actions come first: the first section after the header is this week's actions.
    expect(await page.locator('main section h2').first().textContent()).toMatch(/^This week's actions \(\d+\)$/);
    const first = page.locator('ol.actions li').first();
    const account = first.locator('a');
    const accountName = (await account.textContent())!.trim();
    expect(await first.locator('.action-reason').textContent()).toMatch(/\d{4}-\d{2}-\d{2}|no |with P1 reasons/);
    await account.click(); // one click from the CSM's page
    expect(pathOf(page)).toMatch(/^\/accounts\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(accountName);
  });

  it('the book sorts by ARR, highest last then first, and by priority', async () => {
    await page.goto(`${site.url}${csmRoute}`);
    const table = page.locator('#book-table');
    const arrOf = async () => (await tableRows(table)).map((r) => Number((r[3] ?? '').replace(/[$,]/g, ''))).filter((n) => Number.isFinite(n));
    await table.getByRole('button', { name: 'ARR' }).click();
    const up = await arrOf();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await table.getByRole('button', { name: 'ARR' }).click();
    const down = await arrOf();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await table.getByRole('button', { name: 'Priority' }).click();
    const priorities = (await tableRows(table)).map((r) => r[1]);
    expect(priorities).toEqual([...priorities].sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a!.localeCompare(b!))));
    // Long books can be filtered and downloaded.
    expect(await page.getByRole('link', { name: /^Download these \d+ rows as CSV$/ }).getAttribute('href')).toBe(`${site.base}${csmRoute}book.csv`);
  });

  it('axe finds nothing on the CSM page, and it does not scroll sideways at 390 px', async () => {
    const p = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await p.goto(`${site.url}${csmRoute}`);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const { violations } = await new AxeBuilder({ page: p }).analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`))).toEqual([]);
    await closePage(p);
  });
});

describe('Atom feeds', () => {
  /** Parses a feed in the browser and returns what a feed reader would read of it. */
  async function readFeed(href: string) {
    const xml = await (await fetch(`${site.origin}${href}`)).text();
    await page.goto(`${site.url}/`);
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const child = (el: Element, name: string) => el.getElementsByTagNameNS(ns, name)[0]?.textContent ?? null;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
        updated: child(doc.documentElement, 'updated'),
        entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
          id: child(e, 'id'),
          title: child(e, 'title'),
          updated: child(e, 'updated'),
          href: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? null,
        })),
      };
    }, xml);
  }

  it("the CSM page links its feed in the head and visibly; the feed parses, and every entry links to a page of the site", async () => {
    await page.goto(`${site.url}${csmRoute}`);
    const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(href).toBe(`${site.base}${csmRoute}feed.xml`);
    expect(await page.getByRole('link', { name: 'Follow new actions and changes (Atom feed)' }).getAttribute('href')).toBe(href);
    const feed = await readFeed(href!);
    expect(feed.error).toBe(false);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    const asOf = metricsJson().asOf;
    expect(feed.updated).toBe(`${asOf}T00:00:00Z`);
    expect(feed.entries.length).toBeGreaterThan(0);
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
    for (const e of feed.entries) {
      expect(e.id).toMatch(new RegExp(`^tag:[^,]+,${asOf}:cs-report/csm/`));
      expect(e.updated).toBe(`${asOf}T00:00:00Z`);
      const target = new URL(e.href!, `${site.origin}${href}`);
      expect((await fetch(target)).status, e.href!).toBe(200);
    }
  });

  it("a team's feed holds its CSMs' entries and is linked from the team page", async () => {
    const team = pagesUnder('teams')[0]!;
    await page.goto(`${site.url}${team}`);
    const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(href).toBe(`${site.base}${team}feed.xml`);
    expect(await page.getByRole('link', { name: /Atom feed/ }).getAttribute('href')).toBe(href);
    const feed = await readFeed(href!);
    expect(feed.error).toBe(false);
    const digests = feed.entries.filter((e) => e.id!.endsWith('/week'));
    expect(digests.length).toBeGreaterThan(1);
    for (const d of digests) expect(d.title).toMatch(/^[^:]+: This week's actions as of /);
  });
});
