/**
 * The manager's review checklist on the sample: each of the five checks is reached from the home
 * page in at most two clicks (home → org checklist list; home → team → list) and lists the accounts
 * the model counted (metrics.json and the downloads), and team tables show the roll-up.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, closePage, metricsJson, openPage, page, pathOf, rowCells, site, useChromium } from './site.ts';

useChromium();

/** The body rows of a checklist list's table, as cell texts. */
const listRows = (p: Page, id: string): Promise<string[][]> => rowCells(p.locator(`#${id}-table tbody tr`));
/** The count in a list's heading. */
async function headingCount(p: Page, id: string): Promise<number> {
  const text = (await p.locator(`h3#${id} .count`).textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(text)?.[1]);
}
const csvOf = (sitePath: string) =>
  Papa.parse<Record<string, string>>(readFileSync(`${site.dir}${sitePath}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
/** The renewals page's rows of this quarter and the next two (the checklist's renewals). */
function renewalsOfThreeQuarters(): Record<string, string>[] {
  const all = csvOf('/downloads/renewals.csv');
  const quarters = [...new Set(all.map((r) => r.Quarter))].slice(0, 3);
  return all.filter((r) => quarters.includes(r.Quarter));
}

/** Clicks the home page's count of a check and returns the page at the list (one click). */
async function fromHome(label: RegExp): Promise<void> {
  await page.goto(`${site.url}/`);
  await page.getByRole('region', { name: 'Review checklist' }).getByRole('link', { name: label }).first().click();
  await page.waitForURL(/\/checklist\/#/);
}

describe('each check from the home page', () => {
  it('account assignment: one click to the accounts with no CSM, the same as the accounts index says', async () => {
    await fromHome(/accounts? with no CSM/);
    expect(pathOf(page)).toBe('/checklist/');
    expect(new URL(page.url()).hash).toBe('#unassigned');
    const rows = await listRows(page, 'unassigned');
    const index = csvOf('/downloads/accounts.csv').filter((r) => r.Status === 'Active' && (r.CSM === 'unassigned' || r.CSM!.includes('@')));
    expect(rows.length).toBe(index.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(index.map((r) => r.Account)));
  });

  it('onboarding: one click to the cohort; its overdue onboardings are the org overdueOnboardingCount', async () => {
    await fromHome(/accounts? in onboarding/);
    expect(new URL(page.url()).hash).toBe('#onboarding-list');
    const rows = await listRows(page, 'onboarding-list');
    expect(rows.length).toBe(await headingCount(page, 'onboarding-list'));
    const onboarded = (await page.locator('#onboarding-list-table thead th').allTextContents()).findIndex((h) => h.includes('Onboarded'));
    const overdue = rows.filter((r) => r[onboarded]!.startsWith('! overdue') || r[onboarded]!.startsWith('overdue'));
    expect(overdue.length).toBe(metricsJson().org.metrics.overdueOnboardingCount);
  });

  it('success plans: one click; no active plan and not green agree with the org coverage and green-plan rates', async () => {
    await fromHome(/with no active plan/);
    expect(new URL(page.url()).hash).toBe('#success-plans-list');
    const intro = (await page.locator('section[aria-labelledby="success-plans"] .lede').first().textContent()) ?? '';
    const eligible = Number(/Of the ([\d,]+) eligible/.exec(intro)![1]!.replace(/,/g, ''));
    const m = metricsJson().org.metrics;
    const rows = await listRows(page, 'success-plans-list');
    const problem = (await page.locator('#success-plans-list-table thead th').allTextContents()).findIndex((h) => h.includes('Problem'));
    const count = (p: string) => rows.filter((r) => r[problem]!.split(', ').includes(p)).length;
    expect(count('no active plan')).toBe(Math.round((1 - m.successPlanCoverage!) * eligible));
    expect(count('not green')).toBe(Math.round((m.successPlanCoverage! - m.greenSuccessPlanRate!) * eligible));
  });

  it('triage and health: red accounts are the org redCount, stale health the share healthFreshness leaves', async () => {
    await fromHome(/red accounts?/);
    expect(new URL(page.url()).hash).toBe('#red-accounts');
    const m = metricsJson().org.metrics;
    expect((await listRows(page, 'red-accounts')).length).toBe(m.redCount);
    expect(await headingCount(page, 'stale-health')).toBe(Math.round((1 - m.healthFreshness!) * m.bookSize!));
  });

  it('renewals: one click; the renewing accounts are those of the renewals page in this quarter and the next two', async () => {
    await fromHome(/renewing in/);
    expect(new URL(page.url()).hash).toBe('#renewals-list');
    const renewals = renewalsOfThreeQuarters();
    expect(await headingCount(page, 'renewals-list')).toBe(renewals.length);
    const listed = await page.locator('#renewals-list-table tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').at(-2)));
    expect(new Set(listed)).toEqual(new Set(renewals.map((r) => r['Account ID'])));
  });

  it('two clicks through a team: home → team → a check, listing that team\'s accounts', async () => {
    await page.goto(`${site.url}/`);
    const teamLink = page.getByRole('table', { name: 'Teams side by side' }).locator('tbody tr th a').first();
    const teamName = (await teamLink.textContent())!.trim();
    await teamLink.click(); // click 1
    await page.waitForURL(/\/teams\/[^/]+\/$/);
    const team = metricsJson().teams.find((t) => t.name === teamName)!;
    await page.getByRole('region', { name: 'Review checklist' }).getByRole('link', { name: /red accounts?/ }).click(); // click 2
    expect(new URL(page.url()).hash).toBe('#red-accounts');
    expect(await headingCount(page, 'red-accounts')).toBe(team.metrics.redCount);
    expect(await headingCount(page, 'stale-health')).toBe(Math.round((1 - team.metrics.healthFreshness!) * team.metrics.bookSize!));
    const renewals = renewalsOfThreeQuarters().filter((r) => r.Team === teamName);
    expect(await headingCount(page, 'renewals-list')).toBe(renewals.length);
    for (const id of ['assignment', 'onboarding', 'success-plans', 'triage', 'renewals']) await expect(page.locator(`h2#${id}`).count()).resolves.toBe(1);
  });
});

describe('long checklist lists', () => {
  it('filter by CSM in the browser, and download the same rows as CSV', async () => {
    await page.goto(`${site.url}/checklist/`);
    const csv = csvOf('/downloads/checklist/org/renewals-list.csv');
    const all = await listRows(page, 'renewals-list');
    expect(all.length).toBe(csv.length);
    const csm = csv[0]!.CSM!;
    await page.locator('[data-table-tools="renewals-list-table"]').getByRole('combobox', { name: 'CSM' }).selectOption(csm);
    const shown = await page.locator('#renewals-list-table tbody tr:not([hidden])').count();
    expect(shown).toBe(csv.filter((r) => r.CSM === csm).length);
    expect(shown).toBeLessThan(all.length);
  });
});

describe('team tables', () => {
  it('show "k of n CSMs on target" rolled up from the CSMs of metrics.json', async () => {
    const p = await openPage(browser);
    await p.goto(`${site.url}/`);
    const json = metricsJson();
    const team = json.teams[0]!;
    const csms = json.csms.filter((c) => c.manager === team.manager) as unknown as { status: Record<string, string> }[];
    const scored = csms.filter((c) => ['on-target', 'watch', 'off-target'].includes(c.status.ebrCoverage!));
    const onTarget = scored.filter((c) => c.status.ebrCoverage === 'on-target').length;
    const row = p.getByRole('table', { name: 'Teams side by side' }).locator('tbody tr', { has: p.getByRole('link', { name: team.name, exact: true }) });
    const headers = await p.getByRole('table', { name: 'Teams side by side' }).locator('thead th').allTextContents();
    const col = headers.findIndex((h) => h.startsWith('EBR coverage'));
    expect(headers[col]).toContain('per CSM: Strategic ≥ 75%, Growth ≥ 20%');
    const cell = (await row.locator('th, td').nth(col).textContent()) ?? '';
    expect(cell).toContain(`${onTarget} of ${scored.length} CSMs on target`);
    await closePage(p);
  });
});
