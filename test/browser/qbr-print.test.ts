/**
 * The QBR deck in print (one numbered landscape page per slide), on a phone, and axe on every page type of the QBR, President's Club, 1:1 agenda and
 * PTO pages, in Debian's Chromium on the sample site the suite builds once (global-setup.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, closePage, openPage, pathOf, pdfPageCount, site, useChromium } from './site.ts';

useChromium();

/** Set QBR_PRINT_OUT to a folder to keep the printed deck for a look. */
const keepDir = process.env.QBR_PRINT_OUT;

/** The size of the first page of a PDF, in points. */
function firstPageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no MediaBox in the PDF');
  return { width: Number(box[1]), height: Number(box[2]) };
}

/** pdftotext (poppler-utils) reads a PDF page's text; without it the per-page checks are skipped with a note. */
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'pipe' });
    return true;
  } catch {
    console.warn('pdftotext (poppler-utils) is not installed: the per-page text of the printed QBR is not checked');
    return false;
  }
})();

/** The text of each page of a PDF, first page first. */
function pageTexts(pdf: Buffer, pages: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'qbr-pdf-'));
  try {
    const file = join(dir, 'deck.pdf');
    writeFileSync(file, pdf);
    return Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const breaksOf = (page: Page) => page.locator('.qbr-slide').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));

/** Prints a deck and checks: one landscape page per slide, each with its title, the quarter and scope, and its number. */
async function checkPrintedDeck(route: string, deckTitle: string): Promise<void> {
  const page = await openPage(browser);
  await page.goto(`${site.url}${route}`);
  const titles = await page.locator('.qbr-slide').evaluateAll((els) => els.map((e) => (e.querySelector('h1, h2')?.textContent ?? '').trim()));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  if (keepDir) writeFileSync(join(keepDir, `${route.replace(/\W+/g, '-')}.pdf`), pdf);
  const { width, height } = firstPageSize(pdf);
  expect(width).toBeGreaterThan(height);
  expect(pdfPageCount(pdf)).toBe(titles.length);
  if (hasPdftotext) {
    const texts = pageTexts(pdf, titles.length);
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(titles[i]!.replace(/\s+/g, ' '));
      expect(text, `page ${i + 1}`).toContain(deckTitle);
      expect(text, `page ${i + 1}`).toContain(`Slide ${i + 1} of ${titles.length}`);
    });
  }
  await closePage(page);
}

describe('a QBR deck in print', () => {
  it('hides the site chrome and starts every slide on a new page', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/qbr/FY27-Q3/`);
    const slides = await page.locator('.qbr-slide').count();
    expect(slides).toBe(8);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.skip-link', '.site-header', '.site-nav', '[role="search"]', '.site-footer', 'nav[aria-label="QBR pages"]']) {
      const all = page.locator(chrome);
      expect(await all.count(), chrome).toBeGreaterThan(0);
      for (const el of await all.all()) expect(await el.isVisible(), chrome).toBe(false);
    }
    for (const content of ['#qbr-title', '.qbr-status', '#narrative', 'table.qbr-metrics', '#slide-headline svg[role="img"]']) expect(await page.locator(content).first().isVisible(), content).toBe(true);
    expect(await breaksOf(page)).toEqual(['auto', ...Array.from({ length: slides - 1 }, () => 'page')]);
    await closePage(page);
  });

  it('the org deck prints one landscape page per slide, each numbered with the quarter and scope', async () => {
    await checkPrintedDeck('/qbr/FY27-Q3/', 'FY27-Q3 QBR · Org');
  });

  it('a team deck of the open quarter prints the same way', async () => {
    await checkPrintedDeck('/qbr/FY27-Q4/elena-zhang/', 'FY27-Q4 QBR · Team Elena Zhang');
  });

  it('the oldest quarter (no earlier snapshot) prints the same way', async () => {
    await checkPrintedDeck('/qbr/FY26-Q1/', 'FY26-Q1 QBR · Org');
  });

  it('reads as one page on screen, with the chrome', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/qbr/FY27-Q3/`);
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
    expect(await breaksOf(page)).not.toContain('page');
    await closePage(page);
  });
});

describe('a QBR deck on a phone', () => {
  for (const route of ['/qbr/FY27-Q3/', '/qbr/FY27-Q3/elena-zhang/', '/qbr/FY27-Q3/risks/']) {
    it(`${route} does not scroll sideways at 390 px`, async () => {
      const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}${route}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await closePage(page);
    });
  }
});

describe('the top risks and the full list', () => {
  it('the deck shows the ten largest at-risk accounts and links to all of them', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/qbr/FY27-Q3/`);
    const slide = page.locator('#slide-risks');
    expect(await slide.locator('table tbody tr').count()).toBe(10);
    await slide.getByRole('link', { name: /^All \d+ at-risk accounts/ }).click();
    expect(pathOf(page)).toBe('/qbr/FY27-Q3/risks/');
    expect(await page.locator('#qbr-risks tbody tr').count()).toBeGreaterThan(10);
    await closePage(page);
  });
});

describe('accessibility of the QBR, President\'s Club, 1:1 and PTO pages', () => {
  const routes = [
    '/qbr/',
    '/qbr/FY27-Q3/',
    '/qbr/FY27-Q4/elena-zhang/',
    '/qbr/FY27-Q3/risks/',
    '/qbr/FY26-Q1/',
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
