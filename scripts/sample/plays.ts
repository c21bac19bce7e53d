/**
 * ctas.csv (Gainsight CTAs and playbooks) and success_plans.csv. Every CTA type and every status
 * spelling of the contract appears: open, won, lost and invalid, closed ones with a Closed Date.
 */
import { partsOfDay, type Day } from '../../src/dates.ts';
import type { CsvWriter } from './csv-writer.ts';
import { gsid, isoDate } from './formats.ts';
import { previousRenewal, type SampleAccount, type SampleOrg, type SamplePerson } from './org.ts';
import type { Rng } from './random.ts';
import { accountRng, lastRoutineDay, timelineStart } from './state.ts';

/** Headers as the org's report writes them: odd spacing and case that header matching forgives. */
export const CTA_HEADER = ['CTA ID', 'Account ID', 'Type', 'Name', 'Status', 'Created  Date', 'closed date', ' Owner ', 'Priority'] as const;
export const SUCCESS_PLAN_HEADER = ['Success Plan ID', 'Account ID', 'Status', 'Plan Health', 'Created Date', 'Last Updated', 'Plan Name'] as const;

const STATUS = {
  open: ['Open', 'New', 'Work In Progress', 'In Progress'],
  won: ['Closed Won', 'Closed Success', 'Completed'],
  lost: ['Closed Lost', 'Closed Unsuccessful'],
  invalid: ['Closed Invalid', 'Cancelled'],
} as const;
type Outcome = keyof typeof STATUS;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A Poisson draw (Knuth), for counts of plays over the history. */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

interface Play {
  account: SampleAccount;
  type: string;
  name: string;
  outcome: Outcome;
  created: Day;
  closed: Day | null;
}

/** The CTAs of one account. */
function accountPlays(rng: Rng, org: SampleOrg, a: SampleAccount): Play[] {
  const T = org.asOf;
  const out: Play[] = [];
  const from = Math.max(timelineStart(org), a.onboardingStart ?? -Infinity);
  const to = a.endDay ?? T;
  if (from > to) return out;
  const seg = a.csm?.segment ?? 'Scale';
  // A play of the past: created and closed before the as-of date (open plays are drawn in the org model).
  const closedPlay = (type: string, name: string, weights: Record<Outcome, number>) => {
    const created = rng.int(from, Math.min(to, T - 14));
    if (created < from) return;
    const length = rng.int(14, 160);
    // A play that would still run at the as-of date closed a little earlier (open plays are the org model's).
    const closed = created + length < T ? created + length : rng.int(created + 1, T);
    out.push({ account: a, type, name, outcome: rng.weighted(weights) as Outcome, created, closed });
  };
  const openPlay = (type: string, name: string, age: number) => out.push({ account: a, type, name, outcome: 'open', created: Math.max(from, T - rng.int(3, age)), closed: null });

  if (a.onboarding) {
    const { cta, ctaClosed } = a.onboarding;
    if (cta !== 'none') {
      const outcome: Outcome = cta === 'won' ? 'won' : cta === 'invalid' ? 'invalid' : 'open';
      out.push({ account: a, type: 'Onboarding', name: `Onboarding Playbook - ${a.tier}`, outcome, created: a.onboardingStart! + rng.int(0, 2), closed: ctaClosed });
    }
  }
  const active = a.status === 'Active';
  const useCase = () => rng.pick(['CI', 'CD', 'Security', 'Agile Planning', 'Source Code', 'Duo']);
  for (let k = poisson(rng, seg === 'Strategic' ? 1.4 : seg === 'Growth' ? 0.9 : 0.3); k > 0; k--) closedPlay('Expansion', `Expansion: ${useCase()}`, { open: 0, won: 50, lost: 30, invalid: 20 });
  for (let k = poisson(rng, seg === 'Strategic' ? 1.7 : seg === 'Growth' ? 1.4 : 0.4); k > 0; k--) closedPlay('Enablement', `Enablement: ${useCase()}`, { open: 0, won: 65, lost: 15, invalid: 20 });
  for (let k = poisson(rng, 0.5); k > 0; k--) closedPlay('Risk', 'Risk: low engagement', { open: 0, won: 50, lost: 30, invalid: 20 });
  if (a.openPlays.expansion) openPlay('Expansion', `Expansion: ${useCase()}, upsell to Ultimate`, 240);
  if (a.openPlays.enablement) openPlay('Enablement', `Enablement: ${useCase()}`, 480);
  if (a.openPlays.risk) openPlay('Risk', 'Risk: champion left', 120);
  if (active && a.renewal !== null && a.renewal - 120 <= T) {
    out.push({ account: a, type: 'Renewal', name: 'Renewal playbook', outcome: 'open', created: a.renewal - 120, closed: null });
  }
  const last = previousRenewal(a);
  if (last !== null && last - 120 >= from && last <= to) {
    out.push({ account: a, type: 'Renewal', name: 'Renewal playbook', outcome: rng.chance(0.9) ? 'won' : 'lost', created: last - 120, closed: last - rng.int(0, 20) });
  }
  if (rng.chance(0.01)) openPlay('Lifecycle', 'Lifecycle review', 200);
  // The account's expansion plays: a CSM marks an account P1 while one is open (state.ts).
  a.expansionSpans = out.filter((p) => p.type === 'Expansion').map((p) => [p.created, p.closed]);
  return out;
}

/** Writes the rows of ctas.csv. */
export function writeCtas(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const used = new Set<string>();
  const dateCell = (d: Day) => {
    if (!rng.chance(0.1)) return isoDate(d);
    const [y, m, dd] = isoDate(d).split('-').map(Number) as [number, number, number];
    return `${MONTHS[m - 1]} ${dd}, ${y}`;
  };
  const owner = (p: SamplePerson | null) => {
    if (!p) return '';
    const draw = rng.weighted({ email: 85, name: 7, empty: 8 });
    return draw === 'email' ? p.email : draw === 'name' ? p.name : '';
  };
  const row = (p: Play, status: string, closedCell: string) =>
    [gsid('1C', rng, used), rng.chance(0.05) ? p.account.id.id15 : p.account.id.id18, p.type, p.name, status, dateCell(p.created), closedCell, owner(p.account.csm), rng.pick(['High', 'Medium', 'Low'])];
  // Every row is drawn as in the full export; on an earlier day a play created since is left out and
  // one closed since is still open.
  const cut = org.cutoff;
  for (const a of org.accounts) {
    for (const p of accountPlays(rng, org, a)) {
      const cells = row(p, rng.pick(STATUS[p.outcome]), p.closed === null ? '' : dateCell(p.closed));
      if (p.created > cut) continue;
      if (p.closed !== null && p.closed > cut && p.closed <= org.asOf) {
        cells[4] = STATUS.open[p.created % STATUS.open.length]!;
        cells[6] = '';
      }
      out.row(cells);
    }
  }
  // Kept with a warning: a CTA created after the export's day.
  const someone = org.accounts.find((a) => a.csm && a.status === 'Active' && a.onboardingStart === null)!;
  out.row(row({ account: someone, type: 'Expansion', name: 'Expansion: planned next quarter', outcome: 'open', created: cut + 2, closed: null }, 'New', ''));
  // Rejected: closed won without a Closed Date.
  out.row(row({ account: someone, type: 'Enablement', name: 'Enablement: CI', outcome: 'won', created: cut - 90, closed: null }, 'Closed Won', ''));
}

/** What success plans set out to do, as their names say. */
const PLAN_OBJECTIVES = [
  'Platform Consolidation', 'DevSecOps Adoption', 'CI/CD Migration from Jenkins', 'Shift-Left Security Rollout',
  'Developer Productivity Program', 'GitLab Duo Rollout', 'Value Stream Visibility', 'GitOps & Kubernetes Delivery',
  'Compliance & Audit Readiness', 'Ultimate Upgrade Readiness', 'Self-Managed to SaaS Migration', 'Release Cadence Improvement',
  'Software Supply Chain Security', 'Agile Planning Adoption', 'Runner Fleet Modernisation', 'Inner Source Enablement',
] as const;

/** A plan's name: its objective, sometimes with the fiscal year it started in or the customer's name. */
function planName(rng: Rng, a: SampleAccount, created: Day): string {
  const objective = rng.pick(PLAN_OBJECTIVES);
  const { year, month } = partsOfDay(created);
  const fy = `FY${String((month >= 2 ? year + 1 : year) % 100).padStart(2, '0')}`;
  const shortName = a.name.split(/[\r\n,]/)[0]!.trim();
  return rng.weighted({ plain: 4, fiscal: 4, customer: 2 }) === 'plain' ? objective : rng.chance(0.6) ? `${fy} ${objective}` : `${shortName}: ${objective}`;
}

/**
 * Writes the rows of success_plans.csv. Most eligible accounts have one active plan, reviewed every
 * month or two and green; an earlier onboarding plan is complete; a churned account's plan is
 * inactive. The account's planFate (org.ts) decides its state at the as-of date; on an earlier day
 * (org.cutoff) a plan created since is left out, its last update is the one before that day, and
 * plans were more often amber two years ago.
 */
export function writeSuccessPlans(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const T = org.asOf;
  const cut = org.cutoff;
  const used = new Set<string>();
  const plan = (a: SampleAccount, id: string, status: string, health: string, created: Day, updated: Day | null, name: string) => {
    if (created > cut) return;
    out.row([id, a.id.id18, status, status === 'Draft' ? '' : health, isoDate(created), isoDate(Math.max(created, Math.min(cut, updated ?? created))), name]);
  };
  for (const a of org.accounts) {
    const seg = a.csm?.segment ?? 'Scale';
    const share = a.csm === null ? 0.2 : 1;
    const id = gsid('1P', rng, used);
    const earlierId = gsid('1P', rng, used);
    if (!rng.chance(share) || a.planFate === 'missing') continue;
    const start = a.onboardingStart ?? T - 1400;
    // Plans came in over the last two years: an account's first plan a few weeks into its onboarding,
    // or, for a long-standing one, whenever its CSM wrote it.
    const created = a.onboardingStart !== null && a.onboardingStart > T - 900 ? start + rng.int(6, 26) : Math.max(start + 6, T - Math.round(40 + 1000 * rng.next() ** 0.8));
    const review = a.planFate === 'stale' ? rng.int(140, 220) : rng.int(25, 50);
    const updatedAt = (day: Day) => lastRoutineDay(org, a, 'plan reviewed', review, day);
    const name = planName(rng, a, created);
    if (a.status !== 'Active') {
      plan(a, id, a.endDay !== null && a.endDay <= cut ? 'Inactive' : 'Active', rng.pick(['Yellow', 'Red']), created, a.endDay !== null && a.endDay <= cut ? a.endDay : updatedAt(cut), name);
      continue;
    }
    // An onboarding plan completed when the current one was written.
    if (a.onboardingStart !== null && created - start > 300 && rng.chance(0.5)) {
      plan(a, earlierId, created <= cut ? 'Complete' : 'Active', 'Green', start + rng.int(6, 26), created <= cut ? created : cut - rng.int(5, 40), 'Onboarding Success Plan');
    }
    const back = T - cut;
    const amberThen = back > 0 && accountRng(a, 'plan amber').next() < 0.25 * Math.min(1, back / 450);
    const health = a.planFate === 'notGreen' ? rng.pick(['Yellow', 'Yellow', 'Red']) : amberThen ? 'Yellow' : 'Green';
    plan(a, id, a.planFate === 'draft' ? 'Draft' : 'Active', health, created, updatedAt(cut), name);
  }
}
