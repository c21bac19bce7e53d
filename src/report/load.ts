/**
 * The report model the pages read. The build renders in its own process and hands the model it
 * computed over in memory (never written to disk); a page built by `astro build` alone reads the
 * JSON file named by the `REPORT_MODEL` environment variable, once per process.
 */
import { readFileSync } from 'node:fs';
import type { ReportModel } from './model.ts';

// Astro runs the pages from its own bundle, a copy of this module: the hand-over goes through the
// process's global object, under a key of the registry so both copies name the same property.
const HANDED_OVER = Symbol.for('cs-report.report-model');

/** Gives the pages `model` (null takes it back). */
export function handOverReport(model: ReportModel | null): void {
  (globalThis as Record<symbol, unknown>)[HANDED_OVER] = model ?? undefined;
}

let cached: { path: string; model: ReportModel } | undefined;

/** The report model of this build; throws a clear error when none was handed over and `REPORT_MODEL` is unset or unreadable. */
export function loadReport(): ReportModel {
  const handed = (globalThis as Record<symbol, unknown>)[HANDED_OVER];
  if (handed) return handed as ReportModel;
  const path = process.env.REPORT_MODEL;
  if (!path) {
    throw new Error(
      'REPORT_MODEL is not set: the site renders a computed report model. Run `npm run build`, or set ' +
        'REPORT_MODEL to the path of a report model JSON (for example one written by test/fixtures/site/make-model.ts).',
    );
  }
  if (cached?.path === path) return cached.model;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`REPORT_MODEL names "${path}", which cannot be read: ${(e as Error).message}`);
  }
  const model = parseModel(bytes);
  cached = { path, model };
  return model;
}

/**
 * The model parsed one top-level key at a time, its strings shared as it goes. Parsing the whole
 * file at once holds its text (twice the file size as a JavaScript string) beside the growing
 * model, and the garbage collector sizes the heap for the rest of the render from that peak.
 */
function parseModel(bytes: Buffer): ReportModel {
  const members = topLevelMembers(bytes);
  if (!members) return shareStrings(JSON.parse(bytes.toString('utf8')) as ReportModel, new Map());
  const model: Record<string, unknown> = {};
  const seen = new Map<string, string>();
  for (const m of members) {
    const key = JSON.parse(bytes.toString('utf8', m.start, m.colon)) as string;
    model[key] = shareStrings(JSON.parse(bytes.toString('utf8', m.colon + 1, m.end)) as unknown, seen);
  }
  return model as unknown as ReportModel;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Where each member of the top-level object starts, has its colon and ends, scanning the bytes
 * (UTF-8 continuation bytes never equal these ASCII marks); null when the text is not an object.
 */
function topLevelMembers(b: Uint8Array): { start: number; colon: number; end: number }[] | null {
  let i = 0;
  while (i < b.length && b[i]! <= 0x20) i++;
  if (b[i] !== OPEN_OBJECT) return null;
  const members: { start: number; colon: number; end: number }[] = [];
  let depth = 1;
  let start = i + 1;
  let colon = -1;
  for (i++; i < b.length; i++) {
    const c = b[i]!;
    if (c === QUOTE) {
      for (i++; i < b.length && b[i] !== QUOTE; i++) if (b[i] === BACKSLASH) i++;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth === 0) {
        if (colon >= 0) members.push({ start, colon, end: i });
        return members;
      }
    } else if (depth === 1 && c === COLON && colon < 0) colon = i;
    else if (depth === 1 && c === COMMA) {
      if (colon < 0) return null;
      members.push({ start, colon, end: i });
      start = i + 1;
      colon = -1;
    }
  }
  return null;
}

/**
 * Makes equal strings in `value` one string (`seen` holds the first of each). JSON.parse gives
 * every occurrence its own copy, and the model repeats the same account IDs, emails, dates and
 * labels over a million times: sharing them more than halves the heap the whole render holds.
 */
function shareStrings<T>(value: T, seen: Map<string, string>): T {
  const share = (s: string): string => {
    const first = seen.get(s);
    if (first !== undefined) return first;
    seen.set(s, s);
    return s;
  };
  const walk = (x: object): void => {
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const v: unknown = x[i];
        if (typeof v === 'string') x[i] = share(v);
        else if (typeof v === 'object' && v !== null) walk(v);
      }
      return;
    }
    const o = x as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string') o[k] = share(v);
      else if (typeof v === 'object' && v !== null) walk(v);
    }
  };
  if (typeof value === 'object' && value !== null) walk(value);
  return value;
}
