/**
 * The full build, at the I/O edge: config → read and validate the exports → exit-code rules →
 * report model → Astro pages, metrics.json, quality.json, rejected-rows CSVs, search index → swap
 * into the output folder → history snapshot. A failed build leaves the output folder untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config, ExportFile } from '../config.ts';
import { dayFromIso, type Day } from '../dates.ts';
import { exitCodeFor, formatQualityTable } from '../ingest/outcome.ts';
import { readExports, type ExportsRead } from '../ingest/read-exports.ts';
import { buildReport } from '../report/build-report.ts';
import { snapshotOf, type Snapshot } from '../report/history.ts';
import { metricsJson } from '../report/metrics-json.ts';
import { searchRecords, type SearchRecord } from '../report/search-records.ts';
import type { QbrReport } from '../report/qbr.ts';
import type { PresidentsClubStanding } from '../report/model.ts';
import { loadConfig, todayIn } from './config-file.ts';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** YYYY-MM-DD; default: the config's asOf, else today in the configured time zone. */
  asOf?: string | undefined;
  /** Config file; default: `<dataDir>/config.json` when it exists. */
  configPath?: string | undefined;
  allowDrop?: boolean;
  /** Render pages with Astro (off for the history backfill, which needs only the snapshot). */
  render?: boolean;
  log?: (line: string) => void;
}

export const EXIT = { ok: 0, fatal: 2, tooManyRejected: 3, suspiciousDrop: 4 } as const;

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the build and returns the process exit code. */
export async function runBuild(opts: BuildOptions): Promise<number> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const step = timer(log);

  const loaded = await loadConfig(opts.configPath, opts.dataDir);
  if (!loaded.ok) {
    for (const e of loaded.errors) log(e);
    return EXIT.fatal;
  }
  const config = loaded.config;
  const asOfIso = opts.asOf ?? config.asOf ?? todayIn(config.timeZone);
  let asOf: Day;
  try {
    asOf = dayFromIso(asOfIso);
  } catch (e) {
    log(`--as-of: ${(e as Error).message}`);
    return EXIT.fatal;
  }
  const historyDir = path.resolve(opts.dataDir, config.historyDir);

  let read: ExportsRead | null = await readExports(opts.dataDir, config, {
    asOf,
    onProgress: (p) => process.stderr.write(`\r  ${p.file}: ${p.rows.toLocaleString('en-US')} rows (${Math.round(p.rowsPerSecond).toLocaleString('en-US')}/s)   `),
  });
  process.stderr.write('\r\x1b[K');
  step('read and validate the exports');
  log(formatQualityTable(read.quality));
  const previous = await readJson<{ accepted: Partial<Record<ExportFile, number>> }>(path.join(historyDir, 'last-build.json'));
  const outcome = exitCodeFor(read.quality, config, previous?.accepted ?? null, opts.allowDrop ?? false);
  for (const m of outcome.messages) log(m);
  if (outcome.code !== EXIT.ok || !read.tables) {
    log(`Build stopped (exit code ${outcome.code || EXIT.fatal}); ${opts.outDir} was left as it was.`);
    return outcome.code || EXIT.fatal;
  }

  const render = opts.render !== false;
  const qbrDir = path.join(historyDir, 'qbr');
  const frozenClub = await readFrozenPresidentsClub(path.join(historyDir, 'presidents-club'));
  const outputs = await computeOutputs(read, config, asOf, historyDir, render ? await readFrozenQbrs(qbrDir) : null, frozenClub);
  read = null; // the tables are no longer needed: let them go before rendering
  step('compute the metrics');

  if (render) {
    const staging = `${path.resolve(opts.outDir)}.staging-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    try {
      await renderSite(outputs.modelFile, staging, config.basePath);
      step('render the pages');
      for (const [file, text] of Object.entries(outputs.siteFiles)) {
        await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
        await writeFile(path.join(staging, file), text);
      }
      await indexForSearch(staging, outputs.searchRecords);
      step('index for search');
      await swapInto(staging, path.resolve(opts.outDir));
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      throw e;
    } finally {
      await rm(outputs.modelFile, { force: true });
    }
    log(`Site written to ${opts.outDir} (as of ${outputs.asOf}, ${outputs.fiscalQuarter}).`);
  } else await rm(outputs.modelFile, { force: true });

  // Only a successful build reaches here: its history entries are written last.
  for (const [file, text] of Object.entries(outputs.historyFiles)) {
    await mkdir(path.dirname(path.join(historyDir, file)), { recursive: true });
    await writeFile(path.join(historyDir, file), text);
  }
  return EXIT.ok;
}

interface Outputs {
  asOf: string;
  fiscalQuarter: string;
  /** The report model as JSON on disk, for the pages. */
  modelFile: string;
  /** Site path → content: metrics.json, quality.json, the rejected-rows CSVs. */
  siteFiles: Record<string, string>;
  /** History path → content: the snapshot, newly closed quarters' QBRs, last-build.json. */
  historyFiles: Record<string, string>;
  searchRecords: SearchRecord[];
}

/**
 * Computes the report model and every file made from it, then lets the tables and the model go:
 * rendering reads the model from disk, so the build does not hold two copies of it.
 */
async function computeOutputs(
  read: ExportsRead,
  config: Config,
  asOf: Day,
  historyDir: string,
  frozenQbrs: Record<string, QbrReport> | null,
  frozenPresidentsClub: Record<string, PresidentsClubStanding>,
): Promise<Outputs> {
  const history = await readHistory(historyDir);
  const rejectedFiles = Object.fromEntries(
    Object.keys(read.rejectedCsv).map((file) => [file, `data-quality/${file.replace(/\.csv$/, '')}.rejected.csv`]),
  );
  const model = buildReport({ tables: read.tables!, config, asOf, history, quality: read.quality, rejectedFiles, frozenQbrs, frozenPresidentsClub });
  const modelFile = path.join(tmpdir(), `report-model-${process.pid}-${Date.now()}.json`);
  await writeFile(modelFile, JSON.stringify(model));

  const siteFiles: Record<string, string> = {
    'metrics.json': `${JSON.stringify(metricsJson(model), null, 2)}\n`,
    'quality.json': `${JSON.stringify(read.quality, null, 2)}\n`,
  };
  for (const [file, csv] of Object.entries(read.rejectedCsv)) siteFiles[rejectedFiles[file]!] = csv;

  const historyFiles: Record<string, string> = {};
  // A closed quarter's QBR is stored once, then used as stored by every later build.
  for (const report of model.qbr) {
    if (report.closed && !frozenQbrs?.[report.quarter]) historyFiles[`qbr/${report.quarter}.json`] = `${JSON.stringify(report)}\n`;
  }
  // Likewise an ended fiscal year's President's Club standings.
  for (const standing of model.presidentsClub) {
    if (standing.closed && !frozenPresidentsClub[standing.fiscalYear]) historyFiles[`presidents-club/${standing.fiscalYear}.json`] = `${JSON.stringify(standing)}\n`;
  }
  historyFiles[`${model.asOf}.json`] = `${JSON.stringify(snapshotOf(model, config.windows.atRiskRenewalDays))}\n`;
  const accepted = Object.fromEntries(Object.entries(read.quality.files).filter(([, f]) => f.present).map(([file, f]) => [file, f.accepted]));
  historyFiles['last-build.json'] = `${JSON.stringify({ asOf: model.asOf, accepted }, null, 2)}\n`;
  return { asOf: model.asOf, fiscalQuarter: model.fiscalQuarter, modelFile, siteFiles, historyFiles, searchRecords: searchRecords(model) };
}

/** Renders the Astro site for the report model in `modelFile` into `outDir`, to be served under `basePath`. */
export async function renderSite(modelFile: string, outDir: string, basePath = '/'): Promise<void> {
  process.env.REPORT_MODEL = modelFile;
  process.env.REPORT_BASE_PATH = basePath; // astro.config.mjs and the pages' links read it
  const { build } = await import('astro');
  await build({ root: PROJECT_ROOT, outDir, logLevel: 'warn' });
}

/** Writes the Pagefind search index of the accounts, CSMs and teams into the built site. */
async function indexForSearch(siteDir: string, records: readonly SearchRecord[]): Promise<void> {
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('search index: Pagefind could not start');
  for (const r of records) {
    const { errors } = await index.addCustomRecord(r);
    if (errors.length > 0) throw new Error(`search index: ${errors.join('; ')}`);
  }
  await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  await pagefind.close();
}

/** Replaces `outDir` by `staging` with two renames, so a reader never sees a half-written site. */
async function swapInto(staging: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}

/** Every snapshot in the history folder (YYYY-MM-DD.json files). */
export async function readHistory(historyDir: string): Promise<Snapshot[]> {
  if (!existsSync(historyDir)) return [];
  const files = (await readdir(historyDir)).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(historyDir, f), 'utf8')) as Snapshot));
}

/** The stored QBR reports of closed quarters, by quarter id. */
async function readFrozenQbrs(qbrDir: string): Promise<Record<string, QbrReport>> {
  if (!existsSync(qbrDir)) return {};
  const files = (await readdir(qbrDir)).filter((f) => /^FY\d{2}-Q[1-4]\.json$/.test(f)).sort();
  const reports = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(qbrDir, f), 'utf8')) as QbrReport));
  return Object.fromEntries(reports.map((r) => [r.quarter, r]));
}

/** The stored President's Club standings of ended fiscal years, by fiscal year id. */
async function readFrozenPresidentsClub(dir: string): Promise<Record<string, PresidentsClubStanding>> {
  if (!existsSync(dir)) return {};
  const files = (await readdir(dir)).filter((f) => /^FY\d{4}\.json$/.test(f)).sort();
  const standings = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as PresidentsClubStanding));
  return Object.fromEntries(standings.map((s) => [s.fiscalYear, s]));
}

async function readJson<T>(file: string): Promise<T | null> {
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

function timer(log: (line: string) => void): (label: string) => void {
  let last = performance.now();
  return (label) => {
    const now = performance.now();
    log(`✓ ${label} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
}
