/**
 * The QBR deck in print, and axe on every page type of the QBR, President's Club, 1:1 agenda and
 * PTO pages, in Debian's Chromium on the sample site the suite builds once (global-setup.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePage, launch, openPage, pdfPageCount, site } from './site.ts';

let browser: Browser;

/** Set QBR_PRINT_OUT to a folder to keep the printed deck for a look. */
const keepDir = process.env.QBR_PRINT_OUT;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The size of the first page of a PDF, in points. */
function firstPageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no MediaBox in the PDF');
  return { width: Number(box[1]), height: Number(box[2]) };
}

const breaksOf = (page: Page) => page.locator('.qbr-slide').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));

describe('a QBR page in print', () => {
  it('prints as a landscape deck, each section on a new page, without the site chrome', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/qbr/FY27-Q3/`);
    const sections = await page.locator('.qbr-slide').count();
    expect(sections).toBe(6);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.skip-link', '.site-header', '.site-nav', '[role="search"]', '.site-footer', 'nav[aria-label="QBR pages"]']) {
      const all = page.locator(chrome);
      expect(await all.count(), chrome).toBeGreaterThan(0);
      for (const el of await all.all()) expect(await el.isVisible(), chrome).toBe(false);
    }
    for (const content of ['#qbr-title', '.qbr-status', '#narrative', 'table.qbr-metrics']) expect(await page.locator(content).first().isVisible(), content).toBe(true);
    expect(await breaksOf(page)).toEqual(['auto', 'page', 'page', 'page', 'page', 'page']);
    // Rows stay whole; a long table repeats its header on the next page.
    expect(await page.locator('.qbr-deck tr').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (keepDir) writeFileSync(join(keepDir, 'qbr-FY27-Q3.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(sections);
    const { width, height } = firstPageSize(pdf);
    expect(width).toBeGreaterThan(height);
    await closePage(page);
  });

  it('reads as one page on screen, with the chrome', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/qbr/FY27-Q3/`);
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
    expect(await breaksOf(page)).not.toContain('page');
    await closePage(page);
  });
});

describe('accessibility of the QBR, President\'s Club, 1:1 and PTO pages', () => {
  const routes = [
    '/qbr/',
    '/qbr/FY27-Q3/',
    '/qbr/FY27-Q4/elena-zhang/',
    '/presidents-club/FY2027/',
    '/teams/elena-zhang/one-on-one/',
    '/teams/elena-zhang/one-on-one/week-1/',
    '/teams/elena-zhang/one-on-one/week-2/',
    '/pto/',
  ];
  for (const route of routes) {
    it(`${route} has no axe violations`, async () => {
      const page = await openPage(browser);
      await page.goto(`${site.url}${route}`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await closePage(page);
    });
  }
});
