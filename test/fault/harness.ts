/**
 * The fault-injection harness: builds run as the nightly job runs them (the CLI, in a process of
 * their own), paused at a named point with CS_REPORT_FAULT_PAUSE and killed there; folders compared
 * byte for byte before and after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const BASE_DATA = path.join(PROJECT, 'test/fixtures/ingest/base');
export const FIRST_AS_OF = '2026-03-15';
export const NEXT_AS_OF = '2026-03-16';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A new folder for one test under the suite's work folder. */
export function workFolder(name: string): string {
  const root = (globalThis as { faultRoot?: string }).faultRoot ?? mkdtempSync(path.join(tmpdir(), 'cs-report-fault-'));
  (globalThis as { faultRoot?: string }).faultRoot = root;
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A data folder copied from the small fixture org (history goes to `<data>/history`). */
export function dataCopy(into: string): string {
  const data = path.join(into, 'data');
  cpSync(BASE_DATA, data, { recursive: true, preserveTimestamps: true });
  return data;
}

/** Copies a whole case folder (data, history, --out link and the sites beside it), links kept as links. */
export function caseCopy(from: string, to: string): void {
  cpSync(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
}

export interface Spawned {
  child: ChildProcess;
  /** Resolves when the build announces the pause point (rejects if it ends before). */
  paused: Promise<void>;
  done: Promise<Run>;
}

/** Starts `npm run build -- args` as its own process (`script` 'check' for the check). */
export function start(args: string[], opts: { pauseAt?: string; env?: NodeJS.ProcessEnv; script?: 'build' | 'check'; wrap?: string[] } = {}): Spawned {
  const env = { ...process.env, ...opts.env };
  delete env.CS_REPORT_FAULT_PAUSE;
  delete env.ASTRO_TELEMETRY_DISABLED;
  if (opts.pauseAt) env.CS_REPORT_FAULT_PAUSE = opts.pauseAt;
  const cmd = [process.execPath, `scripts/${opts.script ?? 'build'}.ts`, ...args];
  const [exe, ...rest] = [...(opts.wrap ?? []), ...cmd];
  const child = spawn(exe!, rest, { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let onPause: (() => void) | null = null;
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => {
    stderr += b.toString();
    if (opts.pauseAt && stderr.includes(`fault-pause: ${opts.pauseAt}\n`)) onPause?.();
  });
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const paused = new Promise<void>((resolve, reject) => {
    onPause = resolve;
    void done.then((r) => reject(new Error(`the build ended (code ${r.code}) before reaching ${opts.pauseAt}:\n${r.stdout}\n${r.stderr}`)));
  });
  paused.catch(() => {});
  return { child, paused, done };
}

/** Runs a build to its end. */
export async function build(args: string[], opts: { env?: NodeJS.ProcessEnv; script?: 'build' | 'check'; wrap?: string[] } = {}): Promise<Run> {
  return start(args, opts).done;
}

/** Runs a build until it reaches `point`, kills it there with SIGKILL, and waits until it is gone. */
export async function killAt(args: string[], point: string): Promise<Run> {
  const s = start(args, { pauseAt: point });
  await s.paused;
  s.child.kill('SIGKILL');
  const run = await s.done;
  if (run.signal !== 'SIGKILL') throw new Error(`expected the build to die of SIGKILL at ${point}, got ${run.code}/${run.signal}`);
  return run;
}

/**
 * Every file under `dir` (following `dir` itself when it is a link) as relative path → sha256 of its
 * bytes; links inside are recorded as `-> target`. `skip` leaves out names (the lock, temporary files).
 */
export function tree(dir: string, skip: (name: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      if (skip(name)) continue;
      const p = path.join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const info = lstatSync(p);
      if (info.isSymbolicLink()) out[r] = `-> ${readlinkSync(p)}`;
      else if (info.isDirectory()) walk(p, r);
      else out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(statSync(dir).isDirectory() ? dir : path.dirname(dir), '');
  return out;
}

/** The history folder's files, without the lock and temporary files a killed build leaves (the next build removes them). */
export const historyTree = (dir: string) => tree(dir, (n) => n === '.lock' || /^\..+\.tmp-\d+$/.test(n));
