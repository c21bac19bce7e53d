/**
 * The President's Club pages of every fiscal year, the definitions of the QBR's and President's
 * Club numbers on /metrics/, the onboarding outliers of the data-quality page and the opportunities
 * of account pages, checked at the HTML level on the fixture model (built once with `astro build`),
 * and the selectors they read.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, escaped, pageIn, rowWith, sectionOf, suiteFolder } from './fixture-site.ts';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { OnboardingOutlier, ReportModel } from '../../src/report/model.ts';
import { outlierText } from '../../src/views/data-quality.ts';
import { PLAY_KEYS } from '../../src/views/labels.ts';
import { formatPointsGap, pcWinners, PRESIDENTS_CLUB_KEYS, presidentsClubYears } from '../../src/views/presidents-club.ts';
import { accountId, makeModel, MARKUP_OPPORTUNITY_NAME } from '../fixtures/site/make-model.ts';

let tmp: string;
let site: string;
let model: ReportModel;

const page = (path: string): string => pageIn(site, path);
/** The ranks of a standings table's rows, top to bottom. */
const ranksOf = (table: string): number[] => [...table.matchAll(/<tr>\s*<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
const csm = (k: number) => makeModel().csms[k]!;

beforeAll(() => {
  tmp = suiteFolder('club-definitions-');
  model = makeModel();
  site = join(tmp, 'site');
  buildSite(model, tmp, site);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the President's Club pages", () => {
  it('exist for every fiscal year of the model, each linking to the others and marking its own', () => {
    for (const y of ['FY2026', 'FY2027']) expect(existsSync(join(site, 'presidents-club', y, 'index.html')), y).toBe(true);
    const current = page('presidents-club/FY2027');
    const ended = page('presidents-club/FY2026');
    expect(current).toContain('<a href="/presidents-club/FY2026/">FY2026</a> <span class="muted">final</span>');
    expect(current).toMatch(/<a href="\/presidents-club\/FY2027\/" aria-current="page"[^>]*>FY2027<\/a>/);
    expect(ended).toContain('<a href="/presidents-club/FY2027/">FY2027</a> <span class="muted">to date</span>');
    expect(ended).toMatch(/<a href="\/presidents-club\/FY2026\/" aria-current="page"[^>]*>FY2026<\/a>/);
  });

  it('says an ended year is final and stored, and the year to date is not', () => {
    expect(page('presidents-club/FY2026')).toContain('Final standings of fiscal year FY2026, which ended on <time datetime="2026-01-31">2026-01-31</time>.');
    expect(page('presidents-club/FY2027')).toContain('Fiscal year FY2027 to date, up to <time datetime="2026-11-20">2026-11-20</time>.');
    expect(page('presidents-club/FY2027')).not.toContain('Final standings of fiscal year FY2027');
  });

  it('ranks a tie for first as 1, 1, 3, both tied first place and the third 35 points behind', () => {
    const team = sectionOf(page('presidents-club/FY2026'), 'group-1');
    expect(team).toContain('Team Dana Whitfield');
    expect(ranksOf(team)).toEqual([1, 1, 3]);
    const row = (k: number) => rowWith(team, `<a href="/csm/${csm(k).slug}/">`);
    expect(row(0)).toContain('<td class="pc-next">first place</td>');
    expect(row(1)).toContain('<td class="pc-next">first place</td>');
    expect(row(2)).toContain('<strong>85</strong>');
    expect(row(2)).toContain('<td class="pc-next">+35 points to rank 1</td>');
  });

  it("shows each category's points beside its value (categoryPoints), not only the total", () => {
    const row = rowWith(page('presidents-club/FY2026'), `<a href="/csm/${csm(2).slug}/">`);
    const cells = [...row.matchAll(/<span class="pc-points"[^>]*>(\d+) points?<\/span>/g)].map((m) => Number(m[1]));
    expect(cells).toEqual([35, 35, 15, 0, 0]);
    const current = rowWith(sectionOf(page('presidents-club/FY2027'), 'group-1'), `<a href="/csm/${csm(0).slug}/">`);
    const pc = model.csms[0]!.presidentsClub.categoryPoints;
    expect([...current.matchAll(/<span class="pc-points"[^>]*>(\d+) points?<\/span>/g)].map((m) => Number(m[1]))).toEqual([
      pc.netArrContribution, pc.ebrCompletion, pc.greenSuccessPlans, pc.adoptionPlaysWon, pc.workshops,
    ]);
  });

  it("shows the previous year's winners on the year to date's page, ties together, linked to that year", () => {
    const winners = sectionOf(page('presidents-club/FY2027'), 'previous-winners');
    expect(winners).toContain('FY2026 winners');
    expect(winners).toMatch(/Team Dana Whitfield: <a href="\/csm\/alex-moreno\/">Alex Moreno<\/a> \(120 points\), <a href="\/csm\/bea-lindqvist\/">Bea Lindqvist<\/a> \(120 points\)/);
    expect(winners).toContain('Team Priya Raman: <a href="/csm/dmitri-volkov/">Dmitri Volkov</a> (100 points)');
    expect(winners).not.toContain('Chidi Okafor');
    expect(winners).toContain('former.csm@example.com (50 points)');
    expect(winners).toContain('href="/presidents-club/FY2026/"');
    expect(page('presidents-club/FY2026')).not.toContain('id="previous-winners"');
  });

  it('lists a CSM who has left the roster apart, by email and without a link', () => {
    const html = page('presidents-club/FY2026');
    const gone = sectionOf(html, 'group-3');
    expect(gone).toContain('No longer on the roster');
    expect(gone).toContain('<th scope="row">former.csm@example.com</th>');
    expect(html).not.toContain('href="/csm/former');
  });

  it('names the counted opportunities, escaped, and shows the ID of one with no name', () => {
    const html = page('presidents-club/FY2027');
    const details = (slug: string) => {
      const start = html.indexOf(`<details id="pc-${slug}-netArrContribution"`);
      return html.slice(start, html.indexOf('</details>', start));
    };
    expect(details(csm(1).slug)).toContain('<li>&lt;img src=x onerror=alert(2)&gt; upsell</li>');
    expect(details(csm(1).slug)).toContain('<li>Renewal uplift 1</li>');
    expect(details(csm(1).slug)).not.toContain('0065g00000Opp10AAQ');
    expect(details(csm(2).slug)).toContain('<li>0065g00000Opp21AAQ</li>');
    expect(html).not.toContain('<img src=x');
  });

  it('links every column of numbers to its definition', () => {
    const head = page('presidents-club/FY2027').match(/<thead>.*?<\/thead>/s)![0];
    for (const key of ['rank', 'points', 'netArrContribution', 'ebrCompletion', 'greenSuccessPlans', 'adoptionPlaysWon', 'workshops']) {
      expect(head).toContain(`href="/metrics/#${key}"`);
    }
    expect(page('presidents-club/FY2027')).toContain('href="/metrics/#categoryPoints"');
  });
});

describe('the definitions page', () => {
  it("gives every play, renewal, roundtable and President's Club number its own anchor", () => {
    const html = page('metrics');
    for (const key of [...PLAY_KEYS, ...PRESIDENTS_CLUB_KEYS]) {
      expect(html, key).toContain(`<section class="definition" id="${key}" aria-labelledby="${key}-h"`);
      expect(html, key).toContain(`<code>${key}</code>`);
    }
    expect(html).toContain('<a href="#qbr-plays">');
    expect(html).toContain('<a href="#presidents-club">');
  });

  it('words the rules as METRICS.md does: invalid plays apart, positions after a tie, the points in force', () => {
    const html = page('metrics');
    expect(sectionOf(html, 'expansionClosed')).toContain('is neither completed nor closed');
    expect(sectionOf(html, 'enablementWinRate')).toContain('won / (won + lost) closed in Q');
    expect(sectionOf(html, 'renewalRate')).toContain('Order Type <code>Renewal</code>');
    expect(sectionOf(html, 'categoryPoints')).toContain('after a tie for first the next value is in position 3');
    expect(sectionOf(html, 'categoryPoints')).toContain('Points: position 1: 50; position 2: 35; position 3: 15');
    expect(sectionOf(html, 'categoryPoints')).toContain('handbook: <em>CSM handbook</em>');
    expect(sectionOf(html, 'adoptionPlaysWon')).toContain('Window: 12 months');
  });

  it('defines the stale success plan that the actions and the review checklist list, with the months in force', () => {
    const html = page('metrics');
    expect(html).toContain('<a href="#actions-checklist">');
    expect(sectionOf(html, 'successPlanStaleMonths')).toContain('report default');
    expect(sectionOf(html, 'successPlanStaleMonths')).toContain('Stale after: 3 months');
  });
});

describe('the data-quality page', () => {
  it('lists the late-licence outlier with its reason and what to do, beside the date before the start', () => {
    const html = sectionOf(page('data-quality'), 'onboarding-outliers');
    const late = rowWith(html, `href="/accounts/${accountId(12)}/"`);
    expect(late).toContain('late licence data: no First Value Date, and the first licence usage row is dated 2026-10-06, 45 days after the start');
    expect(late).toContain('Set First Value Date in Gainsight');
    const early = rowWith(html, `href="/accounts/${accountId(7)}/"`);
    expect(early).toContain('reached before start: first value dated 2026-07-13, before the onboarding start');
    expect(early).toContain('Correct First Value Date, or the Onboarding Start Date, in Gainsight.');
    // Late licence data first, then the dates before the start.
    expect(html.indexOf(accountId(12))).toBeLessThan(html.indexOf(accountId(7)));
  });
});

describe('an account page', () => {
  it('lists the opportunities by name, escaped, latest close first, with the ID when the name is empty', () => {
    const hostile = sectionOf(page(`accounts/${accountId(34)}`), 'opportunities');
    expect(hostile).toContain(`<th scope="row">${escaped(MARKUP_OPPORTUNITY_NAME)}</th>`);
    expect(hostile).toContain('<td class="num">$1,034</td>');
    const unnamed = sectionOf(page(`accounts/${accountId(0)}`), 'opportunities');
    expect(unnamed).toContain(`<th scope="row">${model.accountDetails[accountId(0)]!.opportunities[1]!.id}</th>`);
    expect(unnamed.indexOf('Negotiating')).toBeLessThan(unnamed.indexOf('Closed Won'));
  });
});

describe('selectors', () => {
  it('formatPointsGap(points, rank, team) counts the points to the next better total; ties at the top are first place', () => {
    expect(formatPointsGap(120, 1, [120, 120, 85])).toBe('first place');
    expect(formatPointsGap(85, 3, [120, 120, 85])).toBe('+35 points to rank 1');
    expect(formatPointsGap(50, 4, [150, 100, 100, 50])).toBe('+50 points to rank 2');
    expect(formatPointsGap(99, 2, [100, 99])).toBe('+1 point to rank 1');
    expect(formatPointsGap(0, 1, [0])).toBe('first place');
  });

  it('presidentsClubYears(model) gives every stored year, oldest first, and the year to date from the CSMs when it is missing', () => {
    expect(presidentsClubYears(model).map((y) => [y.fiscalYear, y.closed, y.href])).toEqual([
      ['FY2026', true, '/presidents-club/FY2026/'],
      ['FY2027', false, '/presidents-club/FY2027/'],
    ]);
    const bare = { ...model, presidentsClub: [] };
    const [only] = presidentsClubYears(bare);
    expect(only!.fiscalYear).toBe('FY2027');
    expect(only!.groups[0]!.rows.map((r) => r.rank)).toEqual(model.csms.slice(0, 3).map((c) => c.presidentsClub.rank).sort());
  });

  it('links a counted opportunity to its source record when the links.opportunity template is set', () => {
    const linked = { ...model, config: { ...DEFAULT_CONFIG, links: { opportunity: 'https://crm.example.com/opportunity/{id}' } } };
    const cell = presidentsClubYears(linked)[1]!.groups[0]!.rows.find((r) => r.csm.slug === csm(1).slug)!.cells[0]!;
    expect(cell.items).toEqual([
      { text: '<img src=x onerror=alert(2)> upsell', href: 'https://crm.example.com/opportunity/0065g00000Opp10AAQ' },
      { text: 'Renewal uplift 1', href: 'https://crm.example.com/opportunity/0065g00000Opp11AAQ' },
    ]);
    expect(presidentsClubYears(model)[1]!.groups[0]!.rows[0]!.cells[0]!.items.every((i) => i.href === null)).toBe(true);
  });

  it('pcWinners(year) gives each team its rank-1 CSMs with points; a CSM ranked alone wins nothing', () => {
    const [fy2026] = presidentsClubYears(model);
    expect(pcWinners(fy2026!).map((g) => [g.title, g.rows.map((r) => r.csm.name)])).toEqual([
      ['Team Dana Whitfield', ['Alex Moreno', 'Bea Lindqvist']],
      ['Team Priya Raman', ['Dmitri Volkov']],
      ['No longer on the roster', ['former.csm@example.com']],
    ]);
    const alone = { ...model, teams: [], presidentsClub: [model.presidentsClub[0]!] };
    expect(pcWinners(presidentsClubYears(alone)[0]!).map((g) => g.title)).toEqual(['No longer on the roster']);
  });

  it('outlierText(o) gives the reason and the correction of each kind of outlier', () => {
    const o = (milestone: OnboardingOutlier['milestone'], reason: OnboardingOutlier['reason'], reached: string): OnboardingOutlier =>
      ({ accountId: 'A', milestone, start: '2026-03-01', reached, reason });
    expect(outlierText(o('ttfv', 'late licence data', '2026-04-15'))).toEqual({
      milestone: 'first value',
      reason: 'late licence data: no First Value Date, and the first licence usage row is dated 2026-04-15, 45 days after the start',
      action: 'Set First Value Date in Gainsight (the date the customer first got value).',
    });
    expect(outlierText(o('ttfe', 'reached before start', '2026-02-20')).action).toMatch(/first Cadence Call or Meeting/);
    expect(outlierText(o('tto', 'reached before start', '2026-02-20')).reason).toBe('reached before start: onboarded dated 2026-02-20, before the onboarding start');
    expect(outlierText(o('tto', 'reached before start', '2026-02-20')).action).toMatch(/Onboarding Complete Date/);
  });
});
