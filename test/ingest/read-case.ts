/** Reads a fixture case: the base org of test/fixtures/ingest/base with the case's files laid over it. */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../../src/config.ts';
import { dayFromIso } from '../../src/dates.ts';
import { readExports, type ExportsRead } from '../../src/ingest/read-exports.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
export const CONFORMANCE = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));
/**
 * The public CSV suites live beside the repository (../shared/conformance), not in it: a clone on
 * its own skips the tests that read them, with a note; CI always has them (.ci/run checks).
 */
export const HAS_CONFORMANCE = existsSync(CONFORMANCE);
if (!HAS_CONFORMANCE) console.warn(`note: ${CONFORMANCE} is absent: the tests that read the public CSV suites are skipped (CI runs them).`);
/** `it` for a test that reads the conformance suites: skipped, visibly, when they are absent. */
export const itConformance = it.skipIf(!HAS_CONFORMANCE);
export const AS_OF = '2026-03-15';

/** A config from its JSON form (validated as a config file is). */
export function config(json: unknown = {}): Config {
  const r = parseConfig(json);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** Reads `base` overlaid with `caseName` (and `extra` files given as text, `links` as symbolic links); `drop` removes base files. */
export async function readCase(caseName: string | null, opts: { config?: Config; extra?: Record<string, string | Uint8Array>; drop?: string[]; links?: Record<string, string> } = {}): Promise<ExportsRead> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
  try {
    cpSync(path.join(FIXTURES, 'base'), dir, { recursive: true });
    if (caseName) cpSync(path.join(FIXTURES, caseName), dir, { recursive: true });
    for (const f of opts.drop ?? []) rmSync(path.join(dir, f));
    for (const [f, content] of Object.entries(opts.extra ?? {})) writeFileSync(path.join(dir, f), content);
    for (const [f, target] of Object.entries(opts.links ?? {})) {
      rmSync(path.join(dir, f), { force: true });
      symlinkSync(target, path.join(dir, f));
    }
    return await readExports(dir, opts.config ?? DEFAULT_CONFIG, { asOf: dayFromIso(AS_OF) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The issues of a read as `rule@file:line` strings, for compact assertions. */
export function rules(read: ExportsRead, severity?: string): string[] {
  return read.quality.issues.filter((i) => !severity || i.severity === severity).map((i) => `${i.rule}@${i.file}:${i.line ?? '-'}`);
}
