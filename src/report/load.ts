/**
 * Reads the report model the build computed (the JSON file named by the `REPORT_MODEL` environment
 * variable) once per process; every page reads its slice through the cached copy.
 */
import { readFileSync } from 'node:fs';
import type { ReportModel } from './model.ts';

let cached: { path: string; model: ReportModel } | undefined;

/** The report model of this build; throws a clear error when `REPORT_MODEL` is unset or unreadable. */
export function loadReport(): ReportModel {
  const path = process.env.REPORT_MODEL;
  if (!path) {
    throw new Error(
      'REPORT_MODEL is not set: the site renders a computed report model. Run `npm run build`, or set ' +
        'REPORT_MODEL to the path of a report model JSON (for example one written by test/fixtures/site/make-model.ts).',
    );
  }
  if (cached?.path === path) return cached.model;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`REPORT_MODEL names "${path}", which cannot be read: ${(e as Error).message}`);
  }
  const model = JSON.parse(text) as ReportModel;
  cached = { path, model };
  return model;
}
