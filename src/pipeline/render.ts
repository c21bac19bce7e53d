/**
 * Rendering a report model into a site folder with Astro, and the Pagefind search index. Each render
 * runs in a working folder of its own (Astro's root with its `.astro/` folder, and its cache), made
 * of links to the project's sources, so builds running at the same time never share a build file.
 * Astro's telemetry is off for every build: no network request is made.
 */
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handOverReport } from '../report/load.ts';
import type { ReportModel } from '../report/model.ts';
import type { SearchRecord } from '../report/search-records.ts';
import { privateTempFolder } from './cleanup.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROJECT_ENTRIES = ['src', 'public', 'node_modules', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Renders the Astro site for `model` into `outDir`, to be served under `basePath`. */
export async function renderSite(model: ReportModel, outDir: string, basePath = '/', workDir?: string): Promise<void> {
  const temp = workDir ? null : await privateTempFolder('cs-report-render-');
  const root = path.join(workDir ?? temp!.dir, 'astro-root');
  try {
    await mkdir(root);
    for (const entry of PROJECT_ENTRIES) await symlink(path.join(PROJECT_ROOT, entry), path.join(root, entry));
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    handOverReport(model);
    process.env.REPORT_BASE_PATH = basePath; // astro.config.mjs and the pages' links read it
    const { build } = await import('astro');
    // Astro keeps the server build of the pages in `<current folder>/.astro/` when the output folder
    // lies outside the current folder: the render runs from its own root so that folder is its own.
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await build({
        root,
        cacheDir: path.join(root, '.cache'),
        outDir,
        logLevel: 'warn',
        // The sources are reached through the links above; resolved as links, they stay inside the root.
        vite: { resolve: { preserveSymlinks: true } },
      });
    } finally {
      process.chdir(cwd);
    }
  } finally {
    handOverReport(null);
    temp?.remove();
  }
}

/** Writes the Pagefind search index of the accounts, CSMs and teams into the folder `outputPath`. */
export async function indexForSearch(outputPath: string, records: readonly SearchRecord[]): Promise<void> {
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('search index: Pagefind could not start');
  try {
    for (const r of records) {
      const { errors } = await index.addCustomRecord(r);
      if (errors.length > 0) throw new Error(`search index: ${errors.join('; ')}`);
    }
    const { errors } = await index.writeFiles({ outputPath });
    if (errors.length > 0) throw new Error(`search index: writing into ${outputPath} failed: ${errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
