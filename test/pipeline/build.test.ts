import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.ts';
import { SITE_MARKER } from '../../src/pipeline/site-dir.ts';
import { METRIC_KEYS } from '../../src/report/model.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../data');
const work = mkdtempSync(path.join(tmpdir(), 'build-test-'));
const quiet = () => {};

/** A copy of the sample exports (history included) that a test may change. */
function sampleCopy(name: string): string {
  const dir = path.join(work, name);
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('runBuild on the sample org', () => {
  let data: string;
  let out: string;
  let code: number;
  beforeAll(async () => {
    data = sampleCopy('sample');
    out = path.join(work, 'site');
    code = await runBuild({ dataDir: data, outDir: out, log: quiet });
  }, 120_000);

  it('exits 0 and writes metrics.json with every metric key for the org, every team and every CSM', () => {
    expect(code).toBe(0);
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(metrics.asOf).toBe('2026-11-20');
    expect(metrics.fiscalQuarter).toBe('FY27-Q4');
    expect(Object.keys(metrics.org.metrics).sort()).toEqual([...METRIC_KEYS].sort());
    expect(metrics.teams.length).toBeGreaterThan(0);
    for (const scope of [metrics.org, ...metrics.teams, ...metrics.csms]) {
      expect(Object.keys(scope.metrics).sort()).toEqual([...METRIC_KEYS].sort());
      expect(Object.keys(scope.status).sort()).toEqual([...METRIC_KEYS].sort());
    }
    for (const csm of metrics.csms) {
      expect(csm.email).toBe(csm.email.toLowerCase());
      expect(csm.presidentsClub.fiscalYear).toBe('FY2027');
      expect(Object.keys(csm.presidentsClub).sort()).toEqual(
        ['adoptionPlaysWon', 'categoryPoints', 'ebrCompletion', 'fiscalYear', 'greenSuccessPlans', 'netArrContribution', 'points', 'rank', 'workshops'],
      );
    }
  });

  it('writes quality.json in the contract shape, with read = accepted + rejected per file', () => {
    const quality = JSON.parse(readFileSync(path.join(out, 'quality.json'), 'utf8'));
    for (const [, f] of Object.entries<Record<string, number>>(quality.files)) {
      expect(f.read).toBe(f.accepted! + f.rejected!);
      for (const key of ['read', 'accepted', 'rejected', 'footerLines', 'warnings']) expect(typeof f[key]).toBe('number');
    }
    for (const issue of quality.issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'value', 'rule', 'severity']));
      expect(['fatal', 'error', 'warning', 'info']).toContain(issue.severity);
    }
  });

  it('writes the rejected rows with line and reason, formulas neutralised', () => {
    const csv = readFileSync(path.join(out, 'data-quality/activities.rejected.csv'), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toMatch(/,Line,Reason$/);
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('never copies the raw exports into the site', () => {
    for (const file of ['accounts.csv', 'activities.csv', 'csms.csv']) expect(existsSync(path.join(out, file))).toBe(false);
  });

  it('stores a history snapshot and the accepted counts for the next drop check', () => {
    expect(existsSync(path.join(data, 'history', '2026-11-20.json'))).toBe(true);
    const last = JSON.parse(readFileSync(path.join(data, 'history', 'last-build.json'), 'utf8'));
    expect(last.accepted['activities.csv']).toBeGreaterThan(40_000);
  });
});

describe('runBuild exit codes leave the previous site untouched', () => {
  const sentinelSite = () => {
    const out = mkdtempSync(path.join(work, 'previous-site-'));
    writeFileSync(path.join(out, 'index.html'), 'previous site');
    writeFileSync(path.join(out, SITE_MARKER), '');
    return out;
  };
  const unchanged = (out: string) => readFileSync(path.join(out, 'index.html'), 'utf8') === 'previous site';

  it('exits 2 when a required file is missing', async () => {
    const data = sampleCopy('missing-accounts');
    rmSync(path.join(data, 'accounts.csv'));
    const out = sentinelSite();
    expect(await runBuild({ dataDir: data, outDir: out, log: quiet })).toBe(2);
    expect(unchanged(out)).toBe(true);
  });

  it('exits 2 when the config does not validate', async () => {
    const data = sampleCopy('bad-config');
    writeFileSync(path.join(data, 'config.json'), JSON.stringify({ maxRejectRate: 2, colums: {} }));
    const lines: string[] = [];
    expect(await runBuild({ dataDir: data, outDir: sentinelSite(), log: (l) => lines.push(l) })).toBe(2);
    expect(lines.join('\n')).toMatch(/maxRejectRate/);
    expect(lines.join('\n')).toMatch(/colums/);
  });

  it('exits 3 when more than maxRejectRate of a file is rejected', async () => {
    const data = sampleCopy('too-many-rejected');
    const file = path.join(data, 'pto.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
    // Every row gets an end date before its start.
    const broken = rows.map((r) => r.replace(/,([^,]*),([^,]*)(,|$)/, ',$1,1/1/2000$3'));
    writeFileSync(file, [header, ...broken].join('\n'));
    const out = sentinelSite();
    expect(await runBuild({ dataDir: data, outDir: out, log: quiet })).toBe(3);
    expect(unchanged(out)).toBe(true);
  });

  it('exits 4 when a file shrinks by more than maxRowDrop against the previous build, and 0 with allowDrop', async () => {
    const data = sampleCopy('drop');
    expect(await runBuild({ dataDir: data, outDir: '', render: false, log: quiet })).toBe(0);
    const file = path.join(data, 'activities.csv');
    const lines = readFileSync(file, 'latin1').split('\n');
    writeFileSync(file, lines.slice(0, Math.floor(lines.length * 0.7)).join('\n'), 'latin1');
    const out = sentinelSite();
    expect(await runBuild({ dataDir: data, outDir: out, log: quiet })).toBe(4);
    expect(unchanged(out)).toBe(true);
    expect(await runBuild({ dataDir: data, outDir: '', render: false, allowDrop: true, log: quiet })).toBe(0);
  });

  it('exits 4 when a file the previous build had is missing now', async () => {
    const data = sampleCopy('file-gone');
    expect(await runBuild({ dataDir: data, outDir: '', render: false, log: quiet })).toBe(0);
    rmSync(path.join(data, 'pto.csv'));
    expect(await runBuild({ dataDir: data, outDir: '', render: false, log: quiet })).toBe(4);
  });
});
