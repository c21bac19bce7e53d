/**
 * The full build, at the I/O edge: config → read and validate the exports → exit-code rules →
 * report model → Astro pages, metrics.json, quality.json, rejected-rows CSVs, search index → swap
 * into the output folder → history. `npm run check` runs the same steps up to the exit-code rules
 * and writes nothing. What the build may touch is DATA-CONTRACT.md's "What the build may touch":
 * the output folder (only one it built, see site-dir.ts), the history folder and a private
 * working folder beside the output folder. The report model stays in memory.
 */
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { dayFromIso, type Day } from '../dates.ts';
import { exitCodeFor, formatQualityTable } from '../ingest/outcome.ts';
import { readExports, type ExportsRead } from '../ingest/read-exports.ts';
import { buildReport } from '../report/build-report.ts';
import { snapshotOf, type Snapshot } from '../report/history.ts';
import type { PresidentsClubStanding, ReportModel } from '../report/model.ts';
import { metricsJson } from '../report/metrics-json.ts';
import type { QbrReport } from '../report/qbr.ts';
import { searchRecords, type SearchRecord } from '../report/search-records.ts';
import { onEnd, removeOnEnd } from './cleanup.ts';
import { loadConfig, todayIn } from './config-file.ts';
import { describeError, during, ensureDir, withFile } from './errors.ts';
import { faultPoint } from './fault.ts';
import { collectGarbageNow } from './heap.ts';
import { readHistoryFolder, removeHistoryTemps, writeHistoryFiles, type HistoryRead } from './history-files.ts';
import { acquireLock } from './lock.ts';
import { indexForSearch, renderSite } from './render.ts';
import { checkOut, markSite, publish, recoverOut, stagingFolder, stateDirOf, type OutState } from './site-dir.ts';

export { renderSite } from './render.ts';

export interface BuildOptions {
  dataDir: string;
  /** The site folder; '' with `render: false`. */
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

export const EXIT = { ok: 0, failed: 1, fatal: 2, tooManyRejected: 3, suspiciousDrop: 4 } as const;

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** What the build and the check share: the config, the as-of date, the exports read and the verdict. */
interface Evaluated {
  code: number;
  config: Config;
  asOf: Day;
  historyDir: string;
  history: HistoryRead;
  read: ExportsRead;
}

/**
 * Loads the config, checks the as-of date, reads the history and the exports and applies the
 * exit-code rules. With `readOnly` nothing is written or renamed. `beforeRead` runs once the
 * history folder is known (the build takes its locks there); a message it returns stops with exit 2.
 */
export async function evaluate(
  opts: Omit<BuildOptions, 'outDir' | 'render'>,
  readOnly: boolean,
  beforeRead: (historyDir: string) => Promise<string | null> = async () => null,
): Promise<Evaluated | number> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const loaded = await loadConfig(opts.configPath, opts.dataDir);
  if (!loaded.ok) {
    for (const e of loaded.errors) log(`fatal   config: ${e}`);
    return EXIT.fatal;
  }
  const config = loaded.config;
  const asOfIso = opts.asOf ?? config.asOf ?? todayIn(config.timeZone);
  let asOf: Day;
  try {
    asOf = dayFromIso(asOfIso);
    const year = Number(asOfIso.slice(0, 4));
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw new Error(`${asOfIso} is outside the years ${FIRST_YEAR} to ${LAST_YEAR}`);
  } catch (e) {
    log(`fatal   --as-of: ${(e as Error).message}; give a real date as YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}.`);
    return EXIT.fatal;
  }
  const historyDir = path.resolve(opts.dataDir, config.historyDir);
  const refusal = await beforeRead(historyDir);
  if (refusal) {
    log(`fatal   ${refusal}`);
    return EXIT.fatal;
  }
  const history = await readHistoryFolder(historyDir, { readOnly, qbrs: !readOnly });
  for (const note of history.notes) log(note);
  await faultPoint('read');
  const read = await readExports(opts.dataDir, config, {
    asOf,
    onProgress: (p) => process.stderr.write(`\r  ${p.file}: ${p.rows.toLocaleString('en-US')} rows (${Math.round(p.rowsPerSecond).toLocaleString('en-US')}/s)   `),
  });
  process.stderr.write('\r\x1b[K');
  log(formatQualityTable(read.quality));
  const outcome = exitCodeFor(read.quality, config, history.lastBuild?.accepted ?? null, opts.allowDrop ?? false);
  for (const m of outcome.messages) log(m);
  const code = outcome.code !== EXIT.ok || !read.tables ? outcome.code || EXIT.fatal : EXIT.ok;
  return { code, config, asOf, historyDir, history, read };
}

/** Runs the build and returns the process exit code. */
export async function runBuild(opts: BuildOptions): Promise<number> {
  const log = opts.log ?? ((line: string) => console.log(line));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const undo: (() => void)[] = [];
  try {
    return await build(opts, log, undo);
  } catch (e) {
    log(`error   ${describeError(e)}`);
    log(`Build failed (exit code ${EXIT.failed}); ${opts.outDir || 'the site'} and the history were left as they were.`);
    return EXIT.failed;
  } finally {
    for (const u of undo.reverse()) {
      try {
        u();
      } catch {
        // The build's own outcome is what is reported.
      }
    }
  }
}

async function build(opts: BuildOptions, log: (line: string) => void, undo: (() => void)[]): Promise<number> {
  const step = timer(log);
  const render = opts.render !== false;
  const out = render ? path.resolve(opts.outDir) : '';
  let outState: OutState = { kind: 'absent' };

  const evaluated = await evaluate(opts, false, async (historyDir) => {
    if (render) {
      outState = await checkOut(out, opts.dataDir, historyDir);
      if (outState.kind === 'refused') return outState.message;
      await ensureDir(stateDirOf(out));
      const lock = await acquireLock(path.join(stateDirOf(out), 'lock'), `the output folder ${out}`);
      if (!lock.ok) return lock.message;
      undo.push(onEnd(() => lock.release()));
    }
    await ensureDir(historyDir);
    const lock = await acquireLock(path.join(historyDir, '.lock'), `the history folder ${historyDir}`);
    if (!lock.ok) return lock.message;
    undo.push(onEnd(() => lock.release()));
    // What a killed build left half-done is finished or undone before anything else.
    if (render) for (const note of await recoverOut(out)) log(`info    ${note}`);
    await removeHistoryTemps(historyDir);
    if (render) {
      outState = await checkOut(out, opts.dataDir, historyDir);
      if (outState.kind === 'refused') return outState.message;
    }
    return null;
  });
  if (typeof evaluated === 'number') return evaluated;
  step('read and validate the exports');
  const { code, config, asOf, historyDir, history } = evaluated;
  if (code !== EXIT.ok) {
    log(`Build stopped (exit code ${code}); ${opts.outDir || 'the site'} and the history were left as they were.`);
    return code;
  }

  let read: ExportsRead | null = evaluated.read;
  const outputs = computeOutputs(read, config, asOf, history.snapshots, render ? history.frozenQbrs : null, history.frozenPresidentsClub);
  read = null; // the tables are no longer needed: let them go before rendering
  evaluated.read = null as unknown as ExportsRead;
  if (render) collectGarbageNow();
  step('compute the metrics');
  await faultPoint('metrics');

  if (render) {
    const staging = await stagingFolder(out);
    undo.push(removeOnEnd(staging));
    // Astro's working folder sits beside the site it writes, on the same file system (Astro moves
    // files from one to the other), readable by the running user only.
    const work = await mkdtemp(path.join(stateDirOf(out), 'work-'));
    undo.push(removeOnEnd(work));
    // The search index is made from the model, not from the pages: Pagefind (a process of its own)
    // builds it into the working folder while Astro renders, and it is moved into the site after.
    const searchDir = path.join(work, 'pagefind');
    const searchStarted = performance.now();
    let searchMs = 0;
    const search = during(`writing the search index into ${searchDir}`, indexForSearch(searchDir, outputs.searchRecords)).then(() => {
      searchMs = performance.now() - searchStarted;
    });
    search.catch(() => {}); // awaited below; a failed render must not leave it unhandled
    try {
      await during(`rendering the pages into ${staging}`, renderSite(outputs.model, staging, config.basePath, work));
    } catch (e) {
      await search.catch(() => {}); // Pagefind writes into the working folder: it ends before that goes
      throw e;
    }
    step('render the pages');
    await faultPoint('render');
    for (const [file, text] of Object.entries(outputs.siteFiles)) {
      await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
      await withFile(path.join(staging, file), writeFile(path.join(staging, file), text));
    }
    await search;
    await withFile(path.join(staging, 'pagefind'), rename(searchDir, path.join(staging, 'pagefind')));
    await withFile(staging, markSite(staging));
    step('index for search');
    log(`  the search index took ${(searchMs / 1000).toFixed(1)} s, beside the render`);
    await faultPoint('search-index');
    await publish(staging, out, outState);
    log(`Site written to ${opts.outDir} (as of ${outputs.asOf}, ${outputs.fiscalQuarter}).`);
  }

  // Only a successful build reaches here: its history entries are written last.
  await writeHistoryFiles(historyDir, outputs.historyFiles());
  return EXIT.ok;
}

interface Outputs {
  asOf: string;
  fiscalQuarter: string;
  /** The report model, for the pages. */
  model: ReportModel;
  /** Site path → content: metrics.json, quality.json, the rejected-rows CSVs. */
  siteFiles: Record<string, string>;
  /**
   * History path → content: the snapshot, newly closed quarters' QBRs, last-build.json. Made when
   * they are written, not held as text through the render.
   */
  historyFiles: () => Record<string, string>;
  searchRecords: SearchRecord[];
}

/** Computes the report model and every file made from it; the tables are not kept. */
function computeOutputs(
  read: ExportsRead,
  config: Config,
  asOf: Day,
  history: Snapshot[],
  frozenQbrs: Record<string, QbrReport> | null,
  frozenPresidentsClub: Record<string, PresidentsClubStanding>,
): Outputs {
  const rejectedFiles = Object.fromEntries(
    Object.keys(read.rejectedCsv).map((file) => [file, `data-quality/${file.replace(/\.csv$/, '')}.rejected.csv`]),
  );
  const model = buildReport({ tables: read.tables!, config, asOf, history, quality: read.quality, rejectedFiles, frozenQbrs, frozenPresidentsClub });
  const siteFiles: Record<string, string> = {
    'metrics.json': `${JSON.stringify(metricsJson(model), null, 2)}\n`,
    'quality.json': `${JSON.stringify(read.quality, null, 2)}\n`,
  };
  for (const [file, csv] of Object.entries(read.rejectedCsv)) siteFiles[rejectedFiles[file]!] = csv;

  const accepted = Object.fromEntries(Object.entries(read.quality.files).filter(([, f]) => f.present).map(([file, f]) => [file, f.accepted]));
  const historyFiles = () => {
    const files: Record<string, string> = {};
    // A closed quarter's QBR is stored once, then used as stored by every later build.
    for (const report of model.qbr) {
      if (report.closed && !frozenQbrs?.[report.quarter]) files[`qbr/${report.quarter}.json`] = `${JSON.stringify(report)}\n`;
    }
    // Likewise an ended fiscal year's President's Club standings.
    for (const standing of model.presidentsClub) {
      if (standing.closed && !frozenPresidentsClub[standing.fiscalYear]) files[`presidents-club/${standing.fiscalYear}.json`] = `${JSON.stringify(standing)}\n`;
    }
    files[`${model.asOf}.json`] = `${JSON.stringify(snapshotOf(model, config.windows.atRiskRenewalDays))}\n`;
    files['last-build.json'] = `${JSON.stringify({ asOf: model.asOf, accepted }, null, 2)}\n`;
    return files;
  };
  return { asOf: model.asOf, fiscalQuarter: model.fiscalQuarter, model, siteFiles, historyFiles, searchRecords: searchRecords(model) };
}

function timer(log: (line: string) => void): (label: string) => void {
  let last = performance.now();
  return (label) => {
    const now = performance.now();
    log(`✓ ${label} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
}
