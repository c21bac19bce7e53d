/** Reads the shipped sample exports for the tests: raw bytes, decoded text, and parsed records. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');

/** The sample's as-of date (data/config.json). */
export const AS_OF = '2026-11-20';

export const bytesOf = (file: string, dir = DATA_DIR): Buffer => readFileSync(path.join(dir, file));

/** Decoded text: accounts.csv is Windows-1252, the rest UTF-8 (a BOM is dropped by TextDecoder). */
export function textOf(file: string, dir = DATA_DIR): string {
  return new TextDecoder(file === 'accounts.csv' ? 'windows-1252' : 'utf-8').decode(bytesOf(file, dir));
}

/** Header matching as the contract defines it: case, surrounding and repeated spaces do not count. */
export const normalizeHeader = (h: string): string => h.trim().replace(/\s+/g, ' ').toLowerCase();

export interface Parsed {
  /** Headers as written. */
  header: string[];
  /** Data records, keyed by normalised header. */
  records: Record<string, string>[];
  /** Lines after the data (a Salesforce report footer). */
  footer: string[];
}

/** Parses a sample file; the footer of a Salesforce report (after a blank line) is split off. */
export function parse(file: string, dir = DATA_DIR): Parsed {
  let text = textOf(file, dir);
  let footer: string[] = [];
  const blank = text.search(/\r?\n\r?\n/);
  if (file === 'opportunities.csv' && blank >= 0) {
    footer = text.slice(blank).split(/\r?\n/).slice(1).filter((l, i, all) => i < all.length - 1 || l !== '');
    text = text.slice(0, blank);
  }
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const [header = [], ...data] = rows;
  const keys = header.map(normalizeHeader);
  const records = data.map((cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ''])));
  return { header, records, footer };
}

const cache = new Map<string, Parsed>();
/** `parse` of the shipped file, parsed once per test run. */
export function sample(file: string): Parsed {
  let p = cache.get(file);
  if (!p) cache.set(file, (p = parse(file)));
  return p;
}
