import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/dates.ts';
import { parseCsv } from '../../src/ingest/csv.ts';
import type { ExportsRead } from '../../src/ingest/read-exports.ts';
import { readTable } from '../../src/ingest/read-table.ts';
import { Roster } from '../../src/ingest/roster.ts';
import { ACTIVITIES } from '../../src/ingest/schemas.ts';
import { config, readCase } from './read-case.ts';

const SEVERITIES = ['fatal', 'error', 'warning', 'info'];

/** Every row is accounted for and every problem is a structured issue. */
function checkAccounting(r: ExportsRead): void {
  for (const f of Object.values(r.quality.files)) expect(f.read).toBe(f.accepted + f.rejected);
  for (const i of r.quality.issues) {
    expect(SEVERITIES).toContain(i.severity);
    expect(i.rule).toMatch(/^[a-z-]+$/);
    expect(i.message.length).toBeGreaterThan(0);
  }
  const fatal = r.quality.issues.some((i) => i.severity === 'fatal');
  expect(r.tables === null).toBe(fatal);
}

describe('the reader never crashes', () => {
  it('arbitrary bytes as activities.csv end in accepted rows or structured issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        checkAccounting(await readCase(null, { extra: { 'activities.csv': bytes } }));
      }),
      { numRuns: 40 },
    );
  });

  const cell = fc.oneof(
    fc.constantFrom('', 'A-1', '001A0000006Vm9rIAC', '001A0000006Vm9r', 'Meeting', 'Workshop', 'Onsite', '2026-03-10', '3/4/2026', '13/02/2026', '02/13/2026',
      'NULL', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '=1+1', 'Total', 'Grand Totals (3 records)', 'Confidential Information - Do Not Distribute', 'ada@example.com', 'Ada Byron', 'ø€😀'),
    fc.string({ maxLength: 12 }),
  );
  const quoted = fc.tuple(cell, fc.boolean()).map(([c, q]) => (q ? `"${c.replace(/"/g, '""')}"` : c));
  const row = fc.array(quoted, { minLength: 0, maxLength: 8 });
  const sep = fc.constantFrom(',', ';', '\t');
  const nl = fc.constantFrom('\n', '\r\n', '\r');

  it('arbitrary mangled CSV: read = accepted + rejected, and the rejected file holds every rejected row', () => {
    const roster = new Roster([{ name: 'Ada Byron', email: 'ada@example.com' }]);
    const ctx = { config: config(), asOf: dayFromIso('2026-03-15'), roster, accountIds: new Set(['001A0000006Vm9rIAC']) };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), sep, nl, fc.boolean(), (rows, d, n, keepHeader) => {
        const header = keepHeader ? ['Activity ID', 'Account ID', 'Type', 'Activity Date', 'Author', 'Subject'].join(d) : '';
        const text = [header, ...rows.map((r) => r.join(d))].join(n);
        const t = readTable(ACTIVITIES, text, ctx);
        expect(t.read).toBe(t.accepted + t.rejected);
        if (t.rows) expect(t.rows.length).toBe(t.accepted);
        expect(t.issues.filter((i) => i.severity === 'error').length).toBeGreaterThanOrEqual(t.rejected);
        if (t.rejectedCsv) {
          let records = 0;
          parseCsv(t.rejectedCsv, () => void records++);
          expect(records - 1).toBe(t.rejected);
        } else expect(t.rejected).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
