/**
 * Rule 3 and 4 of "What the build may touch": a build killed with SIGKILL at any step leaves a whole
 * site at --out (the old one until the new link is in place) and every history file whole, and the
 * next normal build finishes the job and equals a build that was never interrupted.
 */
import { existsSync, readdirSync, readlinkSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, caseCopy, dataCopy, FIRST_AS_OF, historyTree, killAt, NEXT_AS_OF, tree, workFolder } from './harness.ts';

const args = (dir: string, asOf: string) => ['--data', path.join(dir, 'data'), '--out', path.join(dir, 'out'), '--as-of', asOf];
const history = (dir: string) => path.join(dir, 'data', 'history');
const stateDir = (dir: string) => path.join(dir, '.out.cs-report');

let previous: string;
let prevSite: Record<string, string>;
let prevHistory: Record<string, string>;
let refSite: Record<string, string>;
let refHistory: Record<string, string>;

beforeAll(async () => {
  previous = workFolder('previous');
  dataCopy(previous);
  const first = await build(args(previous, FIRST_AS_OF));
  expect(first.code, first.stdout + first.stderr).toBe(0);
  prevSite = tree(path.join(previous, 'out'));
  prevHistory = historyTree(history(previous));

  const reference = workFolder('reference');
  caseCopy(previous, reference);
  const next = await build(args(reference, NEXT_AS_OF));
  expect(next.code, next.stdout + next.stderr).toBe(0);
  refSite = tree(path.join(reference, 'out'));
  refHistory = historyTree(history(reference));
});

afterAll(() => {
  const root = (globalThis as { faultRoot?: string }).faultRoot;
  if (root) rmSync(root, { recursive: true, force: true });
});

/** After the next normal build: the uninterrupted result, and nothing left over beside it. */
async function nextBuildEqualsUninterrupted(dir: string): Promise<void> {
  const next = await build(args(dir, NEXT_AS_OF));
  expect(next.code, next.stdout + next.stderr).toBe(0);
  expect(tree(path.join(dir, 'out'))).toEqual(refSite);
  expect(historyTree(history(dir))).toEqual(refHistory);
  expect(readdirSync(stateDir(dir))).toEqual([path.basename(readlinkSync(path.join(dir, 'out')))]);
  expect(readdirSync(history(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
}

// Where the build is killed, and what --out and the history must hold right after.
const POINTS: [point: string, site: 'previous' | 'new', historyState: 'previous' | 'snapshot-renamed' | 'new'][] = [
  ['read', 'previous', 'previous'],
  ['metrics', 'previous', 'previous'],
  ['render', 'previous', 'previous'],
  ['search-index', 'previous', 'previous'],
  ['swap-staged', 'previous', 'previous'],
  ['swap-link-made', 'previous', 'previous'],
  ['swap-linked', 'new', 'previous'],
  ['history', 'new', 'previous'],
  [`history-temp:${NEXT_AS_OF}.json`, 'new', 'previous'],
  ['history-temp:last-build.json', 'new', 'previous'],
  [`history-renamed:${NEXT_AS_OF}.json`, 'new', 'snapshot-renamed'],
  ['history-renamed:last-build.json', 'new', 'new'],
];

describe.concurrent('SIGKILL at every step of a build', () => {
  for (const [point, site, historyState] of POINTS) {
    it(`killed at ${point}: --out holds the ${site} site whole, history files are whole, and the next build equals an uninterrupted one`, async () => {
      const dir = workFolder(`kill-${point.replace(/[^a-z0-9]+/gi, '-')}`);
      caseCopy(previous, dir);
      await killAt(args(dir, NEXT_AS_OF), point);

      expect(tree(path.join(dir, 'out'))).toEqual(site === 'previous' ? prevSite : refSite);
      const expectedHistory =
        historyState === 'previous'
          ? prevHistory
          : historyState === 'new'
            ? refHistory
            : { ...prevHistory, [`${NEXT_AS_OF}.json`]: refHistory[`${NEXT_AS_OF}.json`]! };
      expect(historyTree(history(dir))).toEqual(expectedHistory);

      await nextBuildEqualsUninterrupted(dir);
    });
  }

  it('a first build killed after staging leaves no --out; the next build, even one that stops at exit 4, links the complete site', async () => {
    const dir = workFolder('kill-first-build');
    dataCopy(dir);
    await killAt(args(dir, FIRST_AS_OF), 'swap-staged');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // A night whose accounts export lost rows: the drop check stops it, but the killed swap is finished first.
    writeFileSync(path.join(dir, 'data', 'history', 'last-build.json'), JSON.stringify({ asOf: '2026-03-14', accepted: { 'accounts.csv': 100 } }));
    const stopped = await build(args(dir, FIRST_AS_OF));
    expect(stopped.code).toBe(4);
    expect(stopped.stdout).toContain('now links the last complete site');
    expect(tree(path.join(dir, 'out'))).toEqual(prevSite);
  });

  it('a plain folder holding a site (copied with its marker) killed while moved aside: the next build restores --out', async () => {
    const dir = workFolder('kill-plain-folder');
    dataCopy(dir);
    cpSync(path.join(previous, 'out/'), path.join(dir, 'out'), { recursive: true, dereference: true });
    rmSync(path.join(dir, 'data', 'history'), { recursive: true, force: true });
    cpSync(history(previous), history(dir), { recursive: true });
    await killAt(args(dir, NEXT_AS_OF), 'swap-moved-aside');
    await nextBuildEqualsUninterrupted(dir);
  });
});
