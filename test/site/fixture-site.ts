/**
 * Building a report model into a site with `astro build` for the HTML-level suites, and the small
 * readers they share. Each suite builds its own variant of the fixture model, one build per suite.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ReportModel } from '../../src/report/model.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A private folder for one suite's builds. */
export const suiteFolder = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** Writes `model` into `dir` and builds it into `outDir`, served under `basePath`. */
export function buildSite(model: ReportModel, dir: string, outDir: string, basePath?: string): void {
  const modelPath = join(dir, 'model.json');
  writeFileSync(modelPath, JSON.stringify(model));
  execFileSync('npx', ['astro', 'build', '--outDir', outDir, '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      REPORT_MODEL: modelPath,
      ...(basePath ? { REPORT_BASE_PATH: basePath } : {}),
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    },
    stdio: 'pipe',
  });
}

/** The HTML of the page at `path` (a folder of the site). */
export const pageIn = (site: string, path: string): string => readFileSync(join(site, path, 'index.html'), 'utf8');

/** Text as Astro escapes it in HTML. */
export const escaped = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The HTML of the table row holding `marker`. */
export function rowWith(html: string, marker: string): string {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`no "${marker}"`);
  return html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
}

/** The HTML from the element with this id to the end of its section (or of the page). */
export function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id="${id}"`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end < 0 ? undefined : end);
}
