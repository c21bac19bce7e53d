/**
 * The review checklist on the built site (fixture model, one `astro build`): the five sections of
 * a team page with the counts and accounts the fixture gives, the org checklist page, the home
 * page's counts and the roll-up texts of team tables.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, pageIn, sectionOf, suiteFolder } from './fixture-site.ts';
import { METRIC_KEYS, type AccountView, type ReportModel } from '../../src/report/model.ts';
import { accountId, makeModel } from '../fixtures/site/make-model.ts';

let tmp: string;
let site: string;
let model: ReportModel;

const page = (path: string): string => pageIn(site, path);
/** The count in a list's heading: `<h3 id="…">Title <span class="count">(N)</span>`. */
function countOf(html: string, id: string): number {
  const m = new RegExp(`<h3 id="${id}"[^>]*>[^<]*<span class="count"[^>]*>\\((\\d+)\\)`).exec(html);
  if (!m) throw new Error(`no list heading with id="${id}"`);
  return Number(m[1]);
}
const hrefOf = (id: string): string => `href="/accounts/${id}/"`;

beforeAll(() => {
  tmp = suiteFolder('checklist-site-');
  model = makeModel();
  // Team and org statuses roll up from their CSMs; the fixture's own cards carry no roll-up.
  for (const card of [model.org.scorecard, ...model.teams.map((t) => t.scorecard)]) {
    for (const k of METRIC_KEYS) card[k] = { ...card[k], rollUp: { onTarget: 2, of: 3 } };
  }
  site = join(tmp, 'site');
  buildSite(model, tmp, site);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What the fixture holds for a team, worked out from the model directly. */
function expected(teamIndex: number) {
  const team = model.teams[teamIndex]!;
  const emails = new Set(team.csms);
  const book = model.accounts.filter((a) => a.status === 'Active' && a.csmEmail !== null && emails.has(a.csmEmail));
  const inBook = new Set(book.map((a) => a.id));
  const card = team.scorecard;
  const covered = new Set(card.successPlanCoverage.numerator);
  const green = new Set(card.greenSuccessPlanRate.numerator);
  const stale = (a: AccountView) => (model.accountDetails[a.id]?.plans ?? []).some((p) => p.status === 'Active' && (p.lastUpdated === null || p.lastUpdated < '2026-08-20'));
  return {
    team,
    unassigned: model.accounts.filter((a) => a.status === 'Active' && a.csmEmail === null).map((a) => a.id),
    onboarding: model.onboarding.cohort.filter((o) => inBook.has(o.accountId)).map((o) => o.accountId),
    plans: book.filter((a) => card.successPlanCoverage.denominator.includes(a.id) && (!covered.has(a.id) || !green.has(a.id) || stale(a))).map((a) => a.id),
    staleHealth: book.filter((a) => a.facts.healthStale).map((a) => a.id),
    red: book.filter((a) => a.health === 'Red').map((a) => a.id),
    renewals: model.renewals.slice(0, 3).flatMap((q) => q.accounts).filter((id) => inBook.has(id)),
  };
}

describe('a team page', () => {
  it('opens with the review checklist: five sections in the handbook order, before the headline', () => {
    const html = page(`teams/${model.teams[0]!.slug}`);
    const at = ['review-checklist', 'assignment', 'onboarding', 'success-plans', 'triage', 'renewals', 'headline'].map((id) => html.search(new RegExp(`<h2 id="${id}"`)));
    expect(at.every((x) => x > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  for (const teamIndex of [0, 1]) {
    it(`lists the right accounts with the right counts (team ${teamIndex})`, () => {
      const e = expected(teamIndex);
      const html = page(`teams/${e.team.slug}`);
      const lists: [string, string, string[]][] = [
        ['assignment', 'unassigned', e.unassigned],
        ['onboarding', 'onboarding-list', e.onboarding],
        ['success-plans', 'success-plans-list', e.plans],
        ['triage', 'stale-health', e.staleHealth],
        ['triage', 'red-accounts', e.red],
        ['renewals', 'renewals-list', e.renewals],
      ];
      for (const [section, list, ids] of lists) {
        expect(countOf(html, list), list).toBe(ids.length);
        const part = sectionOf(html, section);
        for (const id of ids) expect(part, `${list} lists ${id}`).toContain(hrefOf(id));
      }
      expect(e.renewals.length).toBeGreaterThan(0);
      expect(e.red.length).toBeGreaterThan(0);
      // Another team's red account is not on this page's list.
      const other = expected(1 - teamIndex);
      for (const id of other.red) expect(sectionOf(html, 'triage')).not.toContain(hrefOf(id));
    });
  }

  it('summarises the counts, each linking to its list', () => {
    const e = expected(0);
    const summary = sectionOf(page(`teams/${e.team.slug}`), 'review-checklist');
    expect(summary).toMatch(new RegExp(`href="#stale-health"[^>]*><span class="check-count"[^>]*>${e.staleHealth.length}</span> health not updated`));
    expect(summary).toMatch(new RegExp(`href="#unassigned"[^>]*><span class="check-count"[^>]*>${e.unassigned.length}</span> accounts with no CSM`));
  });

  it('keeps the cadence list, P1 first, below the checklist', () => {
    const html = page(`teams/${model.teams[0]!.slug}`);
    expect(html.indexOf('id="cadence-overdue"')).toBeGreaterThan(html.indexOf('id="renewals"'));
  });

  it('shows the roll-up on the headline tiles and the per-CSM target in the CSM table', () => {
    const html = page(`teams/${model.teams[0]!.slug}`);
    expect(sectionOf(html, 'headline')).toContain('2 of 3 CSMs on target');
    expect(sectionOf(html, 'headline')).not.toContain('target ≥');
    // Team 0 is Strategic only: one per-CSM target.
    expect(sectionOf(html, 'csms')).toContain('per CSM: ≥ 75%');
  });
});

describe('the home page', () => {
  it('shows the org checklist counts, each linking to its list on the org checklist page', () => {
    const html = sectionOf(page(''), 'review-checklist');
    const unassigned = model.accounts.filter((a) => a.status === 'Active' && a.csmEmail === null).length;
    expect(html).toMatch(new RegExp(`href="/checklist/#unassigned"[^>]*><span class="check-count"[^>]*>${unassigned}</span>`));
    const red = model.accounts.filter((a) => a.status === 'Active' && a.csmEmail !== null && a.health === 'Red').length;
    expect(html).toMatch(new RegExp(`href="/checklist/#red-accounts"[^>]*><span class="check-count"[^>]*>${red}</span> red accounts`));
    for (const id of ['assignment', 'onboarding', 'success-plans', 'triage', 'renewals']) expect(html).toContain(`href="/checklist/#${id}"`);
  });

  it('the teams table shows k of n CSMs on target and the per-CSM targets by segment', () => {
    const html = sectionOf(page(''), 'teams');
    expect(html).toContain('2 of 3 CSMs on target');
    expect(html).toContain('per CSM: Strategic ≥ 75%, Growth ≥ 20%');
    expect(html).toContain('per CSM: ≥ 90%');
  });
});

describe('the org checklist page', () => {
  it('has the five checks over every book account, and the long lists download as CSV with the same rows', () => {
    const html = page('checklist');
    const red = model.accounts.filter((a) => a.status === 'Active' && a.csmEmail !== null && a.health === 'Red');
    expect(countOf(html, 'red-accounts')).toBe(red.length);
    const renewing = model.renewals.slice(0, 3).flatMap((q) => q.accounts);
    expect(countOf(html, 'renewals-list')).toBe(renewing.length);
    expect(html).toContain('href="/downloads/checklist/org/renewals-list.csv"');
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(site, 'downloads/checklist/org/renewals-list.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(csv.length).toBe(renewing.length);
    expect(new Set(csv.map((r) => r['Account ID']))).toEqual(new Set(renewing));
    // A short list has no download.
    expect(existsSync(join(site, 'downloads/checklist/org/unassigned.csv'))).toBe(false);
    expect(sectionOf(html, 'assignment')).toContain(hrefOf(accountId(36)));
  });
});
