/** Long tables: sorted and filtered in the browser, downloaded as CSV; the indices in the navigation. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { browser, openPage, page, pathOf, site, useChromium } from './site.ts';

useChromium();

/** The body rows of the renewals table that are shown, as cell texts. */
async function shownRenewals(p: Page): Promise<string[][]> {
  return p.locator('#renewing-accounts tbody tr').evaluateAll((trs) =>
    trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

describe('the renewals table', () => {
  it('filters by team, CSM, quarter and health, and the counts agree with the CSV download', async () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(`${site.dir}/downloads/renewals.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
    await page.goto(`${site.url}/renewals/`);
    const all = await shownRenewals(page);
    expect(all.length).toBe(csv.length);
    expect(all.length).toBeGreaterThan(100);

    const team = csv[0]!.Team!;
    await page.getByRole('combobox', { name: 'Team' }).selectOption(team);
    const byTeam = await shownRenewals(page);
    expect(byTeam.length).toBe(csv.filter((r) => r.Team === team).length);
    expect(byTeam.length).toBeLessThan(all.length);
    expect(new Set(byTeam.map((r) => r[7]))).toEqual(new Set([team]));
    expect(await page.locator('[data-table-status]').textContent()).toBe(`${byTeam.length} of ${all.length} rows shown`);

    const health = 'Red';
    await page.getByRole('combobox', { name: 'Health' }).selectOption(health);
    const both = await shownRenewals(page);
    expect(both.length).toBe(csv.filter((r) => r.Team === team && r.Health === health).length);

    await page.getByRole('combobox', { name: 'Team' }).selectOption('');
    await page.getByRole('combobox', { name: 'Health' }).selectOption('');
    const quarter = csv[csv.length - 1]!.Quarter!;
    await page.getByRole('combobox', { name: 'Quarter' }).selectOption(quarter);
    expect((await shownRenewals(page)).length).toBe(csv.filter((r) => r.Quarter === quarter).length);
    const csm = csv[0]!.CSM!;
    await page.getByRole('combobox', { name: 'Quarter' }).selectOption('');
    await page.getByRole('combobox', { name: 'CSM' }).selectOption(csm);
    expect((await shownRenewals(page)).length).toBe(csv.filter((r) => r.CSM === csm).length);
    await page.getByRole('combobox', { name: 'CSM' }).selectOption('');
    expect((await shownRenewals(page)).length).toBe(all.length);
  });

  it('sorts by ARR, largest first on the second click, and back by name', async () => {
    await page.goto(`${site.url}/renewals/`);
    const arr = page.getByRole('button', { name: 'ARR' });
    const money = (rows: string[][]) => rows.map((r) => r[3]!).filter((v) => v !== 'n/a').map((v) => Number(v.replace(/[$,]/g, '')));
    await arr.click();
    const up = money(await shownRenewals(page));
    expect(up).toEqual(up.slice().sort((a, b) => a - b));
    expect(await page.locator('#renewing-accounts th', { has: arr }).getAttribute('aria-sort')).toBe('ascending');
    await arr.click();
    const down = money(await shownRenewals(page));
    expect(down).toEqual(up.slice().sort((a, b) => b - a));
    await page.getByRole('button', { name: 'Account' }).click();
    const names = (await shownRenewals(page)).map((r) => r[0]!);
    expect(names).toEqual(names.slice().sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('downloads its rows as a CSV file from the link beside it', async () => {
    await page.goto(`${site.url}/renewals/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download these \d+ rows as CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('renewals.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toBe(readFileSync(`${site.dir}/downloads/renewals.csv`, 'utf8'));
    expect(text.split('\r\n')[0]).toBe('Account ID,Account,Quarter,Renewal,ARR,Health,At risk,CSM,Team');
  });

  it('without JavaScript shows every row and the download link, and no filter that cannot work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${site.url}/renewals/`);
    expect(await p.locator('#renewing-accounts tbody tr').count()).toBe((await shownRenewals(page)).length);
    expect(await p.locator('[data-table-tools]').isVisible()).toBe(false);
    expect(await p.getByRole('link', { name: /Download these \d+ rows as CSV/ }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('the indices', () => {
  it('People and Accounts are in the navigation of every page and lead to the indices', async () => {
    await page.goto(`${site.url}/renewals/`);
    const nav = page.getByRole('navigation', { name: 'Site' });
    await nav.getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/people\/$/);
    expect(pathOf(page)).toBe('/people/');
    const teams = JSON.parse(readFileSync(`${site.dir}/metrics.json`, 'utf8')).teams as { name: string }[];
    for (const t of teams) expect(await page.getByRole('heading', { name: new RegExp(`^Team ${t.name} \\(\\d+\\)$`) }).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Accounts' }).click();
    await page.waitForURL(/\/accounts\/$/);
    expect(pathOf(page)).toBe('/accounts/');
  });

  it('the accounts index lists churned and inactive accounts, marked, and filters by status', async () => {
    await page.goto(`${site.url}/accounts/`);
    const rows = page.locator('#all-accounts tbody tr');
    const total = await rows.count();
    const csvRows = Papa.parse<Record<string, string>>(readFileSync(`${site.dir}/downloads/accounts.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(total).toBe(csvRows.length);
    const churned = csvRows.filter((r) => r.Status === 'Churned').length;
    expect(churned).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('Churned');
    expect(await page.locator('#all-accounts tbody tr:not([hidden])').count()).toBe(churned);
    expect(await page.locator('#all-accounts tbody tr:not([hidden]) .chip', { hasText: 'Churned' }).count()).toBe(churned);
  });
});
