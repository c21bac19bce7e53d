/**
 * The export reader's entry point: reads the files of the data folder in the contract's order
 * (csms.csv, then accounts.csv, then the rest, so later files can resolve people and accounts)
 * and gives the tables, the quality report and the rejected-rows files. The only module of the
 * reader that touches the file system.
 */
import path from 'node:path';
import type { Config, ExportFile } from '../config.ts';
import { fileKeyOf } from '../config.ts';
import type { Day } from '../dates.ts';
import { decodeSource } from './decode.ts';
import type { FileAccount, QualityIssue, QualityReport } from './quality.ts';
import { NotRegularFileError, openRegular, type OpenedFile } from './regular-file.ts';
import { readTable, type TableContext, type TableRead } from './read-table.ts';
import { Roster } from './roster.ts';
import { ACCOUNTS, ACTIVITIES, CSMS, CTAS, LICENSE_USAGE, OPPORTUNITIES, PTO, SUCCESS_PLANS, type FileSpec, type Person } from './schemas.ts';
import type { Tables } from './tables.ts';

export interface ExportsRead {
  /** Null when a fatal issue stopped the read. */
  tables: Tables | null;
  quality: QualityReport;
  /** CSV text per file that has rejected rows. */
  rejectedCsv: Partial<Record<ExportFile, string>>;
}

/** Reads, validates and cross-checks every export of `dataDir`. */
export async function readExports(
  dataDir: string,
  config: Config,
  opts: { asOf: Day; onProgress?: (p: { file: string; rows: number; rowsPerSecond: number }) => void },
): Promise<ExportsRead> {
  const quality: QualityReport = { files: {}, issues: [] };
  const rejected: Partial<Record<ExportFile, string>> = {};
  quality.issues.push(...contractConfigIssues(config));
  let fatal = quality.issues.some((i) => i.severity === 'fatal');
  const ctx: TableContext = { config, asOf: opts.asOf, roster: null, accountIds: null, onProgress: opts.onProgress };

  /** Reads one file; after a fatal issue only the file's encoding and header are still checked. */
  async function read<Row>(spec: FileSpec<Row>): Promise<Row[] | null> {
    const file = spec.file;
    const full = path.join(dataDir, file);
    let opened: OpenedFile;
    try {
      opened = await openRegular(full);
    } catch (e) {
      if (e instanceof NotRegularFileError) {
        quality.issues.push(issue(file, 'not-a-regular-file', 'fatal', `${full} is ${e.kind}, not a regular file: only regular files are read. Put the export itself in the data folder`));
        fatal = true;
        return null;
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        quality.issues.push(issue(file, 'unreadable-file', 'fatal', `${full} cannot be read: ${(e as Error).message}`));
        fatal = true;
        return null;
      }
      quality.issues.push(
        spec.required
          ? issue(file, 'missing-file', 'fatal', `${file} is required but was not found in ${dataDir}`)
          : issue(file, 'missing-file', 'info', `${file} was not supplied; the metrics that need it are left out`),
      );
      if (spec.required) fatal = true;
      else quality.files[file] = account(null, false, null);
      return null;
    }
    try {
      return readOpened(spec, opened);
    } catch (e) {
      throw new Error(`${full}: ${(e as Error).message}`, { cause: e });
    } finally {
      await opened.handle.close();
    }
  }

  /** Reads one opened file: read and decoded piece by piece as the rows are read, never held whole. */
  function readOpened<Row>(spec: FileSpec<Row>, opened: OpenedFile): Row[] | null {
    const file = spec.file;
    const decoded = decodeSource(opened, config.encoding[fileKeyOf(file)]);
    if (!decoded.ok) {
      quality.issues.push(issue(file, 'undecodable', 'fatal', `${file} cannot be decoded: ${decoded.reason}`));
      fatal = true;
      return null;
    }
    if (decoded.fallback) {
      quality.issues.push(issue(file, 'encoding-fallback', 'warning', `${file} is not UTF-8; read as Windows-1252 (what Excel writes). Export as UTF-8, or name the encoding in the config under encoding`));
    }
    const t: TableRead<Row> = readTable(spec, decoded.text, fatal ? { ...ctx, headerOnly: true } : ctx);
    quality.issues.push(...t.issues);
    if (t.issues.some((i) => i.severity === 'fatal')) fatal = true;
    const fileWarnings = quality.issues.filter((i) => i.file === file && i.severity === 'warning').length;
    if (t.rows === null && !spec.required && !fatal) {
      quality.files[file] = account(null, false, null);
      return null;
    }
    if (t.rows === null) return null;
    quality.files[file] = {
      read: t.read,
      accepted: t.accepted,
      rejected: t.rejected,
      footerLines: t.footerLines,
      warnings: fileWarnings,
      exportTime: t.exportTime ?? opened.mtime.toISOString(),
      exportTimeSource: t.exportTime ? 'footer' : 'mtime',
      present: true,
    };
    if (t.rejectedCsv) rejected[file] = t.rejectedCsv;
    if (spec === (CSMS as unknown)) rosterChecks(t as unknown as TableRead<Person>);
    return t.rows;
  }

  /** Manager and backup emails must name roster people; kept as they are when not, with a warning. */
  function rosterChecks(t: TableRead<Person>): void {
    const rows = t.rows ?? [];
    const emails = new Set(rows.map((p) => p.email));
    let warnings = 0;
    rows.forEach((p, i) => {
      if (p.managerEmail && !emails.has(p.managerEmail)) {
        quality.issues.push({ file: 'csms.csv', line: t.lines[i]!, column: 'Manager Email', value: p.managerEmail, rule: 'unknown-manager', severity: 'warning', message: `Manager Email ${p.managerEmail} names nobody in csms.csv; ${p.name} has no manager` });
        p.managerEmail = null;
        warnings++;
      }
      if (p.backupEmail && !emails.has(p.backupEmail)) {
        quality.issues.push({ file: 'csms.csv', line: t.lines[i]!, column: 'Backup CSM Email', value: p.backupEmail, rule: 'unknown-person', severity: 'warning', message: `Backup CSM Email ${p.backupEmail} names nobody in csms.csv` });
        warnings++;
      }
    });
    quality.files['csms.csv']!.warnings += warnings;
  }

  const csms = await read(CSMS);
  ctx.roster = new Roster(csms ?? []);
  const accounts = await read(ACCOUNTS);
  ctx.accountIds = new Set((accounts ?? []).map((a) => a.id));
  const activities = await read(ACTIVITIES);
  const successPlans = await read(SUCCESS_PLANS);
  const ctas = await read(CTAS);
  const opportunities = await read(OPPORTUNITIES);
  const licenseUsage = await read(LICENSE_USAGE);
  const pto = await read(PTO);

  const tables: Tables | null =
    fatal || !csms || !accounts || !activities ? null : { csms, accounts, activities, successPlans, ctas, opportunities, licenseUsage, pto };
  return { tables, quality, rejectedCsv: rejected };
}

function issue(file: string, rule: string, severity: QualityIssue['severity'], message: string, column: string | null = null): QualityIssue {
  return { file, line: null, column, value: null, rule, severity, message };
}

function account(exportTime: string | null, present: boolean, source: FileAccount['exportTimeSource']): FileAccount {
  return { read: 0, accepted: 0, rejected: 0, footerLines: 0, warnings: 0, exportTime, exportTimeSource: source, present };
}

const SPECS: FileSpec<never>[] = [CSMS, ACCOUNTS, ACTIVITIES, SUCCESS_PLANS, CTAS, OPPORTUNITIES, LICENSE_USAGE, PTO] as unknown as FileSpec<never>[];

/**
 * Config settings that name contract columns must name real ones: a mistyped column in
 * `columns`, `dayFirst` or `decimalComma` would otherwise be silently ignored.
 */
export function contractConfigIssues(config: Config): QualityIssue[] {
  const out: QualityIssue[] = [];
  for (const spec of SPECS) {
    const key = fileKeyOf(spec.file);
    for (const setting of ['columns', 'dayFirst', 'decimalComma'] as const) {
      for (const column of Object.keys(config[setting][key] ?? {})) {
        if (!(column in spec.columns)) {
          const known = Object.keys(spec.columns).map((c) => `"${c}"`).join(', ');
          out.push(issue('config', 'invalid-config', 'fatal', `config ${setting}.${key}: "${column}" is not a column of ${spec.file}; its columns are ${known}`, column));
        }
      }
    }
  }
  return out;
}
