/**
 * `npm run bench [-- --scales 12,24,48] [--runs N]`: every performance target, each measured as a
 * whole process (start-up counts), median of N runs (default 3), on the sample org generated once per
 * scale into .cache/bench/scale-N:
 * - `npm run check` against papaparse's bare streaming parse of the same files (≤ 2.5×);
 * - the build's metrics step against its read + validate step (≤ 0.5×), from its stage timings, for
 *   the first build of the org (no history: every quarter's QBR is computed) and for the nightly
 *   build after it (closed quarters' QBRs as stored);
 * - the whole build against its floor: the bare parse plus a bare Astro site of the same page count
 *   at the same concurrency (≤ 1.5×);
 * - the build's peak RSS (≤ 600 MB at scale 12) and its search indexing share (≤ 10%);
 * - with more scales: peak RSS and time of each against scale 12 (24: ≤ 1.3× RSS, ≤ 2× time;
 *   48: finishes within 1.5 GB).
 * Exits 1 when a target is missed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CACHE = path.join(ROOT, '.cache/bench');
// Children run with this process's flags (type stripping, warnings), not its profiling options.
const NODE_FLAGS = process.execArgv.filter((a) => !/^--(cpu|heap)-prof/.test(a));

interface Run {
  ms: number;
  /** User + system CPU time: steadier than wall time on a busy machine. */
  cpuMs: number;
  rssMb: number;
  stdout: string;
}

interface BuildRun extends Run {
  stages: Record<string, number>;
  pages: number;
}

/** Runs `node args…` in ROOT under /usr/bin/time -v: wall time, peak RSS and stdout. */
function runNode(args: string[], label: string): Run {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...NODE_FLAGS, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !rss) throw new Error(`${label} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  const seconds = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { ms, cpuMs: 1000 * (seconds('User') + seconds('System')), rssMb: Number(rss[1]) / 1024, stdout: r.stdout };
}

function sampleDir(scale: number): string {
  const dir = path.join(CACHE, `scale-${scale}`);
  if (!existsSync(path.join(dir, 'activities.csv'))) {
    console.log(`generating the scale-${scale} sample org in ${path.relative(ROOT, dir)} …`);
    execFileSync(process.execPath, [...NODE_FLAGS, 'scripts/generate-sample.ts', '--scale', String(scale), '--out', dir], { cwd: ROOT, stdio: 'inherit' });
  }
  return dir;
}

/**
 * One whole build on a fresh copy of the sample (its history must not grow between runs): the first
 * build of an org, with no history. With `nightly`, the build after it as well, on the same exports
 * and the history the first one wrote, as the nightly job runs (closed quarters' QBRs as stored).
 */
function buildOnce(sample: string): BuildRun;
function buildOnce(sample: string, nightly: true): { first: BuildRun; nightly: BuildRun };
function buildOnce(sample: string, nightly = false): BuildRun | { first: BuildRun; nightly: BuildRun } {
  const data = path.join(CACHE, 'build-data');
  const out = path.join(CACHE, 'build-site');
  rmSync(data, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  cpSync(sample, data, { recursive: true });
  const first = buildRun(data, out);
  return nightly ? { first, nightly: buildRun(data, out) } : first;
}

function buildRun(data: string, out: string): BuildRun {
  const run = runNode(['scripts/build.ts', '--data', data, '--out', out], 'build');
  const stages: Record<string, number> = {};
  for (const m of run.stdout.matchAll(/^✓ (.+) \(([\d.]+) s\)$/gm)) stages[m[1]!] = Number(m[2]) * 1000;
  // The search index is built beside the render: its own time, and (the stage) what it adds after.
  const search = /^ {2}the search index took ([\d.]+) s/m.exec(run.stdout);
  if (search) stages[SEARCH_OWN] = Number(search[1]) * 1000;
  return { ...run, stages, pages: countPages(out) };
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `runs` runs of `once`, each field the median over the runs. */
function medianOf<T extends Run>(runs: number, once: () => T): T & { all: T[] } {
  return medianOfRuns(Array.from({ length: runs }, once));
}

/** Each field the median over the runs. */
function medianOfRuns<T extends Run>(all: T[]): T & { all: T[] } {
  const pick = (f: (r: T) => number) => median(all.map(f));
  const stages: Record<string, number> = {};
  for (const key of Object.keys((all[0] as Partial<BuildRun>).stages ?? {})) stages[key] = pick((r) => (r as unknown as BuildRun).stages[key] ?? 0);
  return { ...all[0]!, ms: pick((r) => r.ms), cpuMs: pick((r) => r.cpuMs), rssMb: pick((r) => r.rssMb), stages, all };
}

const results: { name: string; value: string; target: string; ok: boolean }[] = [];

function report(name: string, value: number, unit: string, op: '≤', target: number, detail = ''): void {
  const ok = value <= target;
  const fmt = (x: number) => (unit === '×' || unit === '%' ? x.toFixed(2) : x.toFixed(0));
  results.push({ name, value: `${fmt(value)}${unit}`, target: `${op} ${fmt(target)}${unit}`, ok });
  console.log(`  ${name.padEnd(40)} ${`${fmt(value)}${unit}`.padStart(9)}   target ${op} ${fmt(target)}${unit}   ${ok ? 'ok' : 'MISSED'}${detail ? `   (${detail})` : ''}`);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const READ = 'read and validate the exports';
const METRICS = 'compute the metrics';
const SEARCH = 'index for search';
const SEARCH_OWN = 'search index beside the render';

function benchScale12(runs: number): BuildRun {
  const sample = sampleDir(12);
  console.log(`scale 12 (${path.relative(ROOT, sample)}), ${runs === 1 ? 'one run' : `medians of ${runs} runs`}, each a whole process:`);
  const bare = medianOf(runs, () => runNode(['scripts/bench-bare/parse.mjs', sample], 'bare parse'));
  const check = medianOf(runs, () => runNode(['scripts/check.ts', '--data', sample], 'check'));
  console.log(`  papaparse bare streaming parse: ${s(bare.ms)} (CPU ${s(bare.cpuMs)}), ${bare.rssMb.toFixed(0)} MB; npm run check: ${s(check.ms)} (CPU ${s(check.cpuMs)}), ${check.rssMb.toFixed(0)} MB`);
  const pairs = Array.from({ length: runs }, () => buildOnce(sample, true));
  const build = medianOfRuns(pairs.map((p) => p.first));
  const nightly = medianOfRuns(pairs.map((p) => p.nightly));
  const stageLine = (b: BuildRun) => Object.entries(b.stages).map(([k, v]) => `${k} ${s(v)}`).join(', ');
  console.log(`  first build (no history): ${s(build.ms)} (CPU ${s(build.cpuMs)}), ${build.rssMb.toFixed(0)} MB, ${build.pages.toLocaleString('en-US')} pages; ${stageLine(build)}`);
  console.log(`  nightly build (the history of the first): ${s(nightly.ms)} (CPU ${s(nightly.cpuMs)}), ${nightly.rssMb.toFixed(0)} MB; ${stageLine(nightly)}`);
  const site = medianOf(runs, () => runNode(['scripts/bench-bare/site.ts', String(build.pages)], 'bare site'));
  const floor = bare.ms + site.ms;
  console.log(`  bare Astro site of ${build.pages.toLocaleString('en-US')} pages: ${s(site.ms)} (CPU ${s(site.cpuMs)}); floor = bare parse + bare site = ${s(floor)}`);
  console.log('');
  report('check / bare parse', check.ms / bare.ms, '×', '≤', 2.5, `${s(check.ms)} / ${s(bare.ms)}; CPU time ${(check.cpuMs / bare.cpuMs).toFixed(2)}×`);
  for (const [label, b] of [['first build', build], ['nightly build', nightly]] as const) {
    const read = b.stages[READ] ?? NaN;
    const metrics = b.stages[METRICS] ?? NaN;
    report(`metrics / read + validate, ${label}`, metrics / read, '×', '≤', 0.5, `${s(metrics)} / ${s(read)}`);
  }
  report('whole build / floor', build.ms / floor, '×', '≤', 1.5, `${s(build.ms)} / ${s(floor)}; CPU time ${(build.cpuMs / (bare.cpuMs + site.cpuMs)).toFixed(2)}×`);
  report('peak RSS of the build, scale 12', build.rssMb, ' MB', '≤', 600);
  report('search indexing share of the build', (100 * (build.stages[SEARCH] ?? NaN)) / build.ms, '%', '≤', 10, `${s(build.stages[SEARCH] ?? NaN)} after the render / ${s(build.ms)}; it ran ${s(build.stages[SEARCH_OWN] ?? NaN)} beside the render`);
  return build;
}

function benchLarger(scale: number, runs: number, base: BuildRun): void {
  const sample = sampleDir(scale);
  let build: BuildRun;
  try {
    build = medianOf(runs, () => buildOnce(sample));
  } catch (e) {
    console.log(`  scale ${scale}: ${(e as Error).message.split('\n')[0]}`);
    results.push({ name: `build at scale ${scale}`, value: 'failed', target: 'finishes', ok: false });
    return;
  }
  console.log(`  scale ${scale}: build ${s(build.ms)}, ${build.rssMb.toFixed(0)} MB, ${build.pages.toLocaleString('en-US')} pages`);
  if (scale === 24) {
    report('peak RSS, scale 24 / scale 12', build.rssMb / base.rssMb, '×', '≤', 1.3, `${build.rssMb.toFixed(0)} MB / ${base.rssMb.toFixed(0)} MB`);
    report('build time, scale 24 / scale 12', build.ms / base.ms, '×', '≤', 2, `${s(build.ms)} / ${s(base.ms)}`);
  } else report(`peak RSS of the build, scale ${scale}`, build.rssMb, ' MB', '≤', 1536);
}

function main(): number {
  const { values } = parseArgs({ options: { scales: { type: 'string', default: '12' }, runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs));
  const scales = values.scales.split(',').map(Number).filter((n) => n !== 12);
  const base = benchScale12(runs);
  for (const scale of scales) benchLarger(scale, runs, base);
  rmSync(path.join(CACHE, 'build-data'), { recursive: true, force: true });
  const missed = results.filter((r) => !r.ok);
  console.log(missed.length === 0 ? '\nall targets met' : `\n${missed.length} of ${results.length} targets missed: ${missed.map((r) => r.name).join('; ')}`);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = main();
