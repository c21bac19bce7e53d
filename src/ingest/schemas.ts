/**
 * One zod schema per export file, over the row's contract cells (raw text, keyed by contract
 * header), giving the row types of tables.ts. Each schema is built once per file with that file's
 * cell readers (time zone, column settings, roster), so zod compiles it once and reuses it per row.
 */
import { z } from 'zod';
import type { ExportFile } from '../config.ts';
import type { Cells } from './cells.ts';
import { enumLookup } from './values.ts';

export const ROLES = ['Strategic Enterprise', 'Strategic Commercial', 'Growth', 'Scale', 'Manager', 'Senior Manager', 'Director', 'VP'] as const;
export const ACCOUNT_STATUSES = ['Active', 'Churned', 'Inactive'] as const;
export const RAGS = ['Green', 'Yellow', 'Red'] as const;
export const PRIORITIES = ['P1', 'P2'] as const;
export const ACTIVITY_TYPES = ['Cadence Call', 'Meeting', 'EBR', 'Workshop', 'Renewal Call', 'Roundtable', 'Email', 'Update', 'Other'] as const;
export const PLAN_STATUSES = ['Active', 'Draft', 'Complete', 'Inactive'] as const;
export const CTA_TYPES = ['Onboarding', 'Enablement', 'Expansion', 'Risk', 'Renewal', 'Other'] as const;
export const CTA_OUTCOMES = ['open', 'won', 'lost', 'invalid'] as const;

/** CTA statuses of the contract, each with its class. */
export const CTA_STATUSES: Record<string, (typeof CTA_OUTCOMES)[number]> = {
  Open: 'open',
  New: 'open',
  'Work In Progress': 'open',
  'In Progress': 'open',
  'Closed Won': 'won',
  'Closed Success': 'won',
  Completed: 'won',
  'Closed Lost': 'lost',
  'Closed Unsuccessful': 'lost',
  'Closed Invalid': 'invalid',
  Cancelled: 'invalid',
};

const role = enumLookup(ROLES);
const accountStatus = enumLookup(ACCOUNT_STATUSES);
const rag = enumLookup(RAGS);
const priority = enumLookup(PRIORITIES, { PR1: 'P1', 'Priority 1': 'P1', '1': 'P1', PR2: 'P2', 'Priority 2': 'P2', '2': 'P2' });
const tier = enumLookup(['Premium', 'Ultimate']);
// 'Other' is what an unknown type becomes, not a type an export writes.
const activityType = enumLookup(ACTIVITY_TYPES.filter((t) => t !== 'Other'));
const planStatus = enumLookup(PLAN_STATUSES);
const ctaType = enumLookup(CTA_TYPES.filter((t) => t !== 'Other'));
const ctaStatus = enumLookup(Object.keys(CTA_STATUSES));

/** A contract column: the row field it fills and whether the file must have it. */
export interface ColumnSpec<Row> {
  /** The row's field, or null for a column that is checked but not kept. */
  field: (keyof Row & string) | null;
  required: boolean;
}

/** Everything the reader needs to know about one export file. */
export interface FileSpec<Row> {
  file: ExportFile;
  /** A required file missing, or with no data rows, is fatal. */
  required: boolean;
  /** Contract header → where it goes, in the contract's order. */
  columns: Record<string, ColumnSpec<Row>>;
  /** The row schema, built once per file. */
  schema: (cells: Cells) => z.ZodType<Row, Record<string, string>>;
  /**
   * The unique key of a row and its column, when the file has one (later duplicates are rejected):
   * from the validated row, or from its raw cells when the row does not keep the key.
   */
  key?: { column: string; of: (row: Row, cells: Record<string, string>) => string };
  /** The account a row refers to, when it must name one. */
  account?: (row: Row) => string;
  /** What a reference to an account outside accounts.csv gets. */
  unknownAccount?: 'reject' | 'warn';
}

/**
 * The raw cells: every contract column as text ('' when absent or empty). The reader builds this
 * object itself from the parsed record, so it is declared, not checked again cell by cell or copied:
 * what the row schema validates is each cell's value, in its transform.
 */
function cellsOf<const H extends string>(_headers: readonly H[]) {
  return z.custom<{ [K in H]: string }>();
}

// ---------------------------------------------------------------------------------------------
// csms.csv

export const csmsSchema = (v: Cells) =>
  cellsOf(['Name', 'Email', 'Manager Email', 'Role', 'Region', 'Start Date', 'Backup CSM Email']).transform((r, ctx) => {
    v.begin(ctx);
    const row = {
      name: v.text('Name', r.Name, true),
      /** Lower case; the key of a person. */
      email: v.email('Email', r.Email, true),
      managerEmail: v.email('Manager Email', r['Manager Email']),
      role: v.oneOf('Role', r.Role, role, ROLES, true),
      region: v.text('Region', r.Region),
      startDate: v.date('Start Date', r['Start Date']),
      backupEmail: v.email('Backup CSM Email', r['Backup CSM Email']),
    };
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// accounts.csv

export const accountsSchema = (v: Cells) =>
  cellsOf([
    'Account ID', 'Account Name', 'CSM', 'Status', 'ARR', 'Tier', 'Priority', 'Health', 'Health Updated', 'Sales Segment', 'Region', 'Industry',
    'Onboarding Start Date', 'First Value Date', 'Onboarding Complete Date', 'Renewal Date', 'License Utilization', 'Use Cases Adopted', 'DevSecOps Health',
  ]).transform((r, ctx) => {
    v.begin(ctx);
    const csmEmail = v.person(r.CSM);
    if (csmEmail === null && r.CSM.trim() !== '') {
      v.warn('CSM', r.CSM, 'unknown-csm', `CSM "${r.CSM.trim()}" is not in csms.csv; the account is kept as unassigned`);
    }
    const tierText = v.text('Tier', r.Tier);
    const row = {
      /** Canonical 18-character Salesforce ID. */
      id: v.sfId('Account ID', r['Account ID']),
      name: v.text('Account Name', r['Account Name'], true),
      /** The roster email of the account's CSM; null when empty or not in the roster. */
      csmEmail,
      status: v.oneOf('Status', r.Status, accountStatus, ACCOUNT_STATUSES) ?? 'Active',
      arr: v.money('ARR', r.ARR),
      /** `Premium`, `Ultimate`, or another tier kept as its text. */
      tier: tierText === null ? null : (tier(tierText) ?? tierText),
      priority: v.oneOf('Priority', r.Priority, priority, ['P1', 'P2']),
      health: v.oneOf('Health', r.Health, rag, RAGS),
      healthUpdated: v.date('Health Updated', r['Health Updated'], false, true),
      salesSegment: v.text('Sales Segment', r['Sales Segment']),
      region: v.text('Region', r.Region),
      industry: v.text('Industry', r.Industry),
      onboardingStart: v.date('Onboarding Start Date', r['Onboarding Start Date']),
      firstValueDate: v.date('First Value Date', r['First Value Date']),
      onboardingCompleteDate: v.date('Onboarding Complete Date', r['Onboarding Complete Date']),
      renewalDate: v.date('Renewal Date', r['Renewal Date']),
      /** A fraction: 0.45 for 45%. */
      licenseUtilization: v.percent('License Utilization', r['License Utilization']),
      useCasesAdopted: v.count('Use Cases Adopted', r['Use Cases Adopted']),
      devSecOpsHealth: v.oneOf('DevSecOps Health', r['DevSecOps Health'], rag, RAGS),
    };
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// activities.csv

export const activitiesSchema = (v: Cells) =>
  cellsOf(['Activity ID', 'Account ID', 'Type', 'Activity Date', 'Author', 'Subject']).transform((r, ctx) => {
    v.begin(ctx);
    const type = typeOf(v, 'Type', r.Type, activityType, true);
    const author = r.Author.trim();
    // The ID is required and unique (the reader checks it from the raw cell) but not kept: nothing
    // after the read needs it, and an activity row is the one row kept by the hundred thousand.
    v.present('Activity ID', r['Activity ID']);
    const row = {
      accountId: v.sfId('Account ID', r['Account ID']),
      type: type as (typeof ACTIVITY_TYPES)[number],
      date: v.date('Activity Date', r['Activity Date'], true, true),
      /**
       * Who logged it: the roster email when the author resolves to a roster person (email or full
       * name), else its trimmed lower-case text; null when empty (the account's CSM, resolved by metrics).
       */
      author: author === '' ? null : (v.person(author) ?? v.keep(author.toLowerCase())),
      /** Kept for workshops only (their identity is author + date + subject); '' for other types. */
      subject: type === 'Workshop' ? v.keep(r.Subject.trim()) : '',
    };
    return v.rowFailed ? z.NEVER : row;
  });

/** A type column: an unknown value becomes `Other` with a warning; empty fails the row. */
function typeOf(v: Cells, column: string, raw: string, lookup: (t: string) => string | null, required: boolean): string {
  if (raw.trim() === '') return v.text(column, raw, required) ?? 'Other';
  const t = lookup(raw);
  if (t !== null) return t;
  v.warn(column, raw, 'unknown-type', `type "${raw.trim()}" is not one the contract names; counted as Other`);
  return 'Other';
}

// ---------------------------------------------------------------------------------------------
// success_plans.csv

export const successPlansSchema = (v: Cells) =>
  cellsOf(['Success Plan ID', 'Account ID', 'Plan Name', 'Status', 'Plan Health', 'Created Date', 'Last Updated']).transform((r, ctx) => {
    v.begin(ctx);
    const row = {
      id: v.text('Success Plan ID', r['Success Plan ID'], true),
      accountId: v.sfId('Account ID', r['Account ID']),
      name: v.text('Plan Name', r['Plan Name']),
      status: v.oneOf('Status', r.Status, planStatus, PLAN_STATUSES, true),
      planHealth: v.oneOf('Plan Health', r['Plan Health'], rag, RAGS),
      createdDate: v.date('Created Date', r['Created Date'], false, true),
      lastUpdated: v.date('Last Updated', r['Last Updated'], false, true),
    };
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// ctas.csv

export const ctasSchema = (v: Cells) =>
  cellsOf(['CTA ID', 'Account ID', 'Type', 'Name', 'Status', 'Created Date', 'Closed Date', 'Owner']).transform((r, ctx) => {
    v.begin(ctx);
    const status = v.oneOf('Status', r.Status, ctaStatus, Object.keys(CTA_STATUSES), true);
    const outcome = CTA_STATUSES[status] ?? 'open';
    const closedDate = v.date('Closed Date', r['Closed Date'], false, true);
    if (outcome !== 'open' && closedDate === null && !v.rowFailed) {
      v.error('Closed Date', r['Closed Date'], 'missing-closed-date', `status "${status}" is closed but Closed Date has no date`);
    }
    const row = {
      id: v.text('CTA ID', r['CTA ID'], true),
      accountId: v.sfId('Account ID', r['Account ID']),
      type: typeOf(v, 'Type', r.Type, ctaType, true) as (typeof CTA_TYPES)[number],
      name: v.text('Name', r.Name),
      /** The status as exported (contract spelling). */
      status,
      outcome,
      createdDate: v.date('Created Date', r['Created Date'], true, true),
      /** Required when the status is closed (won, lost, invalid); null while open. */
      closedDate: outcome === 'open' ? null : closedDate,
      /** Roster email, or null. */
      owner: v.person(r.Owner),
    };
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// opportunities.csv

export const opportunitiesSchema = (v: Cells) =>
  cellsOf(['Opportunity ID', 'Account ID', 'Opportunity Name', 'Stage', 'Close Date', 'Order Type', 'Net ARR', 'CSM']).transform((r, ctx) => {
    v.begin(ctx);
    const csm = r.CSM.trim();
    const csmEmail = csm === '' ? undefined : v.person(csm);
    if (csmEmail === null) v.warn('CSM', r.CSM, 'unknown-person', `CSM "${csm}" is not in csms.csv; the opportunity counts for no one`);
    const row = {
      id: v.sfId('Opportunity ID', r['Opportunity ID']),
      /** Canonical ID; the account may be absent from accounts.csv (kept with a warning). */
      accountId: v.sfId('Account ID', r['Account ID']),
      name: v.text('Opportunity Name', r['Opportunity Name']),
      stage: v.text('Stage', r.Stage, true),
      closeDate: v.date('Close Date', r['Close Date'], true),
      orderType: v.text('Order Type', r['Order Type']),
      netArr: v.money('Net ARR', r['Net ARR']),
      /**
       * The CSM column resolved: a roster email; `undefined` when the column is empty (the account's
       * CSM then counts); null when it names nobody in the roster (counts for no one).
       */
      csmEmail: csmEmail as string | null | undefined,
    };
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// license_usage.csv

export const licenseUsageSchema = (v: Cells) =>
  cellsOf(['Account ID', 'Date', 'License Utilization']).transform((r, ctx) => {
    v.begin(ctx);
    const row = {
      accountId: v.sfId('Account ID', r['Account ID']),
      date: v.date('Date', r.Date, true, true),
      /** A fraction. */
      utilization: v.percent('License Utilization', r['License Utilization'], true),
    };
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// pto.csv

export const ptoSchema = (v: Cells) =>
  cellsOf(['Email', 'Start Date', 'End Date', 'Backup Email']).transform((r, ctx) => {
    v.begin(ctx);
    const row = {
      email: v.email('Email', r.Email, true),
      start: v.date('Start Date', r['Start Date'], true),
      /** Inclusive. */
      end: v.date('End Date', r['End Date'], true),
      /** The row's backup; null when empty (the roster's backup then applies). */
      backupEmail: v.email('Backup Email', r['Backup Email']),
    };
    const roster = v.settings.roster;
    for (const [column, email] of [['Email', row.email], ['Backup Email', row.backupEmail]] as const) {
      if (email && roster && !roster.has(email)) v.warn(column, email, 'unknown-person', `${email} is not in csms.csv`);
    }
    if (!v.rowFailed && row.end < row.start) v.error('End Date', r['End Date'], 'end-before-start', `End Date ${r['End Date'].trim()} is before Start Date ${r['Start Date'].trim()}`);
    return v.rowFailed ? z.NEVER : row;
  });

// ---------------------------------------------------------------------------------------------
// The row types: what the schemas give.

export type Person = z.output<ReturnType<typeof csmsSchema>>;
export type Account = z.output<ReturnType<typeof accountsSchema>>;
export type Activity = z.output<ReturnType<typeof activitiesSchema>>;
export type SuccessPlan = z.output<ReturnType<typeof successPlansSchema>>;
export type Cta = z.output<ReturnType<typeof ctasSchema>>;
export type Opportunity = z.output<ReturnType<typeof opportunitiesSchema>>;
export type LicenseUsage = z.output<ReturnType<typeof licenseUsageSchema>>;
export type TimeOff = z.output<ReturnType<typeof ptoSchema>>;

const col = <Row>(field: (keyof Row & string) | null, required = false): ColumnSpec<Row> => ({ field, required });

export const CSMS: FileSpec<Person> = {
  file: 'csms.csv',
  required: true,
  columns: {
    Name: col('name', true), Email: col('email', true), 'Manager Email': col('managerEmail'), Role: col('role', true),
    Region: col('region'), 'Start Date': col('startDate'), 'Backup CSM Email': col('backupEmail'),
  },
  schema: csmsSchema,
  key: { column: 'Email', of: (p) => p.email },
};

export const ACCOUNTS: FileSpec<Account> = {
  file: 'accounts.csv',
  required: true,
  columns: {
    'Account ID': col('id', true), 'Account Name': col('name', true), CSM: col('csmEmail'), Status: col('status'), ARR: col('arr'),
    Tier: col('tier'), Priority: col('priority'), Health: col('health'), 'Health Updated': col('healthUpdated'),
    'Sales Segment': col('salesSegment'), Region: col('region'), Industry: col('industry'),
    'Onboarding Start Date': col('onboardingStart'), 'First Value Date': col('firstValueDate'),
    'Onboarding Complete Date': col('onboardingCompleteDate'), 'Renewal Date': col('renewalDate'),
    'License Utilization': col('licenseUtilization'), 'Use Cases Adopted': col('useCasesAdopted'), 'DevSecOps Health': col('devSecOpsHealth'),
  },
  schema: accountsSchema,
  key: { column: 'Account ID', of: (a) => a.id },
};

export const ACTIVITIES: FileSpec<Activity> = {
  file: 'activities.csv',
  required: true,
  columns: {
    'Activity ID': col(null, true), 'Account ID': col('accountId', true), Type: col('type', true),
    'Activity Date': col('date', true), Author: col('author'), Subject: col('subject'),
  },
  schema: activitiesSchema,
  key: { column: 'Activity ID', of: (_, cells) => cells['Activity ID']!.trim() },
  account: (a) => a.accountId,
  unknownAccount: 'reject',
};

export const SUCCESS_PLANS: FileSpec<SuccessPlan> = {
  file: 'success_plans.csv',
  required: false,
  columns: {
    'Success Plan ID': col('id', true), 'Account ID': col('accountId', true), 'Plan Name': col('name'), Status: col('status', true),
    'Plan Health': col('planHealth'), 'Created Date': col('createdDate'), 'Last Updated': col('lastUpdated'),
  },
  schema: successPlansSchema,
  key: { column: 'Success Plan ID', of: (p) => p.id },
  account: (p) => p.accountId,
  unknownAccount: 'reject',
};

export const CTAS: FileSpec<Cta> = {
  file: 'ctas.csv',
  required: false,
  columns: {
    'CTA ID': col('id', true), 'Account ID': col('accountId', true), Type: col('type', true), Name: col('name'),
    Status: col('status', true), 'Created Date': col('createdDate', true), 'Closed Date': col('closedDate'), Owner: col('owner'),
  },
  schema: ctasSchema,
  key: { column: 'CTA ID', of: (c) => c.id },
  account: (c) => c.accountId,
  unknownAccount: 'reject',
};

export const OPPORTUNITIES: FileSpec<Opportunity> = {
  file: 'opportunities.csv',
  required: false,
  columns: {
    'Opportunity ID': col('id', true), 'Account ID': col('accountId', true), 'Opportunity Name': col('name'), Stage: col('stage', true),
    'Close Date': col('closeDate', true), 'Order Type': col('orderType'), 'Net ARR': col('netArr'), CSM: col('csmEmail'),
  },
  schema: opportunitiesSchema,
  key: { column: 'Opportunity ID', of: (o) => o.id },
  account: (o) => o.accountId,
  // Opportunities on accounts outside the Gainsight export are common; they count through their CSM.
  unknownAccount: 'warn',
};

export const LICENSE_USAGE: FileSpec<LicenseUsage> = {
  file: 'license_usage.csv',
  required: false,
  columns: { 'Account ID': col('accountId', true), Date: col('date', true), 'License Utilization': col('utilization', true) },
  schema: licenseUsageSchema,
  account: (u) => u.accountId,
  unknownAccount: 'reject',
};

export const PTO: FileSpec<TimeOff> = {
  file: 'pto.csv',
  required: false,
  columns: { Email: col('email', true), 'Start Date': col('start', true), 'End Date': col('end', true), 'Backup Email': col('backupEmail') },
  schema: ptoSchema,
};
