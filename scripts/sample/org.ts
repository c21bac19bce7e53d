/**
 * The sample org as data: the roster (leaders and CSMs in teams) and the accounts with everything
 * the exports say about them. The event files (activities, CTAs, ...) are drawn from this model,
 * so that they agree with it: onboarding CTAs close after the onboarding start, renewal calls come
 * before renewal dates, license usage crosses 10% after the start.
 */
import { addMonthsToDay, type Day } from '../../src/dates.ts';
import type { AccountStatus, Priority, Rag, Role, Segment } from '../../src/ingest/tables.ts';
import { salesforceId, type SalesforceId } from './formats.ts';
import { COMPANY_STEMS, COMPANY_SUFFIXES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, REGIONS, SPECIAL_COMPANIES } from './names.ts';
import { slipsOf, FADING_TEAM, type Slip } from './profile.ts';
import type { Rng } from './random.ts';

export interface SamplePerson {
  name: string;
  email: string;
  managerEmail: string | null;
  role: Role;
  segment: Segment | null;
  region: string;
  startDay: Day;
  backupEmail: string | null;
  /** 0.5 (sloppy) to 1.1 (meticulous): how regularly this person calls, updates and reviews. */
  diligence: number;
  /** How often this CSM marks P1 an account that has no P1 reason. */
  p1Share: number;
  /** The habits this CSM lets slide (profile.ts); empty for leaders. */
  slips: ReadonlySet<Slip>;
  /** In the team whose rhythm has been fading over the last two quarters. */
  fading: boolean;
  /** Cadence calls a week this CSM aims at over the book (the role's minimum times a margin). */
  callsTarget: number;
}

/** How the account's onboarding went, which the CTA, usage and manual-date files then show. */
export interface Onboarding {
  /** Onboarding CTA: won (with its closed date), still open, closed invalid, or none logged. */
  cta: 'won' | 'open' | 'invalid' | 'none';
  ctaClosed: Day | null;
  /** Days from start to license utilisation ≥ 10%; null = never crosses. */
  crossDelay: number | null;
}

export interface SampleAccount {
  id: SalesforceId;
  name: string;
  industry: string;
  csm: SamplePerson | null;
  /** The CSM cell as written: email, full name, empty, or someone not in the roster. */
  csmCell: string;
  status: AccountStatus;
  statusCell: string;
  arr: number;
  tier: string;
  priority: Priority | null;
  priorityCell: string;
  health: Rag | null;
  healthUpdated: Day | null;
  salesSegment: string;
  region: string;
  onboardingStart: Day | null;
  firstValueDate: Day | null;
  onboardingCompleteDate: Day | null;
  renewal: Day | null;
  licenseUtil: number | null;
  useCases: number | null;
  devSecOps: Rag | null;
  /** Last day the account was a customer (Churned/Inactive); null while active. */
  endDay: Day | null;
  /** Open plays at the as-of date (ctas.csv), drawn here because an open expansion is a P1 reason. */
  openPlays: { expansion: boolean; enablement: boolean; risk: boolean };
  /** Whether license_usage.csv has a history for it. */
  hasUsage: boolean;
  onboarding: Onboarding | null;
  /** Among the CSM's four highest-ARR accounts (EBR twice a year). */
  highArr: boolean;
  /** Calls that stopped: `cadence` (cadence calls only), `dark` (every customer call); with the day they stopped. */
  lapse: { kind: 'cadence' | 'dark'; from: Day } | null;
  /** What its success plan looks like at T. */
  planFate: 'green' | 'notGreen' | 'missing' | 'draft' | 'stale';
  /** How the renewal question is asked before each renewal. */
  renewalAsk: 'window' | 'late' | 'none';
  /** Days between health updates (before the rhythm factor). */
  healthGap: number;
  /** Yearly ARR growth at renewals (ARR of earlier years is smaller). */
  growth: number;
  /** Created and closed days (null: open) of its Expansion CTAs, set when ctas.csv is drawn. */
  expansionSpans: [Day, Day | null][];
}

export interface SampleOrg {
  asOf: Day;
  /** The day the exports stand on: the as-of date, or an earlier day (the org as a nightly export then saw it). */
  cutoff: Day;
  /** Units of about 40 people and 600 accounts. */
  scale: number;
  people: SamplePerson[];
  csms: SamplePerson[];
  accounts: SampleAccount[];
  /** Accounts by CSM email, in account order. */
  books: Map<string, SampleAccount[]>;
  /** A former CSM: named on an account and on opportunities, absent from the roster. */
  former: { name: string; email: string };
  /** The CSM with no Backup CSM Email in the roster (their time off has no backup anywhere). */
  noBackup: SamplePerson;
  /** The onboarding whose CTA closes after the as-of date (still open at T). */
  closesAfterAsOf: SampleAccount | null;
  /** The account whose First Value Date lies before its onboarding start. */
  valueBeforeStart: SampleAccount | null;
}

const DOMAIN = 'example.com';
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** ASCII email local part of a name: `José García` → `jose.garcia`. */
export function emailLocal(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');
}

/** The people of one team template: its leader's role and its CSMs' roles. */
const UNIT_TEAMS: readonly { leader: 'Manager' | 'Senior Manager'; director: 0 | 1; csms: readonly Role[] }[] = [
  { leader: 'Manager', director: 0, csms: Array<Role>(6).fill('Strategic Enterprise') },
  { leader: 'Manager', director: 0, csms: Array<Role>(6).fill('Strategic Enterprise') },
  { leader: 'Manager', director: 0, csms: Array<Role>(6).fill('Strategic Commercial') },
  { leader: 'Senior Manager', director: 0, csms: Array<Role>(5).fill('Strategic Commercial') },
  { leader: 'Senior Manager', director: 1, csms: [...Array<Role>(6).fill('Growth'), 'Scale', 'Scale'] },
];

/** The handbook's minimum cadence calls a week, by role (METRICS.md callsPerWeek). */
const CALLS_PER_WEEK = { 'Strategic Enterprise': 5, 'Strategic Commercial': 7, Growth: 10, Scale: 15 } as const;

const segmentOfRole = (role: Role): Segment | null =>
  role === 'Strategic Enterprise' || role === 'Strategic Commercial' ? 'Strategic' : role === 'Growth' || role === 'Scale' ? role : null;

/** Builds the org of `scale` units (one unit ≈ 40 people and 600 accounts). */
export function buildOrg(rng: Rng, scale: number, asOf: Day): SampleOrg {
  const usedNames = new Set<string>();
  // Full names are unique (accounts may name their CSM by full name); a large org adds initials.
  const uniqueName = (): string => {
    for (let tries = 0; ; tries++) {
      const [first, last] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
      const name = tries < 50 ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const person = (role: Role, managerEmail: string | null, region: string): SamplePerson => {
    const name = uniqueName();
    const segment = segmentOfRole(role);
    const leader = segment === null;
    const diligence = clamp(rng.normal(0.85, 0.13), 0.5, 1.1);
    const p1Share = segment === 'Scale' ? 0.02 : clamp(rng.normal(0.07, 0.04), 0, 0.2);
    return {
      name,
      email: `${emailLocal(name)}@${DOMAIN}`,
      managerEmail,
      role,
      segment,
      region,
      startDay: asOf - rng.int(leader ? 500 : 60, 3400),
      backupEmail: null,
      diligence,
      p1Share,
      slips: new Set(),
      fading: false,
      callsTarget: 0,
    };
  };

  const people: SamplePerson[] = [];
  const vp = person('VP', null, 'AMER');
  people.push(vp);
  for (let u = 0; u < scale; u++) {
    const unitRegion = REGIONS[u % REGIONS.length]!;
    const directors = [person('Director', vp.email, unitRegion), person('Director', vp.email, unitRegion)] as const;
    people.push(...directors);
    UNIT_TEAMS.forEach((team, t) => {
      const region = t === 3 ? 'PubSec' : REGIONS[(u + t) % REGIONS.length]!;
      const leader = person(team.leader, directors[team.director].email, region);
      people.push(leader);
      const members = team.csms.map((role) => person(role, leader.email, region));
      // Buddies within the team: each CSM backs up the next one.
      members.forEach((m, i) => (m.backupEmail = members[(i + 1) % members.length]!.email));
      people.push(...members);
    });
    // One Strategic Commercial CSM reports to the Strategic director directly.
    const direct = person('Strategic Commercial', directors[0].email, unitRegion);
    direct.backupEmail = people.find((p) => p.managerEmail === directors[0].email && p.role === 'Senior Manager')?.email ?? null;
    people.push(direct);
  }
  const csms = people.filter((p) => p.segment !== null);
  const unitCsms = csms.length / scale;
  const fadingLeaders = new Set(people.filter((p) => p.role !== 'VP' && p.segment === null && p.role !== 'Director').filter((_, i) => i % UNIT_TEAMS.length === FADING_TEAM).map((p) => p.email));
  csms.forEach((csm, i) => {
    const place = i % unitCsms;
    csm.slips = slipsOf(place);
    csm.fading = fadingLeaders.has(csm.managerEmail ?? '');
    csm.p1Share = csm.segment === 'Scale' ? 0 : place === 0 ? 0.45 : place === 23 ? 0.12 : 0;
    const margin = csm.slips.has('calls') ? rng.int(72, 88) / 100 : rng.int(115, 132) / 100;
    csm.callsTarget = CALLS_PER_WEEK[csm.role as keyof typeof CALLS_PER_WEEK] * margin;
  });
  const noBackup = csms[csms.length - 2]!;
  noBackup.backupEmail = null;

  const formerName = uniqueName();
  const former = { name: formerName, email: `${emailLocal(formerName)}@${DOMAIN}` };

  const accounts: SampleAccount[] = [];
  const books = new Map<string, SampleAccount[]>();
  const usedIds = new Set<string>();
  const usedCompanyNames = new Set<string>(SPECIAL_COMPANIES.map((c) => c.name));
  const industries = Object.keys(INDUSTRIES);
  const companyName = (industry: string): string => {
    for (let tries = 0; ; tries++) {
      const suffix = rng.pick(COMPANY_SUFFIXES);
      const stem = tries < 50 ? rng.pick(COMPANY_STEMS) : `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_STEMS)}`;
      const name = `${stem} ${rng.pick(INDUSTRIES[industry]!)}${suffix ? ` ${suffix}` : ''}`;
      if (!usedCompanyNames.has(name)) {
        usedCompanyNames.add(name);
        return name;
      }
    }
  };

  const newAccount = (csm: SamplePerson | null, special?: { name: string; industry: string }): SampleAccount => {
    const industry = special?.industry ?? rng.pick(industries);
    const segment = csm?.segment ?? 'Growth';
    const statusDraw = rng.weighted({ Active: 89, Churned: 4, Inactive: 3, empty: 4 });
    const status: AccountStatus = statusDraw === 'empty' ? 'Active' : statusDraw;
    const endDay = status === 'Active' ? null : asOf - rng.int(20, 400);
    let arr =
      segment === 'Strategic' ? clamp(Math.exp(rng.normal(Math.log(420_000), 0.6)), 90_000, 4_000_000)
      : segment === 'Growth' ? clamp(Math.exp(rng.normal(Math.log(120_000), 0.5)), 25_000, 450_000)
      : clamp(Math.exp(rng.normal(Math.log(24_000), 0.5)), 4_000, 90_000);
    const tier =
      rng.chance(0.06) ? rng.pick(['Starter', 'Premium (Legacy)', 'Dedicated'])
      : rng.chance(segment === 'Strategic' ? 0.55 : segment === 'Growth' ? 0.3 : 0.1) ? 'Ultimate' : 'Premium';
    const slips = csm?.slips ?? new Set<Slip>();
    const healthDraw = rng.weighted({ Green: 68, Yellow: 26, Red: 5, empty: csm === null || slips.has('health') ? 4 : 0 });
    const health = healthDraw === 'empty' ? null : healthDraw;
    // Health is updated every two to four weeks; a CSM who lets it slide leaves some accounts for months.
    const healthGap = slips.has('health') && rng.chance(0.3) ? rng.int(45, 120) : csm === null ? rng.int(30, 90) : rng.int(10, 22);
    const salesSegment =
      csm?.region === 'PubSec' ? 'PubSec'
      : segment === 'Strategic' ? rng.weighted({ Enterprise: 85, Commercial: 10, PubSec: 5 })
      : rng.weighted({ Commercial: 75, Enterprise: 20, PubSec: 5 });
    const region = csm && rng.chance(0.9) ? csm.region : rng.pick(REGIONS);

    // Onboarding start: a cohort of the last year, older starts, and long-standing (empty).
    const startDraw = rng.weighted({ cohort: 15, older: 47, none: 38 });
    const onboardingStart =
      startDraw === 'cohort' ? asOf - rng.int(3, 364)
      : startDraw === 'older' ? asOf - rng.int(366, 1800)
      : null;
    // New customers land small and expand later.
    if (onboardingStart !== null && onboardingStart > asOf - 540) arr *= 0.45;
    let licenseUtil: number | null = clamp(rng.normal(0.66, 0.2), 0.12, 1);
    let hasUsage = rng.chance(0.85);
    let onboarding: Onboarding | null = null;
    let firstValueDate: Day | null = null;
    let onboardingCompleteDate: Day | null = null;
    if (onboardingStart !== null && onboardingStart > asOf - 1100) {
      const neverCrosses = rng.chance(0.05);
      if (neverCrosses) licenseUtil = 0.02 + rng.int(0, 7) / 100;
      // Usage mostly crosses within days; for some it takes months (a slow rollout).
      const crossDelay = neverCrosses ? null : rng.chance(0.08) ? rng.int(46, 120) : Math.round(clamp(Math.exp(rng.normal(Math.log(4), 0.8)), 1, 200));
      if (!hasUsage && rng.chance(0.7)) {
        const d = onboardingStart + (rng.chance(0.85) ? rng.int(6, 30) : rng.int(31, 70));
        firstValueDate = d <= asOf ? d : null;
      }
      const ctaDraw = rng.weighted({ won: 90, open: 4, invalid: 3, none: 3 });
      let cta: Onboarding['cta'] = ctaDraw;
      let ctaClosed: Day | null = null;
      if (cta === 'won' || cta === 'invalid') {
        ctaClosed = onboardingStart + Math.round(clamp(Math.exp(rng.normal(Math.log(30), 0.25)), 12, 160));
        if (ctaClosed > asOf) { cta = 'open'; ctaClosed = null; }
      }
      if (cta === 'none' && rng.chance(0.6)) {
        const d = onboardingStart + rng.int(20, 90);
        onboardingCompleteDate = d <= asOf ? d : null;
      }
      onboarding = { cta, ctaClosed, crossDelay };
    } else if (rng.chance(0.2)) {
      // Long-standing accounts sometimes carry manual dates from an old onboarding.
      if (onboardingStart !== null) {
        firstValueDate = onboardingStart + rng.int(10, 50);
        onboardingCompleteDate = onboardingStart + rng.int(30, 90);
      }
    }
    if (rng.chance(0.08)) { licenseUtil = null; hasUsage = false; }

    // Contracts renew yearly on the anniversary of the onboarding start (any day for long-standing ones).
    let anniversary = onboardingStart ?? asOf - rng.int(0, 364);
    while (anniversary <= asOf) anniversary = addMonthsToDay(anniversary, 12);
    const renewal =
      status === 'Active' ? anniversary
      : rng.chance(0.5) ? endDay
      : null;
    const useCases = rng.chance(0.1) ? null : tier === 'Ultimate' ? rng.pick([2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8, 8]) : rng.pick([1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5]);
    const dsoDraw = tier === 'Ultimate' ? rng.weighted({ Green: 62, Yellow: 28, Red: 3, empty: 7 }) : rng.weighted({ Green: 20, Yellow: 12, Red: 4, empty: 64 });
    const active = status === 'Active';
    const openPlays = {
      expansion: false,
      enablement: active && csm !== null && rng.chance(segment === 'Strategic' ? (slips.has('enablement') ? 0.3 : 0.75) : segment === 'Growth' ? (slips.has('enablement') ? 0.85 : 1) : 0.15),
      risk: active && csm !== null && rng.chance(health === 'Red' ? 0.6 : 0.01),
    };
    return {
      id: salesforceId('001', rng, usedIds),
      name: special?.name ?? companyName(industry),
      industry,
      csm,
      csmCell: csm === null ? '' : rng.chance(0.07) ? csm.name : rng.chance(0.03) ? csm.email.replace(/^./, (c) => c.toUpperCase()) : csm.email,
      status,
      statusCell: statusDraw === 'empty' ? '' : status,
      arr: Math.round(arr / 100) * 100,
      tier,
      priority: 'P2',
      priorityCell: '',
      health,
      healthUpdated: null,
      salesSegment,
      region,
      onboardingStart,
      firstValueDate,
      onboardingCompleteDate,
      renewal,
      licenseUtil,
      useCases,
      devSecOps: dsoDraw === 'empty' ? null : dsoDraw,
      endDay,
      openPlays,
      hasUsage,
      onboarding,
      highArr: false,
      lapse: null,
      planFate: 'green',
      renewalAsk: 'window',
      healthGap,
      growth: rng.int(0, 15) / 100,
      expansionSpans: [],
    };
  };

  const add = (a: SampleAccount) => {
    accounts.push(a);
    if (a.csm) {
      const book = books.get(a.csm.email) ?? [];
      book.push(a);
      books.set(a.csm.email, book);
    }
  };

  // Book sizes by segment; per unit one Strategic book below 12 and one above 20.
  const unitSize = csms.length / scale;
  csms.forEach((csm, i) => {
    const inUnit = i % unitSize;
    const size =
      csm.segment === 'Strategic' ? (inUnit === 1 ? 9 : inUnit === 14 ? 23 : rng.int(12, 16))
      : csm.segment === 'Growth' ? rng.int(24, 34)
      : rng.int(48, 62);
    for (let k = 0; k < size; k++) add(newAccount(csm));
  });
  for (let u = 0; u < scale; u++) {
    for (let k = 0; k < 6; k++) add(newAccount(null));
    const orphan = newAccount(null);
    orphan.csmCell = rng.chance(0.5) ? former.email : former.name;
    add(orphan);
  }
  // The hand-written names land on active accounts of the first unit.
  for (const special of SPECIAL_COMPANIES) {
    const a = newAccount(rng.pick(csms.slice(0, unitSize)), special);
    a.status = 'Active';
    a.statusCell = 'Active';
    a.endDay = null;
    a.renewal = asOf + rng.int(1, 456);
    add(a);
  }

  for (const csm of csms) settleBook(rng, csm, books.get(csm.email) ?? [], asOf);
  for (const a of accounts.filter((x) => x.csm === null)) {
    a.priority = rng.chance(0.5) ? null : 'P2';
    a.priorityCell = priorityCell(rng, a.priority);
  }

  // Two named edge cases of onboarding: a CTA closed after T, and a first value before the start.
  const cohort = accounts.filter((a) => a.onboarding && a.onboardingStart! > asOf - 365 && a.status === 'Active' && a.csm);
  const closesAfterAsOf = cohort.find((a) => a.onboardingStart! > asOf - 40) ?? null;
  if (closesAfterAsOf) closesAfterAsOf.onboarding = { ...closesAfterAsOf.onboarding!, cta: 'won', ctaClosed: asOf + 3 };
  const valueBeforeStart = cohort.find((a) => a !== closesAfterAsOf && a.onboardingStart! < asOf - 100) ?? null;
  if (valueBeforeStart) {
    valueBeforeStart.hasUsage = false;
    valueBeforeStart.firstValueDate = valueBeforeStart.onboardingStart! - 12;
  }

  return { asOf, cutoff: asOf, scale, people, csms, accounts, books, former, noBackup, closesAfterAsOf, valueBeforeStart };
}

/** The P1 reasons of METRICS.md (version 2) that the account carries at T. */
export function hasP1Reason(a: SampleAccount): boolean {
  const lowAdoption = a.useCases !== null && ((a.tier === 'Premium' && a.useCases <= 1) || (a.tier === 'Ultimate' && a.useCases <= 2));
  return a.health === 'Red' || lowAdoption || (a.tier === 'Ultimate' && a.devSecOps === 'Red') || a.openPlays.expansion || a.openPlays.risk;
}

/**
 * Settles a CSM's book as a CSM who keeps the handbook would, except in their slips: open expansion
 * plays (Strategic three or four, Growth on half of the P1 accounts, first on accounts that need
 * adoption), P1 exactly on the accounts with a P1 reason, the four highest-ARR accounts, and which
 * accounts show the CSM's slips (lapsed calls, missing or amber plans, renewal questions missed).
 */
function settleBook(rng: Rng, csm: SamplePerson, book: SampleAccount[], asOf: Day): void {
  const live = book.filter((a) => a.status === 'Active');
  const slips = csm.slips;
  const expansions = csm.segment === 'Strategic' ? (slips.has('expansion') ? 1 : live.length >= 16 ? 4 : 3) : csm.segment === 'Growth' ? 0 : rng.int(0, 2);
  // Accounts that already have a reason come first: expansion plays there adopt more use cases.
  const order = rng.sample(live, live.length).sort((x, y) => Number(hasP1Reason(y) && y.health !== 'Red') - Number(hasP1Reason(x) && x.health !== 'Red'));
  for (const a of order.slice(0, expansions)) a.openPlays.expansion = true;
  if (csm.segment === 'Growth') {
    const reasoned = order.filter((a) => hasP1Reason(a) && a.health !== 'Red');
    for (const a of reasoned.slice(0, Math.max(1, Math.ceil(reasoned.length * 0.6)))) a.openPlays.expansion = true;
  }
  // A CSM who keeps the P1 ratio: a book with more reasons than the target allows gets some fixed.
  const cap = csm.segment === 'Strategic' ? 0.3 : csm.segment === 'Growth' ? 0.2 : 1;
  for (const a of rng.sample(live, live.length)) {
    if (live.filter(hasP1Reason).length <= Math.floor(cap * live.length)) break;
    if (!hasP1Reason(a) || a.openPlays.expansion) continue;
    if (a.health === 'Red') a.health = 'Yellow';
    a.openPlays.risk = false;
    if (a.useCases !== null && a.useCases <= 2) a.useCases = 3;
    if (a.devSecOps === 'Red') a.devSecOps = 'Yellow';
  }
  const byArr = live.slice().sort((x, y) => y.arr - x.arr || (x.id.id18 < y.id.id18 ? -1 : 1));
  for (const a of byArr.slice(0, 4)) a.highArr = csm.segment === 'Strategic';

  const pickOne = (pool: SampleAccount[]) => (pool.length > 0 ? rng.pick(pool) : null);
  const steady = live.filter((a) => a.onboardingStart === null || a.onboardingStart < asOf - 200);
  if (slips.has('lapse')) for (const a of rng.sample(steady, 2)) a.lapse = { kind: 'cadence', from: asOf - rng.int(45, 110) };
  if (slips.has('dark')) {
    const a = pickOne(steady.filter((x) => !x.lapse));
    if (a) a.lapse = { kind: 'dark', from: asOf - rng.int(75, 130) };
  }
  for (const a of book) {
    const seg = csm.segment;
    a.planFate =
      seg === 'Scale' ? (rng.chance(0.93) ? 'green' : 'missing')
      : seg === 'Growth' ? rng.weighted({ green: 90, notGreen: 6, missing: 4, draft: 0, stale: 0 })
      : 'green';
    a.renewalAsk = slips.has('renewalQuestion') ? rng.weighted({ window: 45, late: 20, none: 35 }) : rng.weighted({ window: 198, late: 1, none: 1 });
  }
  if (csm.segment === 'Strategic') {
    if (slips.has('planMissing')) for (const a of rng.sample(live, 2)) a.planFate = 'missing';
    if (slips.has('planNotGreen')) for (const a of rng.sample(live, 1)) a.planFate = rng.chance(0.3) ? 'draft' : 'notGreen';
  }
  if (slips.has('planStale')) for (const a of rng.sample(live.filter((x) => x.planFate === 'green'), 3)) a.planFate = 'stale';
  if (slips.has('unprioritized')) for (const a of rng.sample(live.filter((x) => !hasP1Reason(x)), rng.int(2, 3))) a.priority = null;
  // A CSM who slips here leaves an account whose adoption fell to one use case at P2.
  const misses = slips.has('misprioritized') ? rng.sample(live.filter((a) => !hasP1Reason(a) && (a.tier === 'Premium' || a.tier === 'Ultimate')), 1) : [];
  for (const a of misses) a.useCases = a.tier === 'Ultimate' ? 2 : 1;

  for (const a of book) {
    if (a.priority !== null) a.priority = (hasP1Reason(a) && !misses.includes(a)) || rng.chance(csm.p1Share) ? 'P1' : 'P2';
    a.priorityCell = priorityCell(rng, a.priority);
  }
}

/** A Priority cell in one of the spellings the contract reads. */
export function priorityCell(rng: Rng, priority: Priority | null): string {
  if (priority === null) return '';
  const n = priority === 'P1' ? '1' : '2';
  return rng.pick([`PR${n}`, `PR${n}`, `P${n}`, `P${n}`, `Priority ${n}`, n]);
}

/** The renewal a year before the next one, when the account was a customer then. */
export function previousRenewal(a: SampleAccount): Day | null {
  return a.renewal === null ? null : addMonthsToDay(a.renewal, -12);
}
