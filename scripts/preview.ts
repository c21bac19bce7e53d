/**
 * `npm run preview -- [--out DIR] [--data DIR] [--config FILE] [--port N]`: serves a built site on
 * localhost under the base path of its config (`basePath`), so links, styles and search work as
 * they will on the web server.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/pipeline/config-file.ts';
import { serveSite } from '../src/preview/serve.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    data: { type: 'string', default: 'data' },
    config: { type: 'string' },
    port: { type: 'string', default: '4321' },
  },
});

const loaded = await loadConfig(values.config, values.data);
if (!loaded.ok) {
  for (const e of loaded.errors) console.error(e);
  process.exit(2);
}
if (!existsSync(path.join(values.out, 'index.html'))) {
  console.error(`${values.out} holds no built site: run \`npm run build\` first (or give --out DIR).`);
  process.exit(2);
}
const site = await serveSite(values.out, loaded.config.basePath, Number(values.port));
console.log(`Serving ${values.out} at ${site.url} (Ctrl-C to stop).`);
