/**
 * `npm run bench`: the scale-12 sample org (.cache/bench/scale-12, generated once), step by step:
 * 1. reader: read + validate of activities.csv against papaparse's bare streaming parse
 *    (target ≤ 1.75×, peak RSS ≤ 600 MB);
 * 2. metrics: the report model for T against the read + validate of all exports (target ≤ 0.5×),
 *    and the QBR quarters apart;
 * 3. render: our pages per second against a bare Astro page (30-row table, d3 SVG) of the same count
 *    (target ≥ 70%);
 * 4. the whole build (read, metrics, render, search index) in its own process (target < 30 s, < 1 GB).
 * `npm run bench -- --reader` runs step 1 only.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../src/config.ts';
import { dayFromIso } from '../src/dates.ts';
import { decodeChunks } from '../src/ingest/decode.ts';
import { readTable, type TableContext } from '../src/ingest/read-table.ts';
import { Roster } from '../src/ingest/roster.ts';
import { ACCOUNTS, ACTIVITIES, CSMS } from '../src/ingest/schemas.ts';
import { readExports } from '../src/ingest/read-exports.ts';
import { renderSite } from '../src/pipeline/build.ts';
import { buildReport } from '../src/report/build-report.ts';
import type { ReportModel } from '../src/report/model.ts';
import { buildIndex } from '../src/metrics/table-index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = path.join(ROOT, '.cache/bench/scale-12');
const RUNS = 3;
const TARGET_RATIO = 1.75;
const TARGET_RSS_MB = 600;

/** Generates the sample org once; later runs reuse it. */
function ensureSample(): void {
  if (existsSync(path.join(SAMPLE, 'activities.csv'))) return;
  console.log(`generating the scale-12 sample org in ${path.relative(ROOT, SAMPLE)} …`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-sample.ts', '--scale', '12', '--out', SAMPLE], { cwd: ROOT, stdio: 'inherit' });
}

async function loadSampleConfig(): Promise<Config> {
  const file = path.join(SAMPLE, 'config.json');
  if (!existsSync(file)) return DEFAULT_CONFIG;
  const parsed = parseConfig(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.config;
}

/** papaparse alone: read the file, decode it, stream its records through a step callback. */
async function bareParse(): Promise<number> {
  const text = new TextDecoder('utf-8').decode(await readFile(path.join(SAMPLE, 'activities.csv')));
  let rows = 0;
  Papa.parse<string[]>(text, { step: () => void rows++ });
  return rows;
}

/** The reader: read, decode, parse, validate and cross-check activities.csv (roster and accounts read before, untimed). */
function readValidate(ctx: TableContext): () => Promise<number> {
  return async () => {
    const decoded = decodeChunks(await readFile(path.join(SAMPLE, 'activities.csv')), ctx.config.encoding.activities);
    if (!decoded.ok) throw new Error(decoded.reason);
    const t = readTable(ACTIVITIES, decoded.text, ctx);
    return t.read;
  };
}

async function contextFor(config: Config): Promise<TableContext> {
  const asOf = dayFromIso(config.asOf ?? '2026-11-20');
  const ctx: TableContext = { config, asOf, roster: null, accountIds: null };
  const readSpec = async <Row>(spec: typeof CSMS | typeof ACCOUNTS) => {
    const decoded = decodeChunks(await readFile(path.join(SAMPLE, spec.file)));
    if (!decoded.ok) throw new Error(decoded.reason);
    return readTable(spec as never, decoded.text, ctx).rows as Row[];
  };
  ctx.roster = new Roster(await readSpec<{ name: string; email: string }>(CSMS));
  ctx.accountIds = new Set((await readSpec<{ id: string }>(ACCOUNTS)).map((a) => a.id));
  return ctx;
}

// A full collection between runs, so the peak RSS is one run's working set rather than the garbage
// that earlier runs left behind.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Median wall time of `RUNS` runs, in milliseconds, and the row count the step reports. */
async function time(step: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    collect();
    const start = performance.now();
    rows = await step();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, rows };
}

async function main(): Promise<number> {
  ensureSample();
  const config = await loadSampleConfig();
  const ctx = await contextFor(config);
  const STEPS: [string, () => Promise<number>][] = [
    ['papaparse bare streaming parse', bareParse],
    ['read + validate (ours)', readValidate(ctx)],
  ];
  const results = new Map<string, { ms: number; rows: number }>();
  for (const [name, step] of STEPS) {
    const r = await time(step);
    results.set(name, r);
    console.log(`${name.padEnd(32)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.rows.toLocaleString('en-US')} rows  (median of ${RUNS})`);
  }
  const bare = results.get('papaparse bare streaming parse')!.ms;
  const ours = results.get('read + validate (ours)')!.ms;
  const ratio = ours / bare;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`ratio read + validate / bare parse: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×)`);
  console.log(`peak RSS: ${rssMb.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB} MB)`);
  const readOk = ratio <= TARGET_RATIO && rssMb <= TARGET_RSS_MB;
  console.log(readOk ? 'reader: within targets' : 'reader: OUTSIDE TARGETS');
  // `npm run bench -- --reader` stops here: the reader's figures without the render steps.
  if (process.argv.includes('--reader')) return readOk ? 0 : 1;

  // 2. Metrics.
  const asOf = dayFromIso(config.asOf ?? '2026-11-20');
  let read: Awaited<ReturnType<typeof readExports>> | null = null;
  const readAll = await time(async () => {
    read = await readExports(SAMPLE, config, { asOf });
    return read.tables?.activities.length ?? 0;
  });
  const tables = read!.tables!;
  const input = { tables, config, asOf, history: [], quality: read!.quality, rejectedFiles: {} };
  let model: ReportModel | null = null;
  const metrics = await time(async () => {
    model = buildReport({ ...input, frozenQbrs: null }, buildIndex(tables));
    return model.csms.length;
  });
  const withQbr = await time(async () => {
    model = buildReport({ ...input, frozenQbrs: {} }, buildIndex(tables));
    return model.qbr.length;
  });
  const metricsRatio = metrics.ms / readAll.ms;
  console.log(`read + validate, all exports       ${readAll.ms.toFixed(0).padStart(6)} ms  (median of ${RUNS})`);
  console.log(`metrics for T (index + scorecards) ${metrics.ms.toFixed(0).padStart(6)} ms  (median of ${RUNS}); ratio ${metricsRatio.toFixed(2)}× (target ≤ 0.5×)`);
  console.log(`metrics with ${withQbr.rows} QBR quarters       ${withQbr.ms.toFixed(0).padStart(6)} ms  (median of ${RUNS}); ratio ${(withQbr.ms / readAll.ms).toFixed(2)}×`);

  // 3. Render: ours against a bare Astro page of the same count.
  const ourOut = path.join(ROOT, '.cache/bench/render-ours');
  rmSync(ourOut, { recursive: true, force: true });
  const modelFile = path.join(ROOT, '.cache/bench/model.json');
  writeFileSync(modelFile, JSON.stringify(model!));
  model = null;
  let start = performance.now();
  await renderSite(modelFile, ourOut);
  const oursMs = performance.now() - start;
  const pages = countPages(ourOut);
  const bareMs = await renderBare(pages);
  const oursRate = pages / (oursMs / 1000);
  const bareRate = pages / (bareMs / 1000);
  console.log(`render, ours: ${pages.toLocaleString('en-US')} pages in ${(oursMs / 1000).toFixed(1)} s = ${oursRate.toFixed(0)} pages/s`);
  console.log(`render, bare Astro page × ${pages.toLocaleString('en-US')}: ${(bareMs / 1000).toFixed(1)} s = ${bareRate.toFixed(0)} pages/s`);
  console.log(`ours / bare: ${((100 * oursRate) / bareRate).toFixed(0)}% (target ≥ 70%)`);

  // 4. The whole build, in a process of its own.
  const data = path.join(ROOT, '.cache/bench/whole-data');
  rmSync(data, { recursive: true, force: true });
  cpSync(SAMPLE, data, { recursive: true });
  start = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-bare/whole-build.ts', data, path.join(ROOT, '.cache/bench/whole-site')], { cwd: ROOT, encoding: 'utf8' });
  const whole = JSON.parse(out.trim().split('\n').at(-1)!) as { code: number; ms: number; maxRssMb: number };
  console.log(`whole build (exit ${whole.code}): ${(whole.ms / 1000).toFixed(1)} s, peak RSS ${whole.maxRssMb.toFixed(0)} MB (targets < 30 s, < 1024 MB)`);
  return readOk ? 0 : 1;
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

/** Builds `pages` bare pages with Astro in a throwaway project beside the cache; milliseconds. */
async function renderBare(pages: number): Promise<number> {
  const root = path.join(ROOT, '.cache/bench/bare');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'src/pages'), { recursive: true });
  cpSync(path.join(ROOT, 'scripts/bench-bare/page.astro'), path.join(root, 'src/pages/[id].astro'));
  writeFileSync(path.join(root, 'astro.config.mjs'), "export default { build: { concurrency: 4 }, devToolbar: { enabled: false } };\n");
  process.env.BARE_PAGES = String(pages);
  const { build } = await import('astro');
  const start = performance.now();
  await build({ root, outDir: path.join(root, 'dist'), logLevel: 'error' });
  return performance.now() - start;
}

process.exitCode = await main();
