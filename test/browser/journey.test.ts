/**
 * A manager's path through the site: overview → team → the cadence list → an owner → an account.
 * The question the team page exists for: "which of my team's P1 accounts have had no cadence call in
 * two weeks, and who owns them?" must be answered two clicks from the overview.
 */
import { describe, expect, it } from 'vitest';
import { browser, fact, openPage, page, pathOf, rowCells, site, tableRows, useChromium } from './site.ts';

useChromium();

/** Columns of the "Cadence overdue, P1 first" table. */
const COL = { account: 0, owner: 1, priority: 2, interval: 3, lastCall: 4, daysSince: 5 } as const;
/** `17 days` → 17; `never` → Infinity (never called sorts as the longest wait). */
const daysOf = (cell: string): number => (cell === 'never' ? Number.POSITIVE_INFINITY : Number.parseFloat(cell.replace(/,/g, '')));

describe('from the overview to an account', () => {
  let teamName: string;
  let teamPath: string;
  let overdue: string[][];

  it('answers "which P1 accounts of my team had no cadence call in two weeks, and who owns them?" in two clicks', async () => {
    // The manager of a team with at least one P1 account overdue: each team is tried from the overview,
    // two clicks each, until one shows a P1 account in its list.
    await page.goto(`${site.url}/`);
    const teamCount = await page.getByRole('table', { name: 'Teams side by side' }).locator('tbody tr th a').count();
    expect(teamCount).toBeGreaterThan(0);
    for (let i = 0; i < teamCount; i++) {
      await page.goto(`${site.url}/`);
      const teamLink = page.getByRole('table', { name: 'Teams side by side' }).locator('tbody tr th a').nth(i);
      teamName = (await teamLink.textContent())!.trim();

      await teamLink.click(); // click 1
      await page.waitForURL(/\/teams\/[^/]+\/$/);
      teamPath = pathOf(page);
      expect(await page.locator('h1').textContent()).toBe(`Team ${teamName}`);

      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Cadence overdue, P1 first' }).click(); // click 2
      expect(new URL(page.url()).hash).toBe('#cadence-overdue');
      const heading = page.locator('#cadence-overdue');
      const box = (await heading.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(page.viewportSize()!.height);

      const table = page.locator('section[aria-labelledby="cadence-overdue"] table');
      if ((await table.count()) === 0) continue;
      expect(await table.locator('thead th').allTextContents()).toEqual(['Account', 'Owner', 'Priority', 'Interval', 'Last cadence call', 'Days since last call']);
      overdue = await tableRows(table);
      if (overdue.some((r) => r[COL.priority] === 'P1')) break;
    }
    const p1 = overdue.filter((r) => r[COL.priority] === 'P1');
    expect(p1.length).toBeGreaterThan(0);
    for (const r of p1) {
      expect(r[COL.owner], `owner of ${r[COL.account]}`).not.toMatch(/^(|unassigned)$/);
      // A P1 interval is 14 days at most, so every listed P1 account had no call in the last two weeks.
      expect(daysOf(r[COL.daysSince]!), r[COL.account]).toBeGreaterThan(14);
      expect(daysOf(r[COL.daysSince]!)).toBeGreaterThan(daysOf(r[COL.interval]!));
    }
  });

  it('lists P1 accounts first, then by the longest time without a cadence call', () => {
    const priorities = overdue.map((r) => r[COL.priority]);
    const firstOther = priorities.findIndex((p) => p !== 'P1');
    expect(firstOther).not.toBe(0);
    if (firstOther > 0) expect(priorities.slice(firstOther)).not.toContain('P1');
    for (let i = 1; i < overdue.length; i++) {
      const [a, b] = [overdue[i - 1]!, overdue[i]!];
      if (a[COL.priority] === b[COL.priority]) expect(daysOf(a[COL.daysSince]!), `${a[COL.account]} before ${b[COL.account]}`).toBeGreaterThanOrEqual(daysOf(b[COL.daysSince]!));
    }
  });

  it('holds every P1 account the team CSMs flag as cadence overdue in their books, and no other', async () => {
    await page.goto(`${site.url}${teamPath}`);
    const csmLinks = await page.getByRole('table', { name: `The CSMs of team ${teamName}` }).locator('tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(csmLinks.length).toBeGreaterThan(0);
    const flagged: string[] = [];
    for (const href of csmLinks) {
      await page.goto(`${site.origin}${href}`);
      const owner = (await page.locator('h1').textContent())!.trim();
      const book = page.locator('table.book');
      const headers = (await book.locator('thead th').allTextContents()).map((h) => h.trim());
      const priority = headers.findIndex((h) => h.startsWith('Priority'));
      const flags = headers.findIndex((h) => h.startsWith('Flags'));
      expect(priority).toBeGreaterThan(0);
      expect(flags).toBeGreaterThan(0);
      for (const r of await tableRows(book)) {
        if (r[priority] === 'P1' && r[flags]!.split(', ').includes('cadence overdue')) flagged.push(`${r[0]} · ${owner}`);
      }
    }
    const listed = overdue.filter((r) => r[COL.priority] === 'P1').map((r) => `${r[COL.account]} · ${r[COL.owner]}`);
    expect(listed.sort()).toEqual(flagged.sort());
  });

  it('goes on from the list to the owner\'s scorecard and from their book to the account', async () => {
    await page.goto(`${site.url}${teamPath}#cadence-overdue`);
    const row = page.locator('section[aria-labelledby="cadence-overdue"] tbody tr').first();
    const [accountName, ownerName, priority, , lastCall, daysSince] = (await rowCells(row))[0]!;

    await row.locator('td').nth(0).getByRole('link').click();
    await page.waitForURL(/\/csm\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(ownerName);
    const scorecard = page.getByRole('table', { name: `Scorecard of ${ownerName} against the`, exact: false });
    expect(await scorecard.isVisible()).toBe(true);
    expect(await scorecard.locator('tbody tr').count()).toBeGreaterThan(10);
    const cadenceCompliance = scorecard.locator('tbody tr', { hasText: 'Cadence compliance' });
    expect(await cadenceCompliance.locator('a.metric-value').textContent()).toMatch(/^(\d+(\.\d)?%|n\/a)$/);

    await page.locator('table.book').getByRole('link', { name: accountName, exact: true }).click();
    await page.waitForURL(/\/accounts\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(accountName);
    expect(await page.locator('.lede').getByRole('link').textContent()).toBe(ownerName);
    expect(await fact(page, 'Priority')).toBe(priority);
    expect(await fact(page, 'Status')).toBe('Active');
    expect(await fact(page, 'Last cadence call')).toBe(lastCall);
    expect(await fact(page, 'Cadence overdue')).toBe('yes');
    expect(await fact(page, 'Days since cadence call')).toBe(daysSince === 'never' ? 'n/a' : daysSince);
  });
});
