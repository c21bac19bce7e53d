/**
 * The history folder on disk: snapshots (`YYYY-MM-DD.json`), `last-build.json` (the accepted row
 * counts the drop check compares with), the stored QBRs of closed quarters (`qbr/FY27-Q3.json`) and the
 * stored President's Club standings of ended fiscal years (`presidents-club/FY2026.json`).
 * A file that does not parse or has the wrong shape is set aside as `<name>.damaged` with a
 * warning and the build goes on without it; read-only (for `npm run check`), it is only reported.
 * Writes are atomic: every file is written under a temporary name first, then all are renamed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile } from '../config.ts';
import { readRegularFile } from '../ingest/regular-file.ts';
import type { Snapshot } from '../report/history.ts';
import type { PresidentsClubStanding } from '../report/model.ts';
import type { QbrReport } from '../report/qbr.ts';
import { commitTempFile, isTempName, writeTempFile } from './atomic-write.ts';
import { faultPoint } from './fault.ts';

export interface LastBuild {
  asOf: string;
  accepted: Partial<Record<ExportFile, number>>;
}

export interface HistoryRead {
  snapshots: Snapshot[];
  lastBuild: LastBuild | null;
  frozenQbrs: Record<string, QbrReport>;
  frozenPresidentsClub: Record<string, PresidentsClubStanding>;
  /** Warnings (damaged files) and info lines, for the log. */
  notes: string[];
}

const SNAPSHOT = /^\d{4}-\d{2}-\d{2}\.json$/;
const QBR = /^FY\d{2}-Q[1-4]\.json$/;
const CLUB_YEAR = /^FY\d{4}\.json$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const snapshotShape = (v: unknown, name: string): v is Snapshot =>
  isObject(v) && v.asOf === name.slice(0, 10) && typeof v.fiscalQuarter === 'string' && isObject(v.scopes) && isObject(v.accounts);
const lastBuildShape = (v: unknown): v is LastBuild =>
  isObject(v) && typeof v.asOf === 'string' && isObject(v.accepted) && Object.values(v.accepted).every((n) => Number.isInteger(n) && (n as number) >= 0);
const qbrShape = (v: unknown, name: string): v is QbrReport => isObject(v) && v.quarter === name.slice(0, -'.json'.length) && v.closed === true;
const clubShape = (v: unknown, name: string): v is PresidentsClubStanding =>
  isObject(v) && v.fiscalYear === name.slice(0, -'.json'.length) && isObject(v.entries);

/** Reads the history folder; with `readOnly` nothing is renamed. */
export async function readHistoryFolder(historyDir: string, opts: { readOnly: boolean; qbrs: boolean }): Promise<HistoryRead> {
  const notes: string[] = [];
  const load = async <T>(file: string, valid: (v: unknown) => v is T): Promise<T | null> => {
    let value: unknown;
    try {
      value = JSON.parse(await readRegularFile(file, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      value = undefined;
    }
    if (value !== undefined && valid(value)) return value;
    if (opts.readOnly) {
      notes.push(`warning history file ${file} is damaged (not JSON of the expected shape); a build would set it aside as ${file}.damaged and go on without it`);
      return null;
    }
    const aside = await freeName(`${file}.damaged`);
    await rename(file, aside);
    notes.push(`warning history file ${file} was damaged (not JSON of the expected shape); set aside as ${aside}, the build goes on without it`);
    return null;
  };

  const snapshots: Snapshot[] = [];
  if (existsSync(historyDir)) {
    for (const f of (await readdir(historyDir)).filter((f) => SNAPSHOT.test(f)).sort()) {
      const s = await load(path.join(historyDir, f), (v): v is Snapshot => snapshotShape(v, f));
      if (s) snapshots.push(s);
    }
  }
  const lastBuild = await load(path.join(historyDir, 'last-build.json'), lastBuildShape);
  if (!lastBuild) notes.push('info    no previous build on record (history/last-build.json): the drop check had nothing to compare');

  const frozenQbrs: Record<string, QbrReport> = {};
  const qbrDir = path.join(historyDir, 'qbr');
  if (opts.qbrs && existsSync(qbrDir)) {
    for (const f of (await readdir(qbrDir)).filter((f) => QBR.test(f)).sort()) {
      const r = await load(path.join(qbrDir, f), (v): v is QbrReport => qbrShape(v, f));
      if (r) frozenQbrs[r.quarter] = r;
    }
  }
  const frozenPresidentsClub: Record<string, PresidentsClubStanding> = {};
  const clubDir = path.join(historyDir, 'presidents-club');
  if (existsSync(clubDir)) {
    for (const f of (await readdir(clubDir)).filter((f) => CLUB_YEAR.test(f)).sort()) {
      const s = await load(path.join(clubDir, f), (v): v is PresidentsClubStanding => clubShape(v, f));
      if (s) frozenPresidentsClub[s.fiscalYear] = s;
    }
  }
  return { snapshots, lastBuild, frozenQbrs, frozenPresidentsClub, notes };
}

async function freeName(name: string): Promise<string> {
  if (!existsSync(name)) return name;
  for (let n = 2; ; n++) if (!existsSync(`${name}.${n}`)) return `${name}.${n}`;
}

/** Removes temporary files that a killed build left in the history folder (with its lock held). */
export async function removeHistoryTemps(historyDir: string): Promise<void> {
  for (const dir of [historyDir, path.join(historyDir, 'qbr'), path.join(historyDir, 'presidents-club')]) {
    if (!existsSync(dir)) continue;
    for (const f of await readdir(dir)) if (isTempName(f)) await rm(path.join(dir, f), { force: true });
  }
}

/**
 * Writes the history files (path relative to the folder → content): first every file under a
 * temporary name, flushed, then each renamed into place, `last-build.json` last.
 */
export async function writeHistoryFiles(historyDir: string, files: Record<string, string>): Promise<void> {
  const order = Object.keys(files).sort((a, b) => Number(a === 'last-build.json') - Number(b === 'last-build.json') || (a < b ? -1 : 1));
  const temps: [string, string][] = [];
  await faultPoint('history');
  try {
    for (const name of order) {
      const file = path.join(historyDir, name);
      await mkdir(path.dirname(file), { recursive: true });
      temps.push([await writeTempFile(file, files[name]!), file]);
      await faultPoint(`history-temp:${name}`);
    }
  } catch (e) {
    for (const [temp] of temps) await rm(temp, { force: true }).catch(() => {});
    throw e;
  }
  for (const [temp, file] of temps) {
    await commitTempFile(temp, file);
    await faultPoint(`history-renamed:${path.relative(historyDir, file)}`);
  }
}
