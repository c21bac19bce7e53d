/**
 * `npm run bench`: times the reader on the scale-12 sample org (.cache/bench/scale-12, generated
 * once). Each step is a function timed the same way (median of 3 runs), so later steps (metrics,
 * render) can be added to STEPS. Targets: read + validate ≤ 1.75× papaparse's bare streaming parse
 * of activities.csv; peak RSS ≤ 600 MB.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../src/config.ts';
import { dayFromIso } from '../src/dates.ts';
import { decode } from '../src/ingest/decode.ts';
import { readTable, type TableContext } from '../src/ingest/read-table.ts';
import { Roster } from '../src/ingest/roster.ts';
import { ACCOUNTS, ACTIVITIES, CSMS } from '../src/ingest/schemas.ts';

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
    const decoded = decode(await readFile(path.join(SAMPLE, 'activities.csv')), ctx.config.encoding.activities);
    if (!decoded.ok) throw new Error(decoded.reason);
    const t = readTable(ACTIVITIES, decoded.text, ctx);
    return t.read;
  };
}

async function contextFor(config: Config): Promise<TableContext> {
  const asOf = dayFromIso(config.asOf ?? '2026-11-20');
  const ctx: TableContext = { config, asOf, roster: null, accountIds: null };
  const readSpec = async <Row>(spec: typeof CSMS | typeof ACCOUNTS) => {
    const decoded = decode(await readFile(path.join(SAMPLE, spec.file)));
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
  const ok = ratio <= TARGET_RATIO && rssMb <= TARGET_RSS_MB;
  console.log(ok ? 'within targets' : 'OUTSIDE TARGETS');
  return ok ? 0 : 1;
}

process.exitCode = await main();
