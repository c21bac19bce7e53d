/**
 * President's Club and opportunities on the served sample (built with the suite's `links`): a
 * reader goes from the year to date to an ended year and back, and opportunities show by name,
 * linked to their record in the source system.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { browser, closePage, openPage, site, useChromium } from './site.ts';

useChromium();

describe("President's Club years", () => {
  it("links the year to date to the previous year's final standings and back", async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/presidents-club/FY2027/`);
    await expect(page.locator('h1').textContent()).resolves.toBe("President's Club FY2027");
    await expect(page.locator('#previous-winners').textContent()).resolves.toContain('FY2026 winners');
    const back = page.locator('section.pc-winners a', { hasText: 'Final standings of FY2026' });
    await expect(back.getAttribute('href')).resolves.toBe(`${site.base}/presidents-club/FY2026/`);
    await page.goto(`${site.url}/presidents-club/FY2026/`, { timeout: 60_000 });
    await expect(page.locator('.lede').first().textContent()).resolves.toContain('Final standings of fiscal year FY2026');
    const forward = page.locator('nav[aria-label="Fiscal years"] a', { hasText: 'FY2027' });
    await expect(forward.getAttribute('href')).resolves.toBe(`${site.base}/presidents-club/FY2027/`);
    await closePage(page);
  });

  it('names each counted opportunity and links it to its record', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}/presidents-club/FY2027/`);
    const first = page.locator('details[id$="-netArrContribution"] ul.counted a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^https:\/\/crm\.example\.com\/opportunity\/006\w{15}$/);
    // The text is the opportunity's name, not its ID.
    expect((await first.textContent())!.trim()).not.toBe(decodeURIComponent(href!.split('/').pop()!));
    await closePage(page);
  });
});

describe('an account page', () => {
  it("lists the account's opportunities by name, linked to the source record", async () => {
    const csv = readFileSync(path.join(site.dataDir, 'opportunities.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const opp = rows.find((r) => r['Opportunity Name'] && existsSync(path.join(site.dir, 'accounts', r['Account ID'] ?? '', 'index.html')))!;
    const page = await openPage(browser);
    await page.goto(`${site.url}/accounts/${opp['Account ID']}/`);
    const link = page.locator('#opportunities').locator('..').locator('a', { hasText: opp['Opportunity Name']! }).first();
    await expect(link.getAttribute('href')).resolves.toBe(`https://crm.example.com/opportunity/${opp['Opportunity ID']}`);
    await closePage(page);
  });
});
