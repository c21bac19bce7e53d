import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE, generateSample } from '../../scripts/sample/generate.ts';
import { bytesOf, parse, textOf } from './sample-files.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'cs-sample-on-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ON = '2025-10-31';
const full = path.join(tmp, 'full');
const past = path.join(tmp, 'past');
beforeAll(() => {
  generateSample({ ...DEFAULT_SAMPLE, outDir: full });
  generateSample({ ...DEFAULT_SAMPLE, on: ON, outDir: past });
});

/** Data lines of a file (header dropped). */
const lines = (file: string, dir: string) => textOf(file, dir).split('\n').slice(1).filter((l) => l !== '');
const isoDay = (cell: string) => (/^\d{4}-\d\d-\d\d($|T[\d:]+Z$| )/.test(cell) ? cell.slice(0, 10) : null);

describe('the sample as it stood on an earlier day', () => {
  it('has the full export’s timeline rows up to that day, row for row, and none after it', () => {
    const fullRows = parse('activities.csv', full).records;
    const pastRows = parse('activities.csv', past).records;
    const pastIds = new Set(pastRows.map((r) => r['activity id']));
    const before = fullRows.filter((r) => isoDay(r['activity date']!) !== null && isoDay(r['activity date']!)! <= ON && r.subject !== 'Logged twice by the sync');
    expect(before.length).toBeGreaterThan(10_000);
    for (const r of before) expect(pastIds.has(r['activity id']), r['activity id']).toBe(true);
    const fullLines = new Set(lines('activities.csv', full));
    // Only the export's own quirk rows (scheduled calls, unknown types, rejected rows) are its own.
    expect(lines('activities.csv', past).filter((l) => !fullLines.has(l)).length).toBeLessThan(20);
    const after = pastRows.filter((r) => isoDay(r['activity date']!) !== null && isoDay(r['activity date']!)! > ON && r.subject !== 'Scheduled: cadence call');
    expect(after).toEqual([]);
  });

  it('names the day in config.json and has fewer accounts, fewer success plans and more P1s', () => {
    expect(JSON.parse(bytesOf('config.json', past).toString('utf8')).asOf).toBe(ON);
    const accounts = (dir: string) => parse('accounts.csv', dir).records.filter((a) => a.status !== 'Churned' && a.status !== 'Inactive');
    const p1Share = (dir: string) => accounts(dir).filter((a) => /^(PR1|P1|Priority 1|1)$/.test(a.priority!)).length / accounts(dir).length;
    expect(accounts(past).length).toBeLessThan(accounts(full).length);
    expect(p1Share(past)).toBeGreaterThan(p1Share(full) + 0.05);
    expect(parse('success_plans.csv', past).records.length).toBeLessThan(parse('success_plans.csv', full).records.length * 0.9);
  });

  it('moves health and renewal dates back plausibly: the renewal then is a year or two before today’s, never before the day', () => {
    const byId = (dir: string) => new Map(parse('accounts.csv', dir).records.map((a) => [a['account id']!, a]));
    const now = byId(full);
    const then = byId(past);
    let changedHealth = 0;
    const toDay = (us: string) => {
      const [m, d, y] = us.split('/').map(Number) as [number, number, number];
      return Date.UTC(y, m - 1, d) / 86_400_000;
    };
    const on = Date.parse(ON) / 86_400_000;
    for (const [id, a] of then) {
      const b = now.get(id)!;
      if (a.health !== b.health) changedHealth++;
      if (a.status === 'Active' && a['renewal date'] && b['renewal date'] && b.status === 'Active') {
        const gap = toDay(b['renewal date']) - toDay(a['renewal date']);
        expect([0, 365, 366, 730, 731]).toContain(gap);
        expect(toDay(a['renewal date'])).toBeGreaterThan(on);
      }
    }
    expect(changedHealth).toBeGreaterThan(20);
  });

  it('is deterministic: the same day gives the same bytes, and a CTA closed since is open on that day', () => {
    const again = path.join(tmp, 'again');
    generateSample({ ...DEFAULT_SAMPLE, on: ON, outDir: again });
    for (const f of ['accounts.csv', 'activities.csv', 'ctas.csv', 'success_plans.csv', 'opportunities.csv']) expect(bytesOf(f, again).equals(bytesOf(f, past)), f).toBe(true);
    const closedNow = new Map(parse('ctas.csv', full).records.filter((c) => c['closed date'] !== '').map((c) => [c['cta id']!, c]));
    const openThen = parse('ctas.csv', past).records.filter((c) => c['closed date'] === '' && closedNow.has(c['cta id']!));
    expect(openThen.length).toBeGreaterThan(10);
    for (const c of openThen) expect(['Open', 'New', 'Work In Progress', 'In Progress']).toContain(c.status);
  });

  it('refuses a day after the as-of date', () => {
    expect(() => generateSample({ ...DEFAULT_SAMPLE, on: '2026-12-01', outDir: path.join(tmp, 'bad') })).toThrow(/after the as-of date/);
  });
});
