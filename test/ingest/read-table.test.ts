import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/dates.ts';
import { readTable } from '../../src/ingest/read-table.ts';
import { Roster } from '../../src/ingest/roster.ts';
import { ACTIVITIES } from '../../src/ingest/schemas.ts';
import { config } from './read-case.ts';

const ctx = { config: config(), asOf: dayFromIso('2026-03-15'), roster: new Roster([]), accountIds: new Set(['001A0000006Vm9rIAC']) };
const HEADER = 'Activity ID,Account ID,Type,Activity Date,Author,Subject';
const row = (id: string) => `${id},001A0000006Vm9rIAC,Meeting,2026-03-10,,x`;

describe('readTable duplicate keys', () => {
  it('names the line of the first row for every duplicate, however many there are', () => {
    // 20 keys on lines 2–21, each repeated on lines 22–41; then K21 on line 42, repeated on line 43.
    const ids = Array.from({ length: 20 }, (_, i) => `K${i + 1}`);
    const text = [HEADER, ...ids.map(row), ...ids.map(row), row('K21'), row('K21')].join('\n');
    const t = readTable(ACTIVITIES, text, ctx);
    expect([t.read, t.accepted, t.rejected]).toEqual([42, 21, 21]);
    const duplicates = t.issues.filter((i) => i.rule === 'duplicate-key').map((i) => [i.line, i.value, i.message]);
    expect(duplicates).toEqual([
      ...ids.map((id, i) => [22 + i, id, `duplicate of the row on line ${2 + i}`]),
      [43, 'K21', 'duplicate of the row on line 42'],
    ]);
  });
});
