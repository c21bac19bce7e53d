/**
 * Small hand-built tables for metric tests: each builder fills every field with a neutral default,
 * so a test states only what matters to it. Optional files left out of `tables()` are absent (null).
 */
import { dayFromIso, type Day } from '../../src/dates.ts';
import { CTA_STATUSES } from '../../src/ingest/schemas.ts';
import type {
  Account,
  Activity,
  Cta,
  CtaOutcome,
  LicenseUsage,
  Opportunity,
  Person,
  SuccessPlan,
  Tables,
  TimeOff,
} from '../../src/ingest/tables.ts';

/** `day('2026-11-20')` → day number. */
export const day = (iso: string): Day => dayFromIso(iso);

/** The as-of date the defaults are built around. */
export const AS_OF: Day = day('2026-11-20');

/** The email of the default CSM; accounts belong to this CSM unless told otherwise. */
export const CSM_EMAIL = 'csm@example.com';

let seq = 0;
const nextId = (prefix: string) => `${prefix}${String(++seq).padStart(6, '0')}`;

/** A roster person; by default a Strategic Enterprise CSM with no manager. */
export function person(o: Partial<Person> = {}): Person {
  return { name: 'Casey Csm', email: CSM_EMAIL, managerEmail: null, role: 'Strategic Enterprise', region: null, startDate: null, backupEmail: null, ...o };
}

/** An Active account of the default CSM with every optional field empty. */
export function account(o: Partial<Account> = {}): Account {
  return {
    id: nextId('001ACC'),
    name: 'Acme',
    csmEmail: CSM_EMAIL,
    status: 'Active',
    arr: null,
    tier: null,
    priority: null,
    health: null,
    healthUpdated: null,
    salesSegment: null,
    region: null,
    industry: null,
    onboardingStart: null,
    firstValueDate: null,
    onboardingCompleteDate: null,
    renewalDate: null,
    licenseUtilization: null,
    useCasesAdopted: null,
    devSecOpsHealth: null,
    ...o,
  };
}

/** A Cadence Call on AS_OF with no author (the account's CSM). Give at least `accountId`. */
export function activity(o: Partial<Activity> = {}): Activity {
  return { accountId: 'missing', type: 'Cadence Call', date: AS_OF, author: null, subject: '', ...o };
}


/**
 * An open Expansion CTA created a year before AS_OF. When only `status` is given, the outcome
 * follows it (`Closed Won` → won); give `closedDate` for closed ones.
 */
export function cta(o: Partial<Cta> = {}): Cta {
  const status = o.status ?? 'Open';
  return {
    id: nextId('CTA'),
    accountId: 'missing',
    type: 'Expansion',
    name: null,
    status,
    outcome: CTA_STATUSES[status] ?? 'open',
    createdDate: AS_OF - 365,
    closedDate: null,
    owner: null,
    ...o,
  };
}

/** An Active success plan with Green health. */
export function plan(o: Partial<SuccessPlan> = {}): SuccessPlan {
  return { id: nextId('SP'), accountId: 'missing', name: null, status: 'Active', planHealth: 'Green', createdDate: null, lastUpdated: null, ...o };
}

/** A Closed Won opportunity closing on AS_OF, its CSM column empty (the account's CSM counts). */
export function opportunity(o: Partial<Opportunity> = {}): Opportunity {
  return { id: nextId('006OPP'), accountId: 'missing', name: null, stage: 'Closed Won', closeDate: AS_OF, orderType: null, netArr: null, csmEmail: undefined, ...o };
}

/** A license-usage row on AS_OF at 50%. */
export function usage(o: Partial<LicenseUsage> = {}): LicenseUsage {
  return { accountId: 'missing', date: AS_OF, utilization: 0.5, ...o };
}

/** A week off for the default CSM starting the day after AS_OF, with no backup on the row. */
export function timeOff(o: Partial<TimeOff> = {}): TimeOff {
  return { email: CSM_EMAIL, start: AS_OF + 1, end: AS_OF + 7, backupEmail: null, ...o };
}

/** Full Tables: required tables default to empty, optional files to absent (null). */
export function tables(p: Partial<Tables> = {}): Tables {
  return {
    csms: [],
    accounts: [],
    activities: [],
    successPlans: null,
    ctas: null,
    opportunities: null,
    licenseUsage: null,
    pto: null,
    ...p,
  };
}
