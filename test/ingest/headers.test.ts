import { describe, expect, it } from 'vitest';
import { closestHeader, matchHeaders } from '../../src/ingest/headers.ts';
import { headerMessage } from '../../src/ingest/read-table.ts';

const COLUMNS = ['Account ID', 'Account Name', 'CSM'];
const REQUIRED = new Set(['Account ID', 'Account Name']);

describe('matchHeaders(cells, columns, required, mapping)', () => {
  it('ignores case, surrounding and repeated spaces and a BOM', () => {
    const m = matchHeaders(['\uFEFF account  ID ', 'ACCOUNT NAME', 'csm'], COLUMNS, REQUIRED);
    expect([...m.positions]).toEqual([['Account ID', 0], ['Account Name', 1], ['CSM', 2]]);
    expect(m.problems).toEqual([]);
  });
  it('uses the config mapping of contract header to org header', () => {
    const m = matchHeaders(['Company GSID', 'Account Name'], COLUMNS, REQUIRED, { 'Account ID': 'company gsid' });
    expect(m.positions.get('Account ID')).toBe(0);
  });
  it('lists columns the contract does not name as unknown, and a repeated one of them once each', () => {
    const m = matchHeaders(['Account ID', 'Account Name', 'Website', 'Website'], COLUMNS, REQUIRED);
    expect(m.problems).toEqual([{ kind: 'unknown', header: 'Website', position: 3 }, { kind: 'unknown', header: 'Website', position: 4 }]);
  });
  it('names both positions of a contract column that appears twice', () => {
    const m = matchHeaders(['Account ID', 'Account Name', 'account id'], COLUMNS, REQUIRED);
    expect(m.problems).toEqual([{ kind: 'duplicate', column: 'Account ID', positions: [1, 3] }]);
    expect(headerMessage('accounts.csv', m.problems[0]!)).toMatchInlineSnapshot(
      `"accounts.csv: column "Account ID" appears twice, in columns A (1) and C (3); remove one of them from the export"`,
    );
  });
  it('reports a missing required column with the headers found and the closest one', () => {
    const m = matchHeaders(['Account Id (18)', 'Name', 'CSM'], COLUMNS, REQUIRED);
    const missing = m.problems.filter((p) => p.kind === 'missing');
    expect(missing.map((p) => p.kind === 'missing' && p.column)).toEqual(['Account ID', 'Account Name']);
    expect(headerMessage('accounts.csv', missing[0]!)).toMatchInlineSnapshot(
      `"accounts.csv: required column "Account ID" not found. Found: "Account Id (18)", "Name", "CSM". Did you mean "Account Id (18)"? Map it in the config under columns.accounts."`,
    );
  });
  it('does not require an optional column', () => {
    expect(matchHeaders(['Account ID', 'Account Name'], COLUMNS, REQUIRED).problems).toEqual([]);
  });
});

describe('closestHeader(expected, candidates)', () => {
  it('finds a header by edit distance or shared words, and nothing when none is close', () => {
    expect(closestHeader('Activity Date', ['Actvity Date', 'Owner'])).toBe('Actvity Date');
    expect(closestHeader('Account ID', ['Salesforce Account ID (18)', 'Region'])).toBe('Salesforce Account ID (18)');
    expect(closestHeader('Account ID', ['Region', 'Owner'])).toBeNull();
  });
});
