import { describe, expect, it } from 'vitest';
import { csvField, encodeWindows1252 } from '../../scripts/sample/csv-writer.ts';
import { dateTime, dollars, moneyCell, usDate } from '../../scripts/sample/formats.ts';
import { emailLocal } from '../../scripts/sample/org.ts';
import { createRng } from '../../scripts/sample/random.ts';
import { dayFromIso } from '../../src/dates.ts';

describe('sample value formats', () => {
  it('dateTime writes one instant in every style: UTC, a zone offset, a plain date, a space-separated time', () => {
    const day = dayFromIso('2026-03-15');
    const minute = 23 * 60 + 30; // late in the UTC day, so a positive offset crosses into the next local day
    for (let seed = 0; seed < 20; seed++) {
      const utc = dateTime(day, minute, 'utc', createRng(seed));
      const offset = dateTime(day, minute, 'offset', createRng(seed));
      expect(utc).toMatch(/^2026-03-15T23:30:\d\dZ$/);
      expect(offset).toMatch(/^2026-03-1[56]T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(Date.parse(offset)).toBe(Date.parse(utc));
    }
    expect(dateTime(day, minute, 'date', createRng(1))).toBe('2026-03-15');
    expect(dateTime(day, 65, 'space', createRng(1))).toMatch(/^2026-03-15 01:05:\d\d$/);
  });

  it('usDate writes unpadded month-first slash dates', () => {
    expect(usDate(dayFromIso('2026-04-07'))).toBe('4/7/2026');
    expect(usDate(dayFromIso('2026-11-20'))).toBe('11/20/2026');
  });

  it('dollars groups thousands and puts negatives in parentheses', () => {
    expect(dollars(1234.5)).toBe('$1,234.50');
    expect(dollars(-1234.5)).toBe('($1,234.50)');
    expect(dollars(1_234_567)).toBe('$1,234,567.00');
    expect(dollars(999)).toBe('$999.00');
  });

  it('moneyCell uses the shapes the contract reads', () => {
    const rng = createRng(7);
    for (let i = 0; i < 50; i++) expect(moneyCell(125_000, rng)).toMatch(/^(125000|\$125,000\.00|USD 125,000\.00)$/);
  });

  it('csvField quotes only what needs it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' Owner ')).toBe('" Owner "');
    expect(csvField('x', true)).toBe('"x"');
  });

  it('encodeWindows1252 writes Latin-1 letters and the 0x80-0x9F characters, and refuses the rest', () => {
    expect([...encodeWindows1252('é–™€')]).toEqual([0xe9, 0x96, 0x99, 0x80]);
    expect(new TextDecoder('windows-1252').decode(encodeWindows1252('Société Générale Démo'))).toBe('Société Générale Démo');
    expect(() => encodeWindows1252('Łódź')).toThrow(/Windows-1252/);
  });

  it('emailLocal turns accented names into ASCII email local parts', () => {
    expect(emailLocal('José García')).toBe('jose.garcia');
    expect(emailLocal('Søren Müller')).toBe('soren.muller');
    expect(emailLocal("Tess O'Brien")).toBe('tess.obrien');
  });

  it('createRng repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(1)) expect(x >= 0 && x < 1).toBe(true);
  });
});
