/**
 * The build's configuration: ingestion settings of DATA-CONTRACT.md and every target and window of
 * METRICS.md, each with the handbook's default. Validated like the exports; an unknown key is an error.
 *
 * Sources of the defaults (GitLab handbook): "CSM Responsibilities and Services" (cadence intervals,
 * EBRs, workshops), "CSM Manager handbook" (scorecard targets, 1:1 agenda), "Enterprise CSMs" (book
 * size, P1 ratio), "CSM PTO" (backups), "Time to value KPIs" (onboarding targets).
 */
import { z } from 'zod';

/** The export files of the data contract, by file name. */
export const EXPORT_FILES = [
  'csms.csv',
  'accounts.csv',
  'activities.csv',
  'success_plans.csv',
  'ctas.csv',
  'opportunities.csv',
  'license_usage.csv',
  'pto.csv',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** How the config names a file: its name without `.csv` (`columns.accounts`, `encoding.activities`). */
export const FILE_KEYS = ['csms', 'accounts', 'activities', 'success_plans', 'ctas', 'opportunities', 'license_usage', 'pto'] as const;
export type FileKey = (typeof FILE_KEYS)[number];
export const fileKeyOf = (file: ExportFile): FileKey => file.slice(0, -'.csv'.length) as FileKey;

const fileName = z.enum(FILE_KEYS);
const fraction = z.number().min(0).max(1);
const days = z.number().int().positive();
/** A per-segment target; `null` shows as "no target". */
const bySegment = <T extends z.ZodType>(t: T, d: { Strategic: z.input<T> | null; Growth: z.input<T> | null; Scale: z.input<T> | null }) =>
  z.strictObject({ Strategic: t.nullable(), Growth: t.nullable(), Scale: t.nullable() }).partial().prefault({}).transform((v) => ({ ...d, ...v }) as { Strategic: z.output<T> | null; Growth: z.output<T> | null; Scale: z.output<T> | null });

/** A range of values; min above max is refused by the config's check of every range (below). */
const range = z.strictObject({ min: z.number(), max: z.number() });
const months = z.number().int().positive();

export const TargetsSchema = z.strictObject({
  /** Book size per Strategic CSM: 12 to 20 accounts; outside is `watch` (Enterprise CSMs). */
  bookSize: bySegment(range, { Strategic: { min: 12, max: 20 }, Growth: null, Scale: null }),
  /** P1 accounts / book: Strategic ≤ 30%, Growth ≤ 20% (CSM handbook, account prioritization). */
  p1Ratio: bySegment(fraction, { Strategic: 0.3, Growth: 0.2, Scale: null }),
  /** Above target but at most this is `watch`; above it is `off-target` (CSM Manager handbook). */
  p1RatioWatchMax: fraction.default(0.5),
  misprioritizedCount: z.number().int().min(0).default(0),
  /** Accounts with an EBR in the trailing 12 months: Strategic 75%, Growth 20% (CSM Manager handbook). */
  ebrCoverage: bySegment(fraction, { Strategic: 0.75, Growth: 0.2, Scale: null }),
  /** EBRs per CSM in the trailing 30 days, at least: Strategic 1 ("1-2 EBRs per month", CSM Responsibilities and Services). */
  ebrsLast30Days: bySegment(z.number().min(0), { Strategic: 1, Growth: null, Scale: null }),
  /** Share of the highest-ARR accounts with 2 EBRs in 12 months: Strategic 100% ("EBR twice per year", Enterprise CSMs). */
  highArrEbrCoverage: bySegment(fraction, { Strategic: 1, Growth: null, Scale: null }),
  /** Report default. */
  cadenceCompliance: fraction.default(0.9),
  nonEngagedCount: z.number().int().min(0).default(0),
  /** Minimum cadence calls per week, by role (CSM Manager handbook). */
  callsPerWeek: z
    .strictObject({ 'Strategic Enterprise': z.number(), 'Strategic Commercial': z.number(), Growth: z.number(), Scale: z.number() })
    .partial()
    .prefault({})
    .transform((v) => ({ 'Strategic Enterprise': 5, 'Strategic Commercial': 7, Growth: 10, Scale: 15, ...v })),
  healthFreshness: fraction.default(1),
  successPlanCoverage: bySegment(fraction, { Strategic: 1, Growth: null, Scale: null }),
  greenSuccessPlanRate: bySegment(fraction, { Strategic: 1, Growth: null, Scale: null }),
  /** Workshops delivered per week: Strategic 0.5 ("1 workshop every 1-2 weeks", CSM Responsibilities and Services). */
  workshopsPerWeek: bySegment(z.number().min(0), { Strategic: 0.5, Growth: null, Scale: null }),
  /** Accounts with an open Enablement CTA, as a share of the book: Strategic half, Growth all. */
  enablementActiveShare: bySegment(fraction, { Strategic: 0.5, Growth: 1, Scale: null }),
  /** Accounts with an open Expansion CTA: Strategic at least 3 (a count per CSM). */
  expansionActiveStrategicCount: z.number().int().min(0).default(3),
  /** Growth: P1 accounts with an open Expansion CTA, at least this share of its P1 accounts. */
  expansionActiveGrowthP1Share: fraction.default(0.5),
  renewalQuestionRate: fraction.default(1),
  /** Onboarding milestones, in days from the onboarding start (Time to value KPIs). */
  ttfeDays: days.default(14),
  ttfvDays: days.default(30),
  ttoDays: days.default(45),
});

export const WindowsSchema = z
  .strictObject({
    /** Cadence call interval in days, by segment and priority (unprioritised = P2); Scale has none. */
    cadenceIntervalDays: z
      .strictObject({
        Strategic: z.strictObject({ P1: days, P2: days }),
        Growth: z.strictObject({ P1: days, P2: days }),
      })
      .default({ Strategic: { P1: 14, P2: 31 }, Growth: { P1: 31, P2: 92 } }),
    /** "No customer should go more than 2 months without a call" (calendar months). */
    nonEngagedMonths: months.default(2),
    /** EBR coverage and overdue: the trailing 12 months ("within the last twelve months"). */
    ebrWindowMonths: months.default(12),
    ebrTenureDays: days.default(182),
    ebrsRecentDays: days.default(30),
    /** highArr accounts need 2 EBRs in this many months ("EBR twice per year"). */
    highArrEbrWindowMonths: months.default(12),
    highArrEbrCount: z.number().int().positive().default(2),
    /** Health "updated within the last month". */
    healthStaleMonths: months.default(1),
    callsWindowDays: days.default(28),
    /** Success plans are expected from more than this many days after the onboarding start. */
    successPlanTenureDays: days.default(30),
    workshopRateDays: days.default(91),
    workshopCoverageP1Months: months.default(3),
    workshopCoverageMonths: months.default(12),
    /** renewalQuestionRate counts renewals within this many months (their window to ask has closed). */
    renewalQuestionMonths: months.default(3),
    /** The window to ask opens this many months before the renewal and closes renewalQuestionMonths before it. */
    renewalQuestionLeadMonths: months.default(4),
    atRiskRenewalDays: days.default(90),
    /** Onboarding cohort: starts in the trailing 12 months (report default). */
    onboardingCohortMonths: months.default(12),
    /** President's Club adoptionPlaysWon: plays won in the 12 months up to the cut-off. */
    adoptionPlaysMonths: months.default(12),
    ptoLookaheadDays: days.default(30),
    /** An Active success plan not updated within this many months is stale (a quarterly review): the CSM's actions and the review checklist list it (report default). */
    successPlanStaleMonths: months.default(3),
  })
  .refine((w) => w.renewalQuestionLeadMonths > w.renewalQuestionMonths, {
    error: 'renewalQuestionLeadMonths must be more than renewalQuestionMonths (the window to ask opens before it closes)',
    path: ['renewalQuestionLeadMonths'],
  });

/** Per file, per contract column: a boolean setting (dayFirst, decimalComma). */
const perColumnFlag = z.partialRecord(fileName, z.record(z.string(), z.boolean()));

/** A URL template of a record in its source system: https only, `{id}` where the record's ID goes. */
const linkTemplate = z
  .string()
  .refine((s) => { try { return new URL(s.replaceAll('{id}', 'x')).protocol === 'https:'; } catch { return false; } }, { error: 'must be an https: URL, e.g. "https://acme.my.salesforce.com/{id}"' })
  .refine((s) => s.includes('{id}'), { error: 'must contain {id}, where the record\'s ID goes' });

/**
 * Per record kind, the template of a link to the record in Gainsight or Salesforce; unset kinds are
 * not linked. People have no kind: the roster holds a name and an email, no record ID to link with.
 */
export const LinkTemplatesSchema = z.strictObject({
  account: linkTemplate,
  opportunity: linkTemplate,
  successPlan: linkTemplate,
  cta: linkTemplate,
}).partial();
export type LinkTemplates = z.output<typeof LinkTemplatesSchema>;

export const ConfigSchema = z.strictObject({
  /** The as-of date T when --as-of is not given (a shipped sample fixes it to stay reproducible). */
  asOf: z.iso.date().optional(),
  maxRejectRate: fraction.default(0.05),
  maxRowDrop: fraction.default(0.2),
  timeZone: z
    .string()
    .refine((tz) => { try { new Intl.DateTimeFormat('en-US', { timeZone: tz }); return true; } catch { return false; } }, { error: 'not an IANA time zone name' })
    .default('UTC'),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(2),
  dayFirst: perColumnFlag.default({}),
  decimalComma: perColumnFlag.default({}),
  /** Per file: a WHATWG Encoding label such as `shift_jis`. */
  encoding: z
    .partialRecord(fileName, z.string().refine((l) => { try { new TextDecoder(l); return true; } catch { return false; } }, { error: 'not a WHATWG encoding label' }))
    .default({}),
  /** Per file: contract header → the org's header. */
  columns: z.partialRecord(fileName, z.record(z.string(), z.string())).default({}),
  /** A cell longer than this is rejected (`cell-too-long`); a spreadsheet cell's limit by default. */
  maxCellLength: z.number().int().positive().default(32_767),
  /** Where history snapshots live; relative paths are relative to the data folder. */
  historyDir: z.string().default('history'),
  /** License utilisation below this is an adoption risk. */
  lowLicenseUtilization: fraction.default(0.5),
  /** License utilisation at or above this is "first value". */
  firstValueUtilization: fraction.default(0.1),
  /** Strategic accounts per CSM that count as `highArr` (the book's highest ARR): "average 3-5 per CSM" (Enterprise CSMs). */
  highArrAccountsPerCsm: z.number().int().min(1).default(4),
  /** President's Club points for positions 1, 2 and 3 in the team; later positions get 0. */
  presidentsClubPoints: z.tuple([z.number(), z.number(), z.number()]).default([50, 35, 15]),
  /** The URL path the site is served under, e.g. `/cs-report/` for a GitLab project's Pages. */
  basePath: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, { error: 'must start and end with "/" and hold only letters, digits, "-", "_", "." and "~" between, e.g. "/cs-report/"' })
    .default('/'),
  /** Links from records to their source system (DATA-CONTRACT.md "The config"). */
  links: LinkTemplatesSchema.default({}),
  /**
   * The https: URL the site is published at, e.g. `https://example.gitlab.io/cs-report/`: the Atom
   * feeds link to it absolutely. Unset, their links are paths under `basePath`, which a feed reader
   * resolves against the feed's own address.
   */
  siteUrl: z
    .string()
    .refine((s) => { try { return new URL(s).protocol === 'https:'; } catch { return false; } }, { error: 'must be an https: URL, e.g. "https://example.gitlab.io/cs-report/"' })
    .optional(),
  targets: TargetsSchema.prefault({}),
  windows: WindowsSchema.prefault({}),
}).superRefine((config, ctx) => {
  // Two contract columns mapped onto one header would read the same cells twice.
  for (const [file, mapping] of Object.entries(config.columns)) {
    const byHeader = new Map<string, string>();
    for (const [column, header] of Object.entries(mapping ?? {})) {
      const key = header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
      const other = byHeader.get(key);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['columns', file, column], message: `"${other}" and "${column}" are both mapped onto the header "${header}"; map each contract column onto a header of its own` });
      } else byHeader.set(key, column);
    }
  }
  // A range whose min is above its max can never be met.
  const ranges = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== 'object' || value === null) return;
    const r = value as Record<string, unknown>;
    if (typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max) {
      ctx.addIssue({ code: 'custom', path, message: `min (${r.min}) is above max (${r.max})` });
    }
    for (const [k, v] of Object.entries(r)) ranges(v, [...path, k]);
  };
  ranges(config.targets, ['targets']);
  ranges(config.windows, ['windows']);
});

export type Config = z.output<typeof ConfigSchema>;
export type Targets = Config['targets'];
export type Windows = Config['windows'];

/** The defaults, as a config file with no keys gives them. */
export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

/** Validates a parsed config file; issues name the dotted key path. */
export function parseConfig(input: unknown): { ok: true; config: Config } | { ok: false; errors: string[] } {
  const r = ConfigSchema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => {
      const path = i.path.join('.');
      return `${path ? `${path}: ` : ''}${i.message}`;
    }),
  };
}
