/**
 * Rules 3, 5 and 6 of "What the build may touch" and the hostile files of "Values as real exports
 * write them": a full disk on another file system, two builds at once, a FIFO, a /dev/zero link, a
 * 200 MB cell, a 300-character name.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, caseCopy, dataCopy, FIRST_AS_OF, historyTree, NEXT_AS_OF, start, tree, workFolder } from './harness.ts';

let previous: string;
let prevSite: Record<string, string>;
let refSite: Record<string, string>;
let refHistory: Record<string, string>;

const history = (dir: string) => path.join(dir, 'data', 'history');
const args = (dir: string, asOf = NEXT_AS_OF, out = path.join(dir, 'out')) => ['--data', path.join(dir, 'data'), '--out', out, '--as-of', asOf];
const output = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
const mounts: string[] = [];

beforeAll(async () => {
  previous = workFolder('env-previous');
  dataCopy(previous);
  const first = await build(args(previous, FIRST_AS_OF));
  expect(first.code, output(first)).toBe(0);
  prevSite = tree(path.join(previous, 'out'));
  const reference = workFolder('env-reference');
  caseCopy(previous, reference);
  const next = await build(args(reference));
  expect(next.code, output(next)).toBe(0);
  refSite = tree(path.join(reference, 'out'));
  refHistory = historyTree(history(reference));
});

afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  const root = (globalThis as { faultRoot?: string }).faultRoot;
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A tmpfs of `size` at `dir`, or null where mounting is not permitted. */
function smallDisk(dir: string, size: string): string | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    console.warn(`note: mounting a tmpfs is not permitted here; the full-disk tests are skipped`);
    return null;
  }
  mounts.push(dir);
  return dir;
}

/** Writes a filler file until the disk is full. */
function fill(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = block.length; size >= 1; ) {
      try {
        writeSync(fd, block, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

describe('rule 3 on a small file system of its own (tmpfs): a full disk', () => {
  it('a disk full while the site is staged: exit 1 naming ENOSPC and a file, the previous site and history intact, the next build equals an uninterrupted one', async (ctx) => {
    const disk = smallDisk(path.join(workFolder('full-site'), 'disk'), '8m');
    if (!disk) return ctx.skip();
    caseCopy(previous, disk);
    const before = { site: tree(path.join(disk, 'out')), history: historyTree(history(disk)) };
    const filler = fill(disk);
    const run = await build(args(disk));
    expect(run.code, output(run)).toBe(1);
    expect(run.stdout).toMatch(/the disk is full \(ENOSPC\) while writing or reading \/\S+/);
    expect(run.stdout).toContain(disk);
    expect(tree(path.join(disk, 'out'))).toEqual(before.site);
    expect(historyTree(history(disk))).toEqual(before.history);
    rmSync(filler);
    const next = await build(args(disk));
    expect(next.code, output(next)).toBe(0);
    expect(tree(path.join(disk, 'out'))).toEqual(refSite);
    expect(historyTree(history(disk))).toEqual(refHistory);
  });

  it('a disk full when the history is written: exit 1 naming ENOSPC and the history file, every history file as it was, the next build completes it', async (ctx) => {
    const disk = smallDisk(path.join(workFolder('full-history'), 'disk'), '8m');
    if (!disk) return ctx.skip();
    caseCopy(previous, disk);
    const before = historyTree(history(disk));
    const s = start(args(disk), { pauseAt: 'history' });
    await s.paused;
    const filler = fill(disk);
    s.child.kill('SIGUSR2');
    const run = await s.done;
    expect(run.code, output(run)).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`the disk is full \\(ENOSPC\\) while writing or reading ${history(disk)}/\\.${NEXT_AS_OF}\\.json\\.tmp-\\d+`));
    expect(historyTree(history(disk))).toEqual(before);
    expect(readdirSync(history(disk)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    rmSync(filler);
    const next = await build(args(disk));
    expect(next.code, output(next)).toBe(0);
    expect(tree(path.join(disk, 'out'))).toEqual(refSite);
    expect(historyTree(history(disk))).toEqual(refHistory);
  });
});

describe('errors name the real cause and the file', () => {
  it('an --out whose name is too long for the file system: exit 1 naming ENAMETOOLONG and the path; nothing written', async () => {
    const dir = workFolder('name-too-long');
    caseCopy(previous, dir);
    const before = tree(dir);
    const out = path.join(dir, 'x'.repeat(300));
    const run = await build(args(dir, NEXT_AS_OF, out));
    expect(run.code, output(run)).toBe(1);
    expect(run.stdout).toContain(`a file name is too long for the file system (ENAMETOOLONG) while writing or reading ${out}`);
    expect(tree(dir)).toEqual(before);
  });

  it('an --out on a read-only file system: exit 1 naming EROFS and the path', async (ctx) => {
    const disk = path.join(workFolder('read-only'), 'disk');
    if (!smallDisk(disk, '1m')) return ctx.skip();
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const dir = path.dirname(disk);
    dataCopy(dir);
    const run = await build(args(dir, FIRST_AS_OF, path.join(disk, 'site')));
    expect(run.code, output(run)).toBe(1);
    expect(run.stdout).toContain(`the file system is read-only (EROFS) while writing or reading ${path.join(disk, '.site.cs-report')}`);
  });
});

describe('rule 5: builds at the same time', () => {
  it('two orgs built at once from one install both succeed, each with the site it would have alone', async () => {
    const a = workFolder('org-a');
    const b = workFolder('org-b');
    dataCopy(a);
    dataCopy(b);
    const [ra, rb] = await Promise.all([build(args(a, FIRST_AS_OF)), build(args(b, FIRST_AS_OF))]);
    expect(ra.code, output(ra)).toBe(0);
    expect(rb.code, output(rb)).toBe(0);
    expect(tree(path.join(a, 'out'))).toEqual(prevSite);
    expect(tree(path.join(b, 'out'))).toEqual(prevSite);
  });

  it('a second build onto the same --out stops with exit 2 naming the first; after the first is killed, its lock does not block the next build', async () => {
    const dir = workFolder('same-out');
    caseCopy(previous, dir);
    const first = start(args(dir), { pauseAt: 'metrics' });
    await first.paused;
    const second = await build(args(dir));
    expect(second.code, output(second)).toBe(2);
    expect(second.stdout).toContain(`is in use by another build (process ${first.child.pid} on`);
    // Another org's data, the same history: stopped the same way.
    const other = workFolder('same-history');
    dataCopy(other);
    writeFileSync(path.join(other, 'config.json'), JSON.stringify({ historyDir: history(dir) }));
    const third = await build([...args(other), '--config', path.join(other, 'config.json')]);
    expect(third.code, output(third)).toBe(2);
    expect(third.stdout).toContain(`the history folder ${history(dir)} is in use by another build (process ${first.child.pid}`);
    first.child.kill('SIGKILL');
    await first.done;
    const after = await build(args(dir));
    expect(after.code, output(after)).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(refSite);
  });
});

describe('hostile files', () => {
  it('a FIFO as an export: exit 2 naming it, never waited on; the previous site intact', async () => {
    const dir = workFolder('fifo');
    caseCopy(previous, dir);
    rmSync(path.join(dir, 'data', 'activities.csv'));
    execFileSync('mkfifo', [path.join(dir, 'data', 'activities.csv')]);
    const run = await build(args(dir));
    expect(run.code, output(run)).toBe(2);
    expect(run.stdout).toMatch(/activities\.csv is a named pipe \(FIFO\), not a regular file/);
    expect(tree(path.join(dir, 'out'))).toEqual(prevSite);
  });

  it('a link to /dev/zero as an export: exit 2 naming it, never read', async () => {
    const dir = workFolder('dev-zero');
    caseCopy(previous, dir);
    symlinkSync('/dev/zero', path.join(dir, 'data', 'pto.csv'));
    const run = await build(args(dir));
    expect(run.code, output(run)).toBe(2);
    expect(run.stdout).toMatch(/pto\.csv is a device, not a regular file/);
  });

  it('a 200 MB cell: the row is rejected (cell-too-long) and nothing the build writes grows with it', async () => {
    const dir = workFolder('giant-cell');
    caseCopy(previous, dir);
    writeFileSync(path.join(dir, 'data', 'config.json'), JSON.stringify({ maxRejectRate: 0.5 }));
    const accounts = path.join(dir, 'data', 'accounts.csv');
    const fd = openSync(accounts, 'a');
    writeSync(fd, '001A0000009Zz9zIAC,"');
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    for (let i = 0; i < 200; i++) writeSync(fd, chunk);
    writeSync(fd, '",ada@example.com\n');
    closeSync(fd);
    const run = await build(args(dir));
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain('accounts.csv:4 Account Name: the cell is 209,715,200 characters long');
    const site = path.join(dir, 'out');
    const quality = readFileSync(path.join(site, 'quality.json'), 'utf8');
    expect(quality.length).toBeLessThan(20_000);
    expect(statSync(path.join(site, 'data-quality/accounts.rejected.csv')).size).toBeLessThan(1_000);
    const sizes = (d: string) => Object.keys(tree(d)).reduce((n, f) => n + statSync(path.join(d, f)).size, 0);
    expect(sizes(site)).toBeLessThan(sizes(path.join(previous, 'out')) + 200_000);
    expect(sizes(history(dir))).toBeLessThan(sizes(history(previous)) * 3);
  });

  it('rule 6: a 300-character team name and people named or mailed CON, NUL, AUX get short stable page names; every record has its own page', async () => {
    const dir = workFolder('names');
    caseCopy(previous, dir);
    const long = 'Customer Success Team '.repeat(14).slice(0, 300);
    const csms = path.join(dir, 'data', 'csms.csv');
    writeFileSync(
      csms,
      readFileSync(csms, 'utf8').replace('Mia Lead,', `"${long}",`) +
        ['CON,lead-con@example.com,,Manager', 'NUL,lead-nul@example.com,,Manager', 'Aux Person,aux@example.com,lead-con@example.com,Growth', 'Nul Person,nul@example.com,lead-nul@example.com,Growth']
          .map((r) => `${r},AMER,2024-01-08,\n`)
          .join(''),
    );
    const run = await build(args(dir));
    expect(run.code, output(run)).toBe(0);
    const teams = readdirSync(path.join(dir, 'out', 'teams'));
    const people = readdirSync(path.join(dir, 'out', 'csm'));
    expect(teams.length).toBe(3);
    expect(people.length).toBe(4);
    for (const name of [...teams, ...people]) {
      expect(name.length).toBeLessThanOrEqual(60);
      expect(name).not.toMatch(/^(con|nul|aux)$/i);
      expect(existsSync(path.join(dir, 'out', teams.includes(name) ? 'teams' : 'csm', name, 'index.html'))).toBe(true);
    }
  });
});
