import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, plausibleCp1252 } from '../../src/ingest/decode.ts';
import { parseCsv } from '../../src/ingest/csv.ts';
import { CONFORMANCE, itConformance } from './read-case.ts';

const text = (d: ReturnType<typeof decode>) => (d.ok ? d.text : `ERROR: ${d.reason}`);

describe('decode(bytes, encoding)', () => {
  itConformance('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(text(decode(new TextEncoder().encode('Zoë,1')))).toBe('Zoë,1');
    const bom = readFileSync(path.join(CONFORMANCE, 'papaparse/utf-8-bom-sample.csv'));
    const d = decode(bom);
    const first: string[] = [];
    parseCsv(text(d), (r) => void first.push(...(r.line === 1 ? r.cells : [])));
    expect(first[0]).toBe('A');
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
    const be = Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9]);
    expect(decode(le)).toEqual({ ok: true, text: 'Aé', encoding: 'utf-16le', fallback: false });
    expect(decode(be)).toEqual({ ok: true, text: 'Aé', encoding: 'utf-16be', fallback: false });
  });
  it('falls back to Windows-1252 for the bytes Excel writes, and says so', () => {
    const bytes = Uint8Array.from([...Buffer.from('Soci'), 0xe9, ...Buffer.from('t'), 0xe9, ...Buffer.from(' G'), 0xe9, ...Buffer.from('n'), 0xe9, ...Buffer.from('rale '), 0x80, 0x31]);
    expect(decode(bytes)).toEqual({ ok: true, text: 'Société Générale €1', encoding: 'windows-1252', fallback: true });
  });
  itConformance('refuses the Shift_JIS sample without a configured encoding, never giving mojibake', () => {
    const sjis = readFileSync(path.join(CONFORMANCE, 'papaparse/sjis-sample.csv'));
    const d = decode(sjis);
    expect(d.ok).toBe(false);
    expect(plausibleCp1252(sjis)).toBe(false);
  });
  itConformance('reads the Shift_JIS sample when the config names shift_jis', () => {
    const sjis = readFileSync(path.join(CONFORMANCE, 'papaparse/sjis-sample.csv'));
    const rows: string[][] = [];
    parseCsv(text(decode(sjis, 'shift_jis')), (r) => void rows.push(r.cells));
    expect(rows[0]).toEqual(['コントロールカラム', '商品管理番号（商品URL）']);
  });
  it('refuses bytes that are not valid in the configured encoding', () => {
    expect(decode(Uint8Array.from([0xff, 0xff, 0x41]), 'utf-8').ok).toBe(false);
  });
  it('refuses binary data (NUL bytes) and a broken UTF-16 file', () => {
    expect(decode(Uint8Array.from([0x41, 0x00, 0x42, 0xff])).ok).toBe(false);
    expect(decode(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8])).ok).toBe(false);
  });
  it('plausibleCp1252 refuses runs of non-ASCII bytes typical of double-byte encodings', () => {
    expect(plausibleCp1252(Uint8Array.from([0xe6, 0xf1, 0xd6, 0xd0, 0x41, 0xce, 0xc4]))).toBe(false);
    expect(plausibleCp1252(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe(true);
  });
});
