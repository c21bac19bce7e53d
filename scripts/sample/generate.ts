/**
 * Writes the sample org's exports: every file of the data contract, each with the quirks a real
 * export of its kind has (encoding, BOM, line ends, quoting, footers, renamed headers).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromIso } from '../../src/dates.ts';
import { ACTIVITY_HEADER, writeActivities } from './activities.ts';
import { openCsv, type CsvFileOptions, type CsvWriter } from './csv-writer.ts';
import { OPPORTUNITY_HEADER, writeOpportunities } from './opportunities.ts';
import { buildOrg, type SampleOrg } from './org.ts';
import { CTA_HEADER, SUCCESS_PLAN_HEADER, writeCtas, writeSuccessPlans } from './plays.ts';
import { createRng, seedFromText, type Rng } from './random.ts';
import { ACCOUNT_HEADER, ACCOUNT_NAME_HEADER, CSM_HEADER, writeAccounts, writeCsms } from './roster-accounts.ts';
import { LICENSE_USAGE_HEADER, PTO_HEADER, writeLicenseUsage, writePto } from './usage-pto.ts';

export interface SampleOptions {
  /** Org size: 1 ≈ 40 people, 600 accounts, 55k activities; it grows linearly. */
  scale: number;
  /** Output folder (created when missing). */
  outDir: string;
  seed: string;
  /** The as-of date, `YYYY-MM-DD`. */
  asOf: string;
  /**
   * The day the exports stand on (`YYYY-MM-DD`, not after `asOf`; default `asOf`): the same org as a
   * nightly export on that day saw it. Its events are the full export's events up to that day, row
   * for row; the accounts' state (priority, health, plans, renewals, ARR) is as it was then.
   */
  on?: string | undefined;
  /** The history folder to name in config.json (for a build of an earlier day into shared history). */
  historyDir?: string | undefined;
}

export const DEFAULT_SAMPLE: Omit<SampleOptions, 'outDir'> = { scale: 1, seed: 'cs-report-sample', asOf: '2026-11-20' };

interface FileSpec {
  name: string;
  header: readonly string[];
  options: CsvFileOptions;
  write: (rng: Rng, org: SampleOrg, out: CsvWriter) => void;
}

/** Each file with the way its source tool writes it. */
export const SAMPLE_FILES: readonly FileSpec[] = [
  // CTAs first: an account's priority on an earlier day follows the expansion plays open then.
  { name: 'ctas.csv', header: CTA_HEADER, options: {}, write: writeCtas },
  // Saved from Excel as "CSV UTF-8": a byte-order mark and CRLF.
  { name: 'csms.csv', header: CSM_HEADER, options: { bom: true, eol: '\r\n' }, write: writeCsms },
  // An org whose Gainsight export is Windows-1252.
  { name: 'accounts.csv', header: ACCOUNT_HEADER, options: { encoding: 'windows-1252' }, write: writeAccounts },
  { name: 'activities.csv', header: ACTIVITY_HEADER, options: {}, write: writeActivities },
  { name: 'success_plans.csv', header: SUCCESS_PLAN_HEADER, options: {}, write: writeSuccessPlans },
  // Salesforce report exports quote every field and end lines with CRLF.
  { name: 'opportunities.csv', header: OPPORTUNITY_HEADER, options: { eol: '\r\n', quoteAll: true }, write: writeOpportunities },
  { name: 'license_usage.csv', header: LICENSE_USAGE_HEADER, options: {}, write: writeLicenseUsage },
  { name: 'pto.csv', header: PTO_HEADER, options: {}, write: writePto },
];

/** The config the sample needs: its as-of date and the one renamed header. */
export function sampleConfig(asOf: string, historyDir?: string): object {
  return { asOf, columns: { accounts: { 'Account Name': ACCOUNT_NAME_HEADER } }, ...(historyDir ? { historyDir } : {}) };
}

/** Generates the sample into `outDir`; returns the data rows written per file. */
export function generateSample(options: SampleOptions): Record<string, number> {
  if (!Number.isInteger(options.scale) || options.scale < 1) throw new Error(`scale must be a whole number ≥ 1, got ${options.scale}`);
  const asOf = dayFromIso(options.asOf);
  const org = buildOrg(createRng(seedFromText(options.seed)), options.scale, asOf);
  const on = options.on ?? options.asOf;
  org.cutoff = dayFromIso(on);
  if (org.cutoff > asOf) throw new Error(`the day the exports stand on (${on}) is after the as-of date ${options.asOf}`);
  mkdirSync(options.outDir, { recursive: true });
  const rows: Record<string, number> = {};
  for (const file of SAMPLE_FILES) {
    // Each file draws from its own stream, so a change in one file leaves the others as they were.
    const rng = createRng(seedFromText(`${options.seed}/${file.name}`));
    const out = openCsv(join(options.outDir, file.name), file.options);
    out.row(file.header);
    file.write(rng, org, out);
    out.close();
    rows[file.name] = out.rows - 1;
  }
  writeFileSync(join(options.outDir, 'config.json'), JSON.stringify(sampleConfig(on, options.historyDir), null, 2) + '\n');
  return rows;
}
