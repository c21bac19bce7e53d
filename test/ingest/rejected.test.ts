import { describe, expect, it } from 'vitest';
import { neutralizeFormula, rejectedCsv } from '../../src/ingest/rejected.ts';

describe('neutralizeFormula(cell)', () => {
  it("prefixes ' to cells a spreadsheet would run as a formula", () => {
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(c)).toBe(`'${c}`);
    for (const c of ['1', 'a=b', '', ' =1']) expect(neutralizeFormula(c)).toBe(c);
  });
});

describe('rejectedCsv(header, rows)', () => {
  it('writes the original header and cells, then Line and Reason, quoted where needed', () => {
    const csv = rejectedCsv(['ID', 'Name'], [
      { cells: ['=cmd', 'A, "B"'], line: 3, reason: 'ID: bad' },
      { cells: ['x'], line: 7, reason: 'short row' },
      { cells: ['y', 'z', 'extra'], line: 9, reason: 'long row' },
    ]);
    expect(csv).toBe(`ID,Name,Line,Reason\r\n'=cmd,"A, ""B""",3,ID: bad\r\nx,,7,short row\r\ny,z,9,long row,extra\r\n`);
  });
});
