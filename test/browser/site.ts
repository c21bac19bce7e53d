/** What every browser test shares: the served sample site, Debian's Chromium, and small page readers. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** The served site, its folder and the data it was built from. */
export const site = {
  /** The site's address with its base path, no trailing slash: append a route such as `/renewals/`. */
  get url(): string {
    return inject('siteUrl');
  },
  /** The origin alone: append an href read from a page (it holds the base path). */
  get origin(): string {
    return inject('siteOrigin');
  },
  /** The base path, no trailing slash: `/cs-report`. */
  get base(): string {
    return new URL(inject('siteUrl')).pathname;
  },
  get dir(): string {
    return inject('siteDir');
  },
  get dataDir(): string {
    return inject('dataDir');
  },
};

/** Launches the system Chromium the way this machine needs it (root, no GPU, no background traffic). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The test file's Chromium and a page in it, set by `useChromium()` before the file's tests run. */
export let browser: Browser;
export let page: Page;

/** Launches Chromium and opens `page` before the file's tests, and closes Chromium after them. */
export function useChromium(): void {
  beforeAll(async () => {
    browser = await launch();
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** A page in a fresh context (axe needs one), failing fast: a missing element is a failure, not a wait. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** Closes a page opened with `openPage`, context included. */
export const closePage = (page: Page): Promise<void> => page.context().close();

/** A regular expression matching exactly this text. */
export const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The value of a fact on an account page (a `<dt>` label and its `<dd>`). */
export async function fact(page: Page, label: string): Promise<string> {
  const dd = page.locator('dt', { hasText: exactly(label) }).locator('xpath=following-sibling::dd[1]');
  return ((await dd.textContent()) ?? '').trim();
}

/** The built `metrics.json`, as the site wrote it. */
export interface MetricsJson {
  asOf: string;
  org: { metrics: Record<string, number | null> };
  teams: { manager: string; name: string; metrics: Record<string, number | null> }[];
  csms: { email: string; name: string; manager: string; role: string; metrics: Record<string, number | null> }[];
}

/** Reads the built `metrics.json`. */
export function metricsJson(): MetricsJson {
  return JSON.parse(readFileSync(path.join(site.dir, 'metrics.json'), 'utf8')) as MetricsJson;
}

/** The route of the smallest page under a folder of the site (e.g. `teams`): quick to load and to check. */
export function smallestPageUnder(folder: string): string {
  const root = path.join(site.dir, folder);
  const pages = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .map((slug) => ({ slug, size: statSync(path.join(root, slug, 'index.html')).size }))
    .sort((a, b) => a.size - b.size || a.slug.localeCompare(b.slug));
  const first = pages[0];
  if (!first) throw new Error(`no pages under /${folder}/`);
  return `/${folder}/${first.slug}/`;
}

/** Every route under a folder of the site, e.g. every `/csm/<slug>/`. */
export function pagesUnder(folder: string): string[] {
  return readdirSync(path.join(site.dir, folder), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((slug) => `/${folder}/${slug}/`);
}

/** The trimmed cell texts (header cells included) of each row a locator matches. */
export function rowCells(rows: Locator): Promise<string[][]> {
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

/** The body rows of a table as trimmed cell texts. */
export const tableRows = (table: Locator): Promise<string[][]> => rowCells(table.locator('tbody tr'));

/** The route of the page: the path part of its URL without the base path (no origin, no hash). */
export const pathOf = (page: Page): string => routeOf(new URL(page.url()).pathname);

/** The route of an href or path of the site: without its base path. */
export function routeOf(href: string): string {
  const p = href.startsWith(site.base + '/') ? href.slice(site.base.length) : href;
  return p;
}

/** A page's number of PDF pages: counts `/Type /Page` objects (not the `/Pages` tree nodes). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
