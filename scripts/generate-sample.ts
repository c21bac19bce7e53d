/**
 * Generates the synthetic sample org's exports (deterministic for a seed).
 *
 *   node scripts/generate-sample.ts [--scale N] [--out DIR] [--seed S] [--as-of YYYY-MM-DD]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLE, generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: String(DEFAULT_SAMPLE.scale) },
    out: { type: 'string', default: 'data' },
    seed: { type: 'string', default: DEFAULT_SAMPLE.seed },
    'as-of': { type: 'string', default: DEFAULT_SAMPLE.asOf },
    on: { type: 'string' },
  },
});

try {
  const started = performance.now();
  const rows = generateSample({ scale: Number(values.scale), outDir: values.out, seed: values.seed, asOf: values['as-of'], on: values.on });
  for (const [file, n] of Object.entries(rows)) console.log(`${file.padEnd(20)} ${String(n).padStart(8)} rows`);
  console.log(`→ ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`generate-sample: ${(e as Error).message}`);
  process.exit(1);
}
