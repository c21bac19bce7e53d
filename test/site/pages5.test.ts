/**
 * The QBR, President's Club, 1:1 agenda and PTO pages, checked at the HTML level on the fixture
 * model (built once with `astro build`), and the selectors they read.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, escaped, pageIn, rowWith, sectionOf, suiteFolder } from './fixture-site.ts';
import type { ReportModel } from '../../src/report/model.ts';
import { currentAgendaWeek } from '../../src/report/one-on-one.ts';
import { formatMetric } from '../../src/views/format.ts';
import { formatPcGap } from '../../src/views/presidents-club.ts';
import { ptoRows } from '../../src/views/pto.ts';
import { qbrPages } from '../../src/views/qbr.ts';
import { accountId, makeModel, QBR_QUARTERS } from '../fixtures/site/make-model.ts';

let tmp: string;
let site: string;
let model: ReportModel;

const page = (path: string): string => pageIn(site, path);
/** The first team of the fixture (Dana Whitfield's): the same in every build of the model. */
const DAN = makeModel().teams[0]!;

beforeAll(() => {
  tmp = suiteFolder('pages5-');
  model = makeModel();
  site = join(tmp, 'site');
  buildSite(model, tmp, site);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the new pages', () => {
  it('exist for every quarter and scope, the fiscal year, every team week, and PTO', () => {
    const paths = ['qbr', 'presidents-club/FY2027', 'pto'];
    for (const q of QBR_QUARTERS) {
      paths.push(`qbr/${q}`);
      for (const t of model.teams) paths.push(`qbr/${q}/${t.slug}`);
    }
    for (const t of model.teams) {
      paths.push(`teams/${t.slug}/one-on-one`);
      for (const w of [1, 2, 3, 4]) paths.push(`teams/${t.slug}/one-on-one/week-${w}`);
    }
    for (const p of paths) expect(existsSync(join(site, p, 'index.html')), p).toBe(true);
    expect(existsSync(join(site, 'teams', DAN.slug, 'one-on-one', 'week-5'))).toBe(false);
    const nav = page('');
    for (const href of ['/qbr/', '/presidents-club/FY2027/', '/pto/']) expect(nav).toContain(`href="${href}"`);
  });
});

describe('a QBR page', () => {
  it('shows a recomputed metric this quarter beside the previous one, with its direction in words', () => {
    const m = model.qbr.find((r) => r.quarter === 'FY27-Q3')!.org.metrics.ebrCoverage;
    expect([m.source, m.direction, m.assessment]).toEqual(['event', 'up', 'better']);
    const row = rowWith(sectionOf(page('qbr/FY27-Q3'), 'scorecard'), 'href="/metrics/#ebrCoverage"');
    expect(row).toContain(`<td class="num">${formatMetric('ebrCoverage', m.current.value)}</td>`);
    expect(row).toContain(`<td class="num">${formatMetric('ebrCoverage', m.previous.value)}</td>`);
    expect(row).toContain('up, better');
    expect(row).not.toContain('†');
  });

  it('marks a snapshot metric with † and names its snapshots in the footnote, not in a column', () => {
    const m = model.qbr.find((r) => r.quarter === 'FY27-Q3')!.teams[DAN.manager]!.metrics.redCount;
    const html = page(`qbr/FY27-Q3/${DAN.slug}`);
    const row = rowWith(sectionOf(html, 'scorecard'), 'href="/metrics/#redCount"');
    expect(row).toContain(`<td class="num">${formatMetric('redCount', m.current.value)}</td>`);
    expect(row).toContain('†');
    expect(sectionOf(html, 'scorecard')).toContain('read from the stored snapshots of 2026-10-31 and 2026-07-31');
    expect(html).not.toContain('>Source<');
  });

  it('says "no snapshot" where the previous quarter has none, and does not compare', () => {
    const row = rowWith(sectionOf(page('qbr/FY27-Q2'), 'scorecard'), 'href="/metrics/#bookSize"');
    expect(row).toContain('<td class="num">no snapshot</td>');
    expect(row).toContain('not comparable');
  });

  it('says whether the quarter is closed (frozen) or still open', () => {
    const frozen = 'This quarter is closed; its figures were stored when it closed and do not change.';
    expect(page('qbr/FY27-Q3')).toContain(frozen);
    expect(page(`qbr/FY27-Q2/${DAN.slug}`)).toContain(frozen);
    const open = page('qbr/FY27-Q4');
    expect(open).not.toContain(frozen);
    expect(open).toContain('This quarter is still open: figures as of 2026-11-20');
  });

  it('lists the onboarding cohort, EBRs, plays, renewals, forecast and risks of the scope', () => {
    const scope = model.qbr.find((r) => r.quarter === 'FY27-Q3')!.teams[DAN.manager]!;
    const html = page(`qbr/FY27-Q3/${DAN.slug}`);
    expect(scope.onboardingCohort.length).toBeGreaterThan(0);
    for (const o of scope.onboardingCohort) expect(sectionOf(html, 'onboarding')).toContain(`href="/accounts/${o.accountId}/"`);
    expect(sectionOf(html, 'ebrs')).toContain(`${scope.ebrsHeld.count} EBRs held with ${scope.ebrsHeld.accounts.length} accounts in FY27-Q3`);
    for (const id of scope.ebrsHeld.accounts) expect(sectionOf(html, 'ebrs')).toContain(`href="/accounts/${id}/"`);
    expect(sectionOf(html, 'plays')).toContain(`<td class="num">${scope.plays.expansionOpened}</td>`);
    const lost = scope.renewals.opportunities.find((o) => !o.won)!;
    expect(sectionOf(html, 'renewals')).toContain(escaped(lost.name!));
    expect(sectionOf(html, 'renewals')).toContain(`Forecast: renewals of ${scope.forecast.quarter} by health`);
    expect(sectionOf(page(`qbr/FY27-Q2/${DAN.slug}`), 'renewals')).toContain('No renewal was lost in FY27-Q2.');
    const risks = sectionOf(html, 'risks');
    expect(risks).toContain(`All ${scope.risks.atRisk.length} at-risk accounts`);
    for (const r of scope.risks.atRisk.slice(0, 10)) expect(risks).toContain(`href="/accounts/${r.id}/"`);
    const full = page(`qbr/FY27-Q3/${DAN.slug}/risks`);
    for (const r of scope.risks.atRisk) expect(full).toContain(`href="/accounts/${r.id}/"`);
    // Another team's at-risk account is not on this team's page.
    const other = model.qbr.find((r) => r.quarter === 'FY27-Q3')!.teams[model.teams[1]!.manager]!.risks.atRisk[0]!;
    expect(risks).not.toContain(`/accounts/${other.id}/`);
  });

  it("shows the manager's narrative on its page only, with the page's numbers in it", () => {
    const html = page('qbr/FY27-Q3');
    const narrative = sectionOf(html, 'narrative');
    expect(narrative).toContain('By Hana Fischer.');
    const m = model.qbr.find((r) => r.quarter === 'FY27-Q3')!.org.metrics.successPlanCoverage;
    expect(narrative).toContain(`<strong>${formatMetric('successPlanCoverage', m.current.value)}</strong>`);
    for (const other of ['qbr/FY27-Q2', 'qbr/FY27-Q4', `qbr/FY27-Q3/${DAN.slug}`]) {
      expect(page(other), other).not.toContain('id="narrative"');
      expect(page(other), other).not.toContain('By Hana Fischer.');
    }
    expect(page('qbr')).toContain('Org FY27-Q3</a> (with narrative)');
  });
});

describe("the President's Club page", () => {
  const html = () => page('presidents-club/FY2027');

  it('shows every CSM with the points and rank the model has', () => {
    for (const c of model.csms) {
      const row = rowWith(html(), `<a href="/csm/${c.slug}/">${c.name}</a>`);
      expect(row, c.name).toMatch(new RegExp(`^<tr>\\s*<td class="num">${c.presidentsClub.rank}</td>`));
      expect(row, c.name).toContain(`<strong>${c.presidentsClub.points}</strong>`);
    }
  });

  it('links each value to what it counted: accounts as links, workshops and opportunities (by name) as text', () => {
    const bea = model.csms[1]!;
    const pc = bea.presidentsClub;
    expect(rowWith(html(), `<a href="/csm/${bea.slug}/">`)).toContain(`href="#pc-${bea.slug}-ebrCompletion"`);
    const counted = sectionOf(html(), `pc-${bea.slug}`);
    const details = (key: string) => {
      const h = html();
      const start = h.indexOf(`<details id="pc-${bea.slug}-${key}"`);
      return h.slice(start, h.indexOf('</details>', start));
    };
    expect(counted).toContain(`rank ${pc.rank}, ${pc.points} points`);
    expect(pc.counted.ebrCompletion.length).toBeGreaterThan(0);
    for (const id of pc.counted.ebrCompletion) expect(details('ebrCompletion')).toContain(`href="/accounts/${id}/"`);
    for (const w of pc.counted.workshops) expect(details('workshops')).toContain(`<li>${escaped(w)}</li>`);
    for (const o of pc.counted.netArrContribution) expect(details('netArrContribution')).toContain(`<li>${escaped(model.opportunityNames[o] ?? o)}</li>`);
  });

  it('shows the gap to the next place per category, and the top as such', () => {
    // Fixture: Bea's EBR completion is 0.2 below the next value, one workshop short; Alex leads both.
    const rowOf = (k: number) => rowWith(page('presidents-club/FY2027'), `<a href="/csm/${model.csms[k]!.slug}/">`);
    expect(rowOf(1)).toContain('next place: </span>+20 pp</span>');
    expect(rowOf(1)).toContain('next place: </span>+1 workshop</span>');
    expect(rowOf(0)).toContain('next place: </span>top of the team</span>');
  });

  it("is linked from each CSM page's President's Club section", () => {
    const c = model.csms[2]!;
    expect(sectionOf(page(`csm/${c.slug}`), 'presidents-club')).toContain(`href="/presidents-club/FY2027/#pc-${c.slug}"`);
  });
});

describe("the manager's 1:1 agenda", () => {
  it('shows the current week (week 3 on 2026-11-20) and marks it among the four', () => {
    expect(currentAgendaWeek(model)).toBe(3);
    const html = page(`teams/${DAN.slug}/one-on-one`);
    expect(html).toContain('<h1>1:1 agenda, week 3: Adoption</h1>');
    expect(html).toContain("This week's agenda (week 3 of the month).");
    const marks = [...html.matchAll(/this-week-mark/g)].length;
    expect(marks).toBe(1);
    expect(html).toMatch(/href="\/teams\/dana-whitfield\/one-on-one\/week-3\/"[^>]*>Week 3: Adoption<\/a>\s*<span class="chip chip-on-target this-week-mark">this week<\/span>/);
    for (const w of [1, 2, 4]) expect(html).toContain(`href="/teams/${DAN.slug}/one-on-one/week-${w}/"`);
    expect(page(`teams/${DAN.slug}`)).toContain(`href="/teams/${DAN.slug}/one-on-one/"`);
  });

  it("fills another week's agenda with the team's data and says it is not this week's", () => {
    const html = page(`teams/${DAN.slug}/one-on-one/week-1`);
    expect(html).toContain('<h1>1:1 agenda, week 1: Onboarding and engagement</h1>');
    expect(html).toContain("Not this week's agenda");
    const overdue = model.accounts.filter((a) => DAN.csms.includes(a.csmEmail ?? '') && a.facts.cadenceOverdue);
    expect(overdue.length).toBeGreaterThan(0);
    for (const a of overdue) expect(sectionOf(html, 'cadence-overdue')).toContain(`href="/accounts/${a.id}/"`);
    expect(page(`teams/${DAN.slug}/one-on-one/week-3`)).toContain('aria-current="page">Week 3: Adoption');
  });
});

describe('the PTO page', () => {
  const rowOf = (name: string) => rowWith(page('pto'), `>${name}</a></th>`);

  it('flags the missing backup and the backup also off, in words', () => {
    expect(rowOf('Elena Sato')).toContain('no backup');
    expect(rowOf('Elena Sato')).toContain('<span class="muted">none</span>');
    expect(rowOf('Bea Lindqvist')).toContain('backup also off');
    expect(rowOf('Bea Lindqvist')).toContain('href="/csm/alex-moreno/"');
    expect(rowOf('Alex Moreno')).toContain('covered');
    expect(rowOf('Alex Moreno')).not.toMatch(/no backup|backup also off/);
  });

  it('lists per absence the P1 accounts, renewals and at-risk accounts that need covering', () => {
    const elena = ptoRows(model).find((r) => r.csm.name === 'Elena Sato')!;
    const section = sectionOf(page('pto'), elena.anchor);
    expect(section).toContain('Conflict: no backup.');
    expect(sectionOf(section, `${elena.anchor}-renewals`)).toContain(`href="/accounts/${accountId(26)}/"`);
    for (const id of [24, 27]) {
      expect(sectionOf(section, `${elena.anchor}-p1`)).toContain(`href="/accounts/${accountId(id)}/"`);
      expect(sectionOf(section, `${elena.anchor}-at-risk`)).toContain(`href="/accounts/${accountId(id)}/"`);
    }
  });
});

describe('selectors', () => {
  it('formatPcGap(unit, value, gap) reads percentage points and workshops, the top and no value', () => {
    expect(formatPcGap('percent', 0.5, 0.075)).toBe('+7.5 pp');
    expect(formatPcGap('count', 4, 1)).toBe('+1 workshop');
    expect(formatPcGap('count', 4, 3)).toBe('+3 workshops');
    expect(formatPcGap('percent', 0.9, null)).toBe('top of the team');
    expect(formatPcGap('percent', null, null)).toBe('no value');
  });

  it('qbrPages(model) gives the org then each team per quarter; a stored team with no leader today keeps a page', () => {
    const m = makeModel();
    const gone = { ...m.qbr[0]!.teams[DAN.manager]!, manager: 'former.lead@example.com', name: 'Former Lead' };
    m.qbr[0]!.teams['former.lead@example.com'] = gone;
    const pages = qbrPages(m);
    expect(pages.filter((p) => p.quarter === 'FY27-Q3').map((p) => p.href)).toEqual(['/qbr/FY27-Q3/', '/qbr/FY27-Q3/dana-whitfield/', '/qbr/FY27-Q3/priya-raman/']);
    expect(pages.filter((p) => p.quarter === 'FY27-Q2').map((p) => p.href)).toEqual([
      '/qbr/FY27-Q2/', '/qbr/FY27-Q2/dana-whitfield/', '/qbr/FY27-Q2/priya-raman/', '/qbr/FY27-Q2/former-lead/',
    ]);
  });

  it('ptoRows(model) orders the time off soonest first and names the conflicts', () => {
    const rows = ptoRows(model);
    expect(rows.map((r) => [r.csm.name, r.entry.start, r.conflicts])).toEqual([
      ['Alex Moreno', '2026-11-25', []],
      ['Bea Lindqvist', '2026-11-28', ['backup also off']],
      ['Elena Sato', '2026-11-30', ['no backup']],
    ]);
  });
});
