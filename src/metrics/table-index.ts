/**
 * Index once, look up everywhere: one pass over the tables builds every map the metrics read.
 * The index does not depend on the as-of date, so the same index serves every T (QBR quarters,
 * history). Rows dated after T are skipped by the metric functions, which take T.
 */
import type { Day } from '../dates.ts';
import {
  isCsmRole,
  segmentOf,
  type Account,
  type Activity,
  type ActivityType,
  type Cta,
  type CsmRole,
  type LicenseUsage,
  type Opportunity,
  type Person,
  type Segment,
  type SuccessPlan,
  type Tables,
  type TimeOff,
} from '../ingest/tables.ts';

export interface Csm extends Person {
  role: CsmRole;
  segment: Segment;
}

export interface Team {
  leader: Person;
  /** The CSMs whose Manager Email names the leader, by email. */
  csms: Csm[];
}

/** A workshop delivered: one per author + date + subject, whatever the number of accounts it was logged on. */
export interface WorkshopRef {
  key: string;
  date: Day;
}

/** The presenter of a workshop: its author as resolved (a roster email when it resolves), else the account's CSM. */
export function workshopPresenter(act: Activity, accounts: ReadonlyMap<string, Account>): string {
  return act.author ?? accounts.get(act.accountId)?.csmEmail ?? '';
}

/** One account's activity dates by type, ascending; every type is present (one shape for all accounts). */
export type ActivityDates = Record<ActivityType, Day[]>;

const noActivityDates = (): ActivityDates => ({
  'Cadence Call': [], Meeting: [], EBR: [], Workshop: [], 'Renewal Call': [], Roundtable: [], Email: [], Update: [], Other: [],
});

export interface TableIndex {
  tables: Tables;
  people: Map<string, Person>;
  /** Every roster person with a CSM role, by email. */
  csms: Csm[];
  csmByEmail: Map<string, Csm>;
  /** Leaders with at least one CSM of their own, by leader email. */
  teams: Team[];
  accounts: Map<string, Account>;
  /** Active accounts per CSM email (the book), by account ID. */
  bookByCsm: Map<string, Account[]>;
  /** Active accounts with no CSM, or a CSM not in the roster or not in a CSM role. */
  unassigned: Account[];
  /** Per account, per activity type: the activity dates, ascending. */
  activityDates: Map<string, ActivityDates>;
  /** Per account: the workshops logged on it, by date ascending. */
  workshopsByAccount: Map<string, WorkshopRef[]>;
  /** Per presenter (workshopPresenter): the distinct workshops delivered, by date ascending. */
  workshopsByPresenter: Map<string, WorkshopRef[]>;
  ctasByAccount: Map<string, Cta[]>;
  plansByAccount: Map<string, SuccessPlan[]>;
  /** License usage per account, by date ascending. */
  usageByAccount: Map<string, LicenseUsage[]>;
  opportunities: Opportunity[];
  /** Opportunities by the CSM they count for (creditedCsm); those that count for no one are left out. */
  opportunitiesByCsm: Map<string, Opportunity[]>;
  timeOff: TimeOff[];
  /** Which optional files were supplied. */
  has: { successPlans: boolean; ctas: boolean; opportunities: boolean; licenseUsage: boolean; pto: boolean };
}

const byEmail = <T extends { email: string }>(a: T, b: T) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index in one pass over each table. */
export function buildIndex(tables: Tables): TableIndex {
  const people = new Map(tables.csms.map((p) => [p.email, p]));
  const csms: Csm[] = tables.csms
    .filter((p): p is Person & { role: CsmRole } => isCsmRole(p.role))
    .map((p) => ({ ...p, segment: segmentOf(p.role) }))
    .sort(byEmail);
  const csmByEmail = new Map(csms.map((c) => [c.email, c]));

  const teamMap = new Map<string, Csm[]>();
  for (const c of csms) if (c.managerEmail && people.has(c.managerEmail)) push(teamMap, c.managerEmail, c);
  const teams: Team[] = [...teamMap.entries()]
    .map(([email, members]) => ({ leader: people.get(email)!, csms: members }))
    .sort((a, b) => byEmail(a.leader, b.leader));

  const accounts = new Map<string, Account>();
  const bookByCsm = new Map<string, Account[]>(csms.map((c) => [c.email, []]));
  const unassigned: Account[] = [];
  for (const a of [...tables.accounts].sort(byId)) {
    accounts.set(a.id, a);
    if (a.status !== 'Active') continue;
    const book = a.csmEmail ? bookByCsm.get(a.csmEmail) : undefined;
    if (book) book.push(a);
    else unassigned.push(a);
  }

  const activityDates = new Map<string, ActivityDates>();
  const workshopsByAccount = new Map<string, WorkshopRef[]>();
  const workshopsByPresenter = new Map<string, WorkshopRef[]>();
  const delivered = new Set<string>();
  for (const act of tables.activities) {
    let perType = activityDates.get(act.accountId);
    if (!perType) activityDates.set(act.accountId, (perType = noActivityDates()));
    perType[act.type].push(act.date);
    if (act.type !== 'Workshop') continue;
    const ref = { key: workshopKey(act, accounts), date: act.date };
    push(workshopsByAccount, act.accountId, ref);
    if (!delivered.has(ref.key)) {
      delivered.add(ref.key);
      push(workshopsByPresenter, workshopPresenter(act, accounts), ref);
    }
  }
  for (const perType of activityDates.values()) for (const dates of Object.values(perType)) dates.sort((a, b) => a - b);
  for (const list of workshopsByAccount.values()) list.sort((a, b) => a.date - b.date);
  for (const list of workshopsByPresenter.values()) list.sort((a, b) => a.date - b.date);

  const ctasByAccount = new Map<string, Cta[]>();
  for (const c of tables.ctas ?? []) push(ctasByAccount, c.accountId, c);
  const plansByAccount = new Map<string, SuccessPlan[]>();
  for (const p of tables.successPlans ?? []) push(plansByAccount, p.accountId, p);
  const usageByAccount = new Map<string, LicenseUsage[]>();
  for (const u of tables.licenseUsage ?? []) push(usageByAccount, u.accountId, u);
  for (const list of usageByAccount.values()) list.sort((a, b) => a.date - b.date);

  const opportunitiesByCsm = new Map<string, Opportunity[]>();
  for (const o of tables.opportunities ?? []) {
    const csm = creditedCsm(o, accounts);
    if (csm !== null) push(opportunitiesByCsm, csm, o);
  }

  return {
    tables,
    people,
    csms,
    csmByEmail,
    teams,
    accounts,
    bookByCsm,
    unassigned,
    activityDates,
    workshopsByAccount,
    workshopsByPresenter,
    ctasByAccount,
    plansByAccount,
    usageByAccount,
    opportunities: tables.opportunities ?? [],
    opportunitiesByCsm,
    timeOff: tables.pto ?? [],
    has: {
      successPlans: tables.successPlans !== null,
      ctas: tables.ctas !== null,
      opportunities: tables.opportunities !== null,
      licenseUsage: tables.licenseUsage !== null,
      pto: tables.pto !== null,
    },
  };
}

/**
 * The CSM an opportunity counts for: its CSM column when set (null there names nobody in the
 * roster: it counts for no one), else its account's CSM.
 */
export function creditedCsm(opp: Opportunity, accounts: ReadonlyMap<string, Account>): string | null {
  if (opp.csmEmail !== undefined) return opp.csmEmail;
  return accounts.get(opp.accountId)?.csmEmail ?? null;
}

/**
 * The identity of a workshop delivered (DATA-CONTRACT.md): author as resolved (an empty author is
 * the account's CSM), calendar date, subject trimmed and lower-cased.
 */
export function workshopKey(act: Activity, accounts: ReadonlyMap<string, Account>): string {
  const author = workshopPresenter(act, accounts);
  return `${author}\u0000${act.date}\u0000${act.subject.trim().toLowerCase()}`;
}

/** The dates of one activity type on one account, ascending (empty when none). */
export function datesOf(index: TableIndex, accountId: string, type: ActivityType): readonly Day[] {
  return index.activityDates.get(accountId)?.[type] ?? EMPTY;
}
const EMPTY: readonly Day[] = Object.freeze([]);

/** The latest date ≤ t in an ascending list, or null. */
export function latestOnOrBefore(sorted: readonly Day[], t: Day): Day | null {
  const i = upperBound(sorted, t);
  return i > 0 ? sorted[i - 1]! : null;
}

/** How many dates d of an ascending list satisfy from < d ≤ to ("the trailing to − from days"). */
export function countInWindow(sorted: readonly Day[], from: Day, to: Day): number {
  return upperBound(sorted, to) - upperBound(sorted, from);
}

/** The earliest date ≥ from in an ascending list, or null. */
export function earliestOnOrAfter(sorted: readonly Day[], from: Day): Day | null {
  const i = upperBound(sorted, from - 1);
  return i < sorted.length ? sorted[i]! : null;
}

/** Index of the first element > t. */
function upperBound(sorted: readonly Day[], t: Day): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a CTA is open at T: created on or before T and not yet closed then (a CTA closed after T
 * was still open at T; one created after T does not exist yet).
 */
export function ctaOpenAt(cta: Cta, t: Day): boolean {
  if (cta.createdDate > t) return false;
  return cta.outcome === 'open' || (cta.closedDate !== null && cta.closedDate > t);
}

/** The workshops logged on one account with from < date ≤ to, by date ascending. */
export function workshopsInWindow(index: TableIndex, accountId: string, from: Day, to: Day): readonly WorkshopRef[] {
  return workshopsBetween(index.workshopsByAccount.get(accountId), from, to);
}

/** The distinct workshops a person presented with from < date ≤ to, by date ascending. */
export function workshopsPresentedInWindow(index: TableIndex, presenter: string, from: Day, to: Day): readonly WorkshopRef[] {
  return workshopsBetween(index.workshopsByPresenter.get(presenter), from, to);
}

function workshopsBetween(list: readonly WorkshopRef[] | undefined, from: Day, to: Day): readonly WorkshopRef[] {
  if (!list) return [];
  const firstAfter = (t: Day) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.date <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return list.slice(firstAfter(from), firstAfter(to));
}
