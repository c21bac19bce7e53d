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
}

export interface SampleOrg {
  asOf: Day;
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
  // One Strategic CSM marks far too many P1s (off-target), one in Growth too many (watch).
  csms.find((p) => p.segment === 'Strategic')!.p1Share = 0.5;
  csms.find((p) => p.segment === 'Growth')!.p1Share = 0.25;
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
    const arr =
      segment === 'Strategic' ? clamp(Math.exp(rng.normal(Math.log(420_000), 0.6)), 90_000, 4_000_000)
      : segment === 'Growth' ? clamp(Math.exp(rng.normal(Math.log(120_000), 0.5)), 25_000, 450_000)
      : clamp(Math.exp(rng.normal(Math.log(24_000), 0.5)), 4_000, 90_000);
    const tier =
      rng.chance(0.06) ? rng.pick(['Starter', 'Premium (Legacy)', 'Dedicated'])
      : rng.chance(segment === 'Strategic' ? 0.55 : segment === 'Growth' ? 0.3 : 0.1) ? 'Ultimate' : 'Premium';
    const diligence = csm?.diligence ?? 0.4;
    const meticulous = diligence >= 1;
    const healthDraw = rng.weighted({ Green: 60, Yellow: 27, Red: 8, empty: meticulous ? 0 : 5 });
    const health = healthDraw === 'empty' ? null : healthDraw;
    const healthUpdated =
      health === null ? null
      : meticulous || rng.chance(0.3 + 0.6 * diligence) ? asOf - rng.int(0, 30)
      : asOf - rng.int(31, 260);
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
    let licenseUtil: number | null = clamp(rng.normal(0.66, 0.2), 0.12, 1);
    let hasUsage = rng.chance(0.85);
    let onboarding: Onboarding | null = null;
    let firstValueDate: Day | null = null;
    let onboardingCompleteDate: Day | null = null;
    if (onboardingStart !== null && onboardingStart > asOf - 730) {
      const neverCrosses = rng.chance(0.05);
      if (neverCrosses) licenseUtil = 0.02 + rng.int(0, 7) / 100;
      const crossDelay = neverCrosses ? null : Math.round(clamp(Math.exp(rng.normal(Math.log(15), 0.7)), 3, 200));
      if (!hasUsage && rng.chance(0.7)) {
        const d = onboardingStart + rng.int(7, 60);
        firstValueDate = d <= asOf ? d : null;
      }
      const ctaDraw = rng.weighted({ won: 66, open: 14, invalid: 7, none: 13 });
      let cta: Onboarding['cta'] = ctaDraw;
      let ctaClosed: Day | null = null;
      if (cta === 'won' || cta === 'invalid') {
        ctaClosed = onboardingStart + Math.round(clamp(Math.exp(rng.normal(Math.log(38), 0.4)), 12, 160));
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

    const renewal =
      status === 'Active' ? asOf + rng.int(1, 456)
      : rng.chance(0.5) ? endDay
      : null;
    const useCases = rng.chance(0.1) ? null : tier === 'Ultimate' ? rng.pick([1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8, 8]) : rng.pick([0, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5]);
    const dsoDraw = tier === 'Ultimate' ? rng.weighted({ Green: 58, Yellow: 27, Red: 7, empty: 8 }) : rng.weighted({ Green: 20, Yellow: 12, Red: 6, empty: 62 });
    const active = status === 'Active';
    const openPlays = {
      expansion: active && csm !== null && rng.chance(segment === 'Strategic' ? 0.2 : segment === 'Growth' ? 0.1 : 0.03),
      enablement: active && csm !== null && rng.chance(segment === 'Strategic' ? 0.5 : segment === 'Growth' ? 0.7 : 0.1),
      risk: active && csm !== null && rng.chance(health === 'Red' ? 0.6 : 0.04),
    };
    // The P1 reasons of METRICS.md; a CSM marks most such accounts P1, and a few others besides.
    const lowAdoption = useCases !== null && ((tier === 'Premium' && useCases <= 1) || (tier === 'Ultimate' && useCases <= 2));
    const reasons = health === 'Red' || lowAdoption || (tier === 'Ultimate' && dsoDraw === 'Red') || openPlays.expansion;
    const unprioritised = segment === 'Scale' ? rng.chance(0.7) : rng.chance(0.05);
    const p1 = reasons ? rng.chance(meticulous ? 1 : clamp(0.5 + 0.45 * diligence, 0, 0.97)) : rng.chance(csm?.p1Share ?? 0.1);
    const priority: Priority | null = unprioritised ? null : p1 ? 'P1' : 'P2';
    const n = priority === 'P1' ? '1' : '2';
    const priorityCell = priority === null ? '' : rng.pick([`PR${n}`, `PR${n}`, `P${n}`, `P${n}`, `Priority ${n}`, n]);
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
      priority,
      priorityCell,
      health,
      healthUpdated,
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

  // Two named edge cases of onboarding: a CTA closed after T, and a first value before the start.
  const cohort = accounts.filter((a) => a.onboarding && a.onboardingStart! > asOf - 365 && a.status === 'Active' && a.csm);
  const closesAfterAsOf = cohort.find((a) => a.onboardingStart! > asOf - 40) ?? null;
  if (closesAfterAsOf) closesAfterAsOf.onboarding = { ...closesAfterAsOf.onboarding!, cta: 'won', ctaClosed: asOf + 3 };
  const valueBeforeStart = cohort.find((a) => a !== closesAfterAsOf && a.onboardingStart! < asOf - 100) ?? null;
  if (valueBeforeStart) {
    valueBeforeStart.hasUsage = false;
    valueBeforeStart.firstValueDate = valueBeforeStart.onboardingStart! - 12;
  }

  return { asOf, scale, people, csms, accounts, books, former, noBackup, closesAfterAsOf, valueBeforeStart };
}

/** The renewal a year before the next one, when the account was a customer then. */
export function previousRenewal(a: SampleAccount): Day | null {
  return a.renewal === null ? null : addMonthsToDay(a.renewal, -12);
}
