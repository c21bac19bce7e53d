import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { config, readCase, rules } from './read-case.ts';

const BASE_ACTIVITIES = 'Activity ID,Account ID,Type,Activity Date,Author,Subject\nA-1,001A0000006Vm9rIAC,Cadence Call,2026-03-10,ada@example.com,Sync\n';

describe('cell-too-long: a cell above maxCellLength rejects its row', () => {
  const withSubject = (subject: string) => `${BASE_ACTIVITIES}A-2,001A0000006Vm9rIAC,Meeting,2026-03-11,ada@example.com,"${subject}"\n`;
  const lenient = config({ maxRejectRate: 0.9, maxCellLength: 50 });

  it('a cell of exactly maxCellLength characters is kept', async () => {
    const r = await readCase(null, { config: lenient, extra: { 'activities.csv': withSubject('x'.repeat(50)) } });
    expect(r.tables!.activities.map((a) => a.type)).toEqual(['Cadence Call', 'Meeting']);
    expect(rules(r, 'error')).toEqual([]);
  });

  it('a cell one character longer is rejected with rule cell-too-long; report and rejected file keep its first 200 characters and its length', async () => {
    const atLimit = await readCase(null, { config: config({ maxRejectRate: 0.9 }), extra: { 'activities.csv': withSubject('y'.repeat(32_767)) } });
    expect(rules(atLimit, 'error')).toEqual([]);
    const short = await readCase(null, { config: lenient, extra: { 'activities.csv': withSubject('x'.repeat(51)) } });
    expect(rules(short, 'error')).toEqual(['cell-too-long@activities.csv:3']);

    const tight = config({ maxRejectRate: 0.9, maxCellLength: 32_767 });
    const big = await readCase(null, { config: tight, extra: { 'activities.csv': withSubject(`=${'y'.repeat(299_999)}`) } });
    expect(big.tables!.activities.map((a) => a.type)).toEqual(['Cadence Call']);
    const issue = big.quality.issues.find((i) => i.rule === 'cell-too-long')!;
    expect(issue).toMatchObject({ file: 'activities.csv', line: 3, column: 'Subject', severity: 'error' });
    expect(issue.value).toBe(`=${'y'.repeat(199)}`);
    expect(issue.message).toContain('300,000 characters');
    const csv = big.rejectedCsv['activities.csv']!;
    expect(csv.length).toBeLessThan(600);
    expect(csv).toContain(`'=${'y'.repeat(199)}… [300,000 characters]`);
    expect(big.quality.files['activities.csv']).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
  });
});

describe('rejected-rows file: a cell that begins with a carriage return', () => {
  it("keeps the ' prefix, in an LF file and in a CRLF file", async () => {
    for (const nl of ['\n', '\r\n']) {
      const text = `Activity ID,Account ID,Type,Activity Date,Author,Subject${nl}A-1,001A0000006Vm9rIAC,Cadence Call,2026-03-10,ada@example.com,Sync${nl}"\rA-2",001A0000006Vm9rIAC,Nonsense,not a date,ada@example.com,x${nl}`;
      const r = await readCase(null, { config: config({ maxRejectRate: 0.9 }), extra: { 'activities.csv': text } });
      const row = r.rejectedCsv['activities.csv']!.split('\r\n')[1]!;
      expect(row.startsWith(`"'`)).toBe(true);
    }
  });
});

describe('only regular files are read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'special-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO in place of an export is fatal, names it, and is never waited on', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = await readCase(null, { links: { 'activities.csv': fifo } });
    expect(r.tables).toBeNull();
    const fatal = r.quality.issues.find((i) => i.rule === 'not-a-regular-file')!;
    expect(fatal.severity).toBe('fatal');
    expect(fatal.message).toMatch(/activities\.csv is a named pipe \(FIFO\), not a regular file/);
  });

  it('a link to /dev/zero is fatal and never read', async () => {
    const r = await readCase(null, { links: { 'pto.csv': '/dev/zero' } });
    expect(r.tables).toBeNull();
    expect(r.quality.issues.find((i) => i.rule === 'not-a-regular-file')!.message).toMatch(/pto\.csv is a device/);
  });

  it('a link to a regular file is read like the file', async () => {
    const target = path.join(dir, 'pto-export.csv');
    writeFileSync(target, 'Email,Start Date,End Date\nada@example.com,2026-03-01,2026-03-05\n');
    const r = await readCase(null, { links: { 'pto.csv': target } });
    expect(r.tables!.pto).toHaveLength(1);
  });
});

describe('config errors', () => {
  it('two contract columns mapped onto one header (compared as headers are) is an error naming both', () => {
    const r = parseConfig({ columns: { accounts: { 'Account ID': 'Company ID', 'Account Name': ' company  id ' } } });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual(['columns.accounts.Account Name: "Account ID" and "Account Name" are both mapped onto the header " company  id "; map each contract column onto a header of its own']);
    expect(parseConfig({ columns: { accounts: { 'Account ID': 'Company ID' }, activities: { 'Account ID': 'Company ID' } } }).ok).toBe(true);
  });

  it('a range whose min is above its max is an error; min equal to max is fine', () => {
    const r = parseConfig({ targets: { bookSize: { Strategic: { min: 21, max: 20 }, Growth: { min: 30, max: 10 } } } });
    expect(r.ok ? [] : r.errors).toEqual(['targets.bookSize.Strategic: min (21) is above max (20)', 'targets.bookSize.Growth: min (30) is above max (10)']);
    expect(parseConfig({ targets: { bookSize: { Strategic: { min: 20, max: 20 } } } }).ok).toBe(true);
  });

  it('maxCellLength defaults to 32,767 and must be a positive integer', () => {
    expect(config().maxCellLength).toBe(32_767);
    expect(parseConfig({ maxCellLength: 0 }).ok).toBe(false);
  });
});
