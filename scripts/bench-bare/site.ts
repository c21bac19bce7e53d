/**
 * The bench's floor for rendering: builds `count` bare pages (a 30-row table and a small d3 SVG
 * each) with Astro, at the project's build concurrency, in a throwaway project under .cache/bench.
 *   node scripts/bench-bare/site.ts COUNT
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import projectConfig from '../../astro.config.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const root = path.join(ROOT, '.cache/bench/bare');
const concurrency = projectConfig.build?.concurrency ?? 1;
rmSync(root, { recursive: true, force: true });
mkdirSync(path.join(root, 'src/pages'), { recursive: true });
cpSync(path.join(ROOT, 'scripts/bench-bare/page.astro'), path.join(root, 'src/pages/[id].astro'));
writeFileSync(path.join(root, 'astro.config.mjs'), `export default { build: { concurrency: ${concurrency} }, devToolbar: { enabled: false } };\n`);
process.env.BARE_PAGES = process.argv[2] ?? '100';
await build({ root, outDir: path.join(root, 'dist'), logLevel: 'error' });
