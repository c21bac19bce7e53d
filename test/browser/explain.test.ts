/**
 * "Explain this number": a scorecard number links to the accounts it counted, and those accounts
 * reproduce the number shown and the value in metrics.json.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/views/format.ts';
import { browser, fact, metricsJson, openPage, page, pathOf, site, smallestPageUnder, tableRows, useChromium } from './site.ts';

useChromium();

/** The account links of a list, as `name → href`. */
async function accountLinks(list: ReturnType<Page['locator']>): Promise<string[]> {
  return list.locator('a').evaluateAll((as) => as.map((a) => `${a.textContent} → ${a.getAttribute('href')}`));
}

describe('explain a team\'s cadence compliance', () => {
  let teamPath: string;
  let teamName: string;
  let shown: string;
  let numerator: string[];
  let rest: string[];

  it('a click on the headline number lands on the explain page at that metric', async () => {
    teamPath = smallestPageUnder('teams');
    await page.goto(`${site.url}${teamPath}`);
    teamName = (await page.locator('h1').textContent())!.replace(/^Team /, '');
    const number = page.locator('section[aria-labelledby="headline"]').getByTitle('Explain Cadence compliance');
    shown = (await number.textContent())!.trim();
    await number.click();
    await page.waitForURL(/\/explain\/team\/[^/]+\/#cadenceCompliance$/);
    expect(pathOf(page)).toBe(teamPath.replace('/teams/', '/explain/team/'));
    const entry = page.locator('section#cadenceCompliance');
    const box = (await entry.boundingBox())!;
    expect(Math.abs(box.y)).toBeLessThan(2); // scrolled to the top of the viewport
    expect(await entry.locator('h2').textContent()).toBe('Cadence compliance');
    expect(await entry.locator('p strong').first().textContent()).toBe(shown);
  });

  it('counts numerator and denominator that reproduce the percentage shown and metrics.json', async () => {
    const entry = page.locator('section#cadenceCompliance');
    const counts = (await entry.locator('h3').first().textContent())!.match(/\((\d+) of (\d+)\)/);
    expect(counts).not.toBeNull();
    const [n, d] = [Number(counts![1]), Number(counts![2])];
    const lists = entry.locator('ul.accounts');
    numerator = await accountLinks(lists.nth(0));
    rest = await accountLinks(lists.nth(1));
    expect(numerator.length).toBe(n);
    expect(rest.length).toBe(d - n);
    expect(formatPercent(n / d)).toBe(shown);
    const team = metricsJson().teams.find((t) => t.name === teamName);
    expect(team, `team ${teamName} in metrics.json`).toBeDefined();
    expect(team!.metrics.cadenceCompliance).toBe(n / d);
  });

  it('leaves out of the numerator exactly the accounts the team page lists as cadence overdue', async () => {
    await page.goto(`${site.url}${teamPath}`);
    const overdue = page.locator('section[aria-labelledby="cadence-overdue"]');
    const listed = await overdue.locator('tbody th a').evaluateAll((as) => as.map((a) => `${a.textContent} → ${a.getAttribute('href')}`));
    expect(rest.slice().sort()).toEqual(listed.slice().sort());
    for (const a of listed) expect(numerator).not.toContain(a);
    expect(await tableRows(overdue.locator('table'))).toHaveLength(rest.length);
  });

  it('holds in its numerator accounts whose own pages say they have an interval and are not overdue', async () => {
    for (const link of [numerator[0]!, numerator[numerator.length - 1]!]) {
      const [name, href] = link.split(' → ');
      await page.goto(`${site.origin}${href}`);
      expect(await page.locator('h1').textContent()).toBe(name);
      expect(await fact(page, 'Cadence overdue')).toBe('no');
      expect(await fact(page, 'Cadence interval')).toMatch(/^\d+ days$/);
    }
  });
});
