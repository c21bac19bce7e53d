/**
 * ctas.csv (Gainsight CTAs and playbooks) and success_plans.csv. Every CTA type and every status
 * spelling of the contract appears: open, won, lost and invalid, closed ones with a Closed Date.
 */
import type { Day } from '../../src/dates.ts';
import type { CsvWriter } from './csv-writer.ts';
import { gsid, isoDate } from './formats.ts';
import { previousRenewal, type SampleAccount, type SampleOrg, type SamplePerson } from './org.ts';
import type { Rng } from './random.ts';

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

const HISTORY_DAYS = 730;
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
  const from = Math.max(T - HISTORY_DAYS + 1, a.onboardingStart ?? -Infinity);
  const to = a.endDay ?? T;
  if (from > to) return out;
  const seg = a.csm?.segment ?? 'Scale';
  // A play of the past: created and closed before the as-of date (open plays are drawn in the org model).
  const closedPlay = (type: string, name: string, weights: Record<Outcome, number>) => {
    const created = rng.int(from, Math.min(to, T - 14));
    if (created < from) return;
    const closed = Math.min(T, created + rng.int(14, 160));
    out.push({ account: a, type, name, outcome: rng.weighted(weights) as Outcome, created, closed });
  };
  const openPlay = (type: string, name: string) => out.push({ account: a, type, name, outcome: 'open', created: Math.max(from, T - rng.int(3, 200)), closed: null });

  if (a.onboarding) {
    const { cta, ctaClosed } = a.onboarding;
    if (cta !== 'none') {
      const outcome: Outcome = cta === 'won' ? 'won' : cta === 'invalid' ? 'invalid' : 'open';
      out.push({ account: a, type: 'Onboarding', name: `Onboarding Playbook - ${a.tier}`, outcome, created: a.onboardingStart! + rng.int(0, 2), closed: ctaClosed });
    }
  }
  const active = a.status === 'Active';
  const useCase = () => rng.pick(['CI', 'CD', 'Security', 'Agile Planning', 'Source Code', 'Duo']);
  for (let k = poisson(rng, seg === 'Strategic' ? 1.5 : seg === 'Growth' ? 0.8 : 0.2); k > 0; k--) closedPlay('Expansion', `Expansion: ${useCase()}`, { open: 0, won: 50, lost: 30, invalid: 20 });
  for (let k = poisson(rng, seg === 'Strategic' ? 1.2 : seg === 'Growth' ? 1 : 0.3); k > 0; k--) closedPlay('Enablement', `Enablement: ${useCase()}`, { open: 0, won: 65, lost: 15, invalid: 20 });
  for (let k = poisson(rng, 0.4); k > 0; k--) closedPlay('Risk', 'Risk: low engagement', { open: 0, won: 50, lost: 30, invalid: 20 });
  if (a.openPlays.expansion) openPlay('Expansion', `Expansion: ${useCase()}, upsell to Ultimate`);
  if (a.openPlays.enablement) openPlay('Enablement', `Enablement: ${useCase()}`);
  if (a.openPlays.risk) openPlay('Risk', 'Risk: champion left');
  if (active && a.renewal !== null && a.renewal - 120 <= T) {
    out.push({ account: a, type: 'Renewal', name: 'Renewal playbook', outcome: 'open', created: a.renewal - 120, closed: null });
  }
  const last = previousRenewal(a);
  if (last !== null && last - 120 >= from && last <= to) {
    out.push({ account: a, type: 'Renewal', name: 'Renewal playbook', outcome: rng.chance(0.9) ? 'won' : 'lost', created: last - 120, closed: last - rng.int(0, 20) });
  }
  if (rng.chance(0.01)) openPlay('Lifecycle', 'Lifecycle review');
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
    out.row([gsid('1C', rng, used), rng.chance(0.05) ? p.account.id.id15 : p.account.id.id18, p.type, p.name, status, dateCell(p.created), closedCell, owner(p.account.csm), rng.pick(['High', 'Medium', 'Low'])]);
  for (const a of org.accounts) {
    for (const p of accountPlays(rng, org, a)) row(p, rng.pick(STATUS[p.outcome]), p.closed === null ? '' : dateCell(p.closed));
  }
  // Kept with a warning: a CTA created after the as-of date.
  const someone = org.accounts.find((a) => a.csm && a.status === 'Active')!;
  row({ account: someone, type: 'Expansion', name: 'Expansion: planned next quarter', outcome: 'open', created: org.asOf + 2, closed: null }, 'New', '');
  // Rejected: closed won without a Closed Date.
  row({ account: someone, type: 'Enablement', name: 'Enablement: CI', outcome: 'won', created: org.asOf - 90, closed: null }, 'Closed Won', '');
}

/** Writes the rows of success_plans.csv. */
export function writeSuccessPlans(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const T = org.asOf;
  const used = new Set<string>();
  let meticulous = false;
  const health = () => {
    const h = rng.weighted(meticulous ? { Green: 95, Yellow: 5, Red: 0, empty: 0 } : { Green: 62, Yellow: 22, Red: 9, empty: 7 });
    return h === 'empty' ? '' : h;
  };
  const plan = (a: SampleAccount, status: string, created: Day, updated: Day, name: string) => {
    const c = Math.min(created, T);
    out.row([gsid('1P', rng, used), a.id.id18, status, status === 'Draft' ? '' : health(), isoDate(c), isoDate(Math.min(T, Math.max(c, updated))), name]);
  };
  for (const a of org.accounts) {
    const seg = a.csm?.segment ?? 'Scale';
    const start = Math.max(a.onboardingStart ?? T - 1500, T - 1500);
    meticulous = (a.csm?.diligence ?? 0) >= 1;
    const share = meticulous ? 1 : seg === 'Strategic' ? 0.75 + 0.2 * (a.csm?.diligence ?? 0.5) : seg === 'Growth' ? 0.35 : 0.05;
    if (!rng.chance(share)) continue;
    if (a.status !== 'Active') {
      plan(a, 'Inactive', start + rng.int(10, 60), a.endDay ?? T, 'Success Plan');
      continue;
    }
    if (start < T - 500 && rng.chance(0.4)) plan(a, 'Complete', start + rng.int(10, 60), T - rng.int(300, 480), 'Initial Success Plan');
    const created = Math.max(start + rng.int(5, 40), T - rng.int(30, 400));
    const updated = T - Math.round(Math.exp(rng.normal(Math.log(35), 0.9)));
    plan(a, !meticulous && rng.chance(0.06) ? 'Draft' : 'Active', created, updated, `Success Plan: ${a.name}`);
  }
}
