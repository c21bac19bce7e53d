/**
 * The output folder (`--out`): which folders the build may replace, and the swap that replaces one.
 *
 * `--out` is a symbolic link to a complete site kept in a folder beside it,
 * `.<name>.cs-report/site-<stamp>/`; a new site is staged in that same folder (so on the same file
 * system as `--out`) and published by renaming a new link over `--out`, which is atomic. A reader,
 * or a build killed at any instant, sees the old site or the new one. The next build finishes or
 * undoes what a killed one left: it links `--out` if a killed first build left it missing, and
 * removes staging folders, spare links and sites no longer linked.
 *
 * Each site carries a marker file at its root; a folder without it is never replaced.
 */
import { existsSync, realpathSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, rename, rm, rmdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from './errors.ts';
import { faultPoint } from './fault.ts';

/** The marker file at the root of every site this tool builds. */
export const SITE_MARKER = '.cs-report-site';
const MARKER_TEXT = 'This folder is a site built by cs-report; the build may replace it.\n';

/** The folder beside `--out` that holds its sites, its staging folders and its lock. */
export const stateDirOf = (out: string) => path.join(path.dirname(out), `.${path.basename(out)}.cs-report`);

export type OutState = { kind: 'absent' | 'empty' | 'link' | 'marked-folder' } | { kind: 'refused'; message: string };

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = path.resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = path.dirname(abs);
  return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
}

const within = (inner: string, outer: string) => {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Whether the build may replace `out`, given the data and history folders it must never touch. A
 * refusal says why and what to do; nothing has been changed.
 */
export async function checkOut(out: string, dataDir: string, historyDir: string): Promise<OutState> {
  const refuse = (why: string, todo: string): OutState => ({ kind: 'refused', message: `--out ${out}: ${why}. Nothing was changed. ${todo}` });
  const pick = 'Give --out a new folder (or one that holds a site this tool built).';
  const outReal = realish(out);
  const data = realish(dataDir);
  const history = realish(historyDir);
  if (outReal === data) return refuse('this is the data folder the exports are read from', pick);
  if (outReal === history) return refuse('this is the history folder', pick);
  if (within(data, outReal)) return refuse(`it contains the data folder ${dataDir}`, pick);
  if (within(history, outReal)) {
    return refuse(`it contains the history folder ${historyDir}`, 'Keep historyDir (in the config) outside the site folder, or give --out a folder of its own.');
  }
  let info;
  try {
    info = await lstat(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw e;
  }
  if (info.isSymbolicLink()) {
    const target = await stat(out).catch(() => null);
    if (target?.isDirectory() && existsSync(path.join(out, SITE_MARKER))) return { kind: 'link' };
    return refuse('it is a link to something that is not a site this tool built', 'Remove the link or give --out another path.');
  }
  if (!info.isDirectory()) return refuse('it is a file, not a folder', pick);
  const entries = await readdir(out);
  if (entries.length === 0) return { kind: 'empty' };
  if (entries.includes(SITE_MARKER)) return { kind: 'marked-folder' };
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', ...' : '');
  return refuse(
    `it is a folder that holds files (${shown}) and no ${SITE_MARKER} marker, so it is not a site this tool built`,
    `${pick} The build replaces only folders that are empty or hold its marker.`,
  );
}

/** A new staging folder beside `out` for the site being built. */
export async function stagingFolder(out: string): Promise<string> {
  const state = stateDirOf(out);
  await ensureDir(state);
  const dir = path.join(state, `staging-${process.pid}-${Date.now()}`);
  await mkdir(dir);
  return dir;
}

/** Marks a staged site as built by this tool. */
export const markSite = (site: string) => writeFile(path.join(site, SITE_MARKER), MARKER_TEXT);

/**
 * Finishes or undoes what a killed build left beside `out` (call with the output lock held): links
 * `out` to the newest complete site when a killed first build left it missing, then removes
 * staging folders, spare links and sites that `out` no longer links. Only names this tool writes
 * are removed.
 */
export async function recoverOut(out: string): Promise<string[]> {
  const state = stateDirOf(out);
  if (!existsSync(state)) return [];
  const notes: string[] = [];
  const entries = (await readdir(state)).sort();
  const sites = entries.filter((e) => /^site-\d+-\d+$/.test(e) && existsSync(path.join(state, e, SITE_MARKER)));
  let current = await linkedSite(out);
  if (current === null && !(await exists(out)) && sites.length > 0) {
    current = sites[sites.length - 1]!;
    await linkOut(out, current);
    notes.push(`${out} was missing after an interrupted build; it now links the last complete site.`);
  }
  for (const e of entries) {
    if (/^(staging-\d+-\d+|link-\d+|work-\w+)$/.test(e) || (/^site-\d+-\d+$/.test(e) && e !== current)) {
      await rm(path.join(state, e), { recursive: true, force: true });
    }
  }
  return notes;
}

/**
 * Publishes the staged site at `staging` as `out` (with the output lock held, after `checkOut`
 * allowed it). The old site stays readable until the link is renamed over it.
 */
export async function publish(staging: string, out: string, before: OutState): Promise<void> {
  const state = stateDirOf(out);
  const stamp = Date.now();
  const site = `site-${stamp}-${process.pid}`;
  await rename(staging, path.join(state, site));
  await faultPoint('swap-staged');
  if (before.kind === 'empty') await rmdir(out);
  else if (before.kind === 'marked-folder') {
    // A plain folder holding a site (copied, or made by hand): moved aside once, kept until linked.
    // Named just before the new site, from the same stamp, so the two never share a name.
    await rename(out, path.join(state, `site-${stamp - 1}-${process.pid}`));
    await faultPoint('swap-moved-aside');
  }
  await linkOut(out, site);
  await faultPoint('swap-linked');
  await recoverOut(out);
}

/** Points `out` at `state/site` with a link made under another name and renamed over `out`. */
async function linkOut(out: string, site: string): Promise<void> {
  const state = stateDirOf(out);
  const temp = path.join(state, `link-${process.pid}`);
  await rm(temp, { force: true });
  await symlink(path.join(path.basename(state), site), temp);
  await faultPoint('swap-link-made');
  await rename(temp, out);
}

/** The name of the site folder that `out` links, or null. */
async function linkedSite(out: string): Promise<string | null> {
  try {
    const target = await readlink(out);
    return path.basename(target);
  } catch {
    return null;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}
