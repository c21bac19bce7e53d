import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE, generateSample } from '../../scripts/sample/generate.ts';
import { bytesOf, DATA_DIR } from './sample-files.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'cs-sample-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generateSample', () => {
  let scaleOne: Record<string, number> = {};

  it('with the default seed, scale and as-of rewrites data/ byte for byte', () => {
    const out = path.join(tmp, 'again');
    scaleOne = generateSample({ ...DEFAULT_SAMPLE, outDir: out });
    const files = readdirSync(DATA_DIR).filter((f) => f !== 'history').sort();
    expect(readdirSync(out).sort()).toEqual(files);
    for (const f of files) expect(bytesOf(f, out).equals(bytesOf(f, DATA_DIR)), f).toBe(true);
  });

  it('gives other data for another seed, and the as-of date goes into config.json', () => {
    const out = path.join(tmp, 'other');
    generateSample({ ...DEFAULT_SAMPLE, seed: 'another org', asOf: '2026-06-30', outDir: out });
    expect(bytesOf('accounts.csv', out).equals(bytesOf('accounts.csv'))).toBe(false);
    expect(JSON.parse(bytesOf('config.json', out).toString('utf8')).asOf).toBe('2026-06-30');
  });

  it('grows linearly with the scale', () => {
    const one = scaleOne;
    const two = generateSample({ ...DEFAULT_SAMPLE, scale: 2, outDir: path.join(tmp, 's2') });
    for (const file of ['csms.csv', 'accounts.csv', 'activities.csv']) {
      expect(two[file]! / one[file]!, file).toBeGreaterThan(1.8);
      expect(two[file]! / one[file]!, file).toBeLessThan(2.2);
    }
  });

  it('refuses a scale that is not a whole number of at least 1', () => {
    expect(() => generateSample({ ...DEFAULT_SAMPLE, scale: 0.5, outDir: path.join(tmp, 'bad') })).toThrow(/scale/);
    expect(() => generateSample({ ...DEFAULT_SAMPLE, scale: Number.NaN, outDir: path.join(tmp, 'bad') })).toThrow(/scale/);
  });
});
