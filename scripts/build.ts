/** `npm run build -- --data DIR --out DIR --as-of YYYY-MM-DD [--config FILE] [--allow-drop]` */
import { parseArgs } from 'node:util';
import { EXIT, runBuild } from '../src/pipeline/build.ts';
import { keepHeapNearLiveSize } from '../src/pipeline/heap.ts';

keepHeapNearLiveSize();

// Set before anything loads Astro: a build makes no network request.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const USAGE = 'Usage: npm run build -- --data DIR --out DIR [--as-of YYYY-MM-DD] [--config FILE] [--allow-drop]';
let values;
try {
  values = parseArgs({
    options: {
      data: { type: 'string', default: 'data' },
      out: { type: 'string', default: 'dist' },
      'as-of': { type: 'string' },
      config: { type: 'string' },
      'allow-drop': { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(EXIT.fatal);
}

process.exitCode = await runBuild({
  dataDir: values.data,
  outDir: values.out,
  asOf: values['as-of'],
  configPath: values.config,
  allowDrop: values['allow-drop'],
});
// Astro and Pagefind may leave handles open; the build is done.
process.exit(process.exitCode);
