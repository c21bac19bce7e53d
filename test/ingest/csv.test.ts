import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, type CsvRecord } from '../../src/ingest/csv.ts';
import { decode } from '../../src/ingest/decode.ts';
import { CONFORMANCE, HAS_CONFORMANCE, itConformance } from './read-case.ts';

function records(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  parseCsv(text, (r) => void out.push(r));
  return out;
}

/** Records as objects keyed by the header, as csv-spectrum's JSON files hold them. */
function asObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = records(text).map((r) => r.cells);
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

describe('parseCsv conformance: csv-spectrum', () => {
  if (!HAS_CONFORMANCE) it.skip(`csv-spectrum suites: skipped, ${CONFORMANCE} is absent`, () => {});
  for (const suite of ['csv-spectrum', 'csv-spectrum-extra']) {
    const dir = path.join(CONFORMANCE, suite);
    for (const file of HAS_CONFORMANCE ? readdirSync(path.join(dir, 'csvs')) : []) {
      it(`${suite}/${file} parses to exactly its JSON`, () => {
        const d = decode(readFileSync(path.join(dir, 'csvs', file)));
        if (!d.ok) throw new Error(d.reason);
        const expected = JSON.parse(readFileSync(path.join(dir, 'json', file.replace(/\.csv$/, '.json')), 'utf8'));
        expect(asObjects(d.text)).toEqual(expected);
      });
    }
  }
  itConformance('papaparse/sample-header.csv keeps an empty first field', () => {
    const d = decode(readFileSync(path.join(CONFORMANCE, 'papaparse/sample-header.csv')));
    expect(asObjects(d.ok ? d.text : '')[1]).toEqual({ title: '', name: 'test name 02' });
  });
});

describe('parseCsv(text, onRecord)', () => {
  it('numbers records as a spreadsheet shows them: a line break inside quotes adds no row', () => {
    const recs = records('a,b\n1,"x\ny"\n2,3\n');
    expect(recs.map((r) => [r.line, r.cells])).toEqual([[1, ['a', 'b']], [2, ['1', 'x\ny']], [3, ['2', '3']]]);
  });
  it('splits LF, CRLF, bare CR and a mixture of them into the same records', () => {
    const want = [['a', 'b'], ['1', '2'], ['3', '4']];
    for (const nl of ['\n', '\r\n', '\r']) expect(records(`a,b${nl}1,2${nl}3,4${nl}`).map((r) => r.cells)).toEqual(want);
    expect(records('a,b\r\n1,2\n3,4\r\n').map((r) => r.cells)).toEqual(want);
    expect(records('a,b\r1,2\n3,4\r\n').map((r) => r.cells)).toEqual(want);
  });
  it('keeps a CRLF inside a quoted value of an LF file', () => {
    expect(records('a,b\n1,"x\r\ny"\n').map((r) => r.cells)[1]).toEqual(['1', 'x\r\ny']);
  });
  it('reads an unquoted NULL as empty and a quoted "NULL" as text', () => {
    expect(records('a,b,c\nNULL,"NULL",x\n')[1]!.cells).toEqual(['', 'NULL', 'x']);
  });
  it('reports an unterminated quote on its record', () => {
    const recs = records('a,b\n1,2\n"3,4\n5,6\n');
    expect(recs[2]!.malformed).toMatch(/unterminated/i);
    expect(recs[1]!.malformed).toBeNull();
  });
});

describe('detectDelimiter(text)', () => {
  it('takes the most frequent of comma, semicolon and tab on the header line', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});
