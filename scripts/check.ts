/**
 * `npm run check -- --data DIR [--config FILE] [--as-of YYYY-MM-DD]`: reads and validates the
 * exports only, prints the quality table and issues, and exits with the build's code (0 fine,
 * 2 fatal, 3 too many rejected rows). There is no previous build here, so no drop check.
 */
import { parseArgs } from 'node:util';
import { dayFromIso } from '../src/dates.ts';
import { exitCodeFor, formatQualityTable } from '../src/ingest/outcome.ts';
import { readExports } from '../src/ingest/read-exports.ts';
import { loadConfig, todayIn } from '../src/pipeline/config-file.ts';

const EXIT_FATAL = 2;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { data: { type: 'string', default: 'data' }, config: { type: 'string' }, 'as-of': { type: 'string' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run check -- --data DIR [--config FILE] [--as-of YYYY-MM-DD]`);
    return EXIT_FATAL;
  }
  const dataDir = args.data!;
  const loaded = await loadConfig(args.config, dataDir);
  if (!loaded.ok) {
    for (const e of loaded.errors) console.error(`fatal   config: ${e}`);
    return EXIT_FATAL;
  }
  const config = loaded.config;
  let asOf;
  try {
    asOf = dayFromIso(args['as-of'] ?? config.asOf ?? todayIn(config.timeZone));
  } catch (e) {
    console.error(`fatal   --as-of: ${(e as Error).message}`);
    return EXIT_FATAL;
  }
  const progress = process.stderr.isTTY
    ? (p: { file: string; rows: number; rowsPerSecond: number }) => process.stderr.write(`\r  ${p.file}: ${p.rows.toLocaleString('en-US')} rows (${p.rowsPerSecond.toLocaleString('en-US')} rows/s)   `)
    : (p: { file: string; rows: number; rowsPerSecond: number }) => process.stderr.write(`  ${p.file}: ${p.rows.toLocaleString('en-US')} rows (${p.rowsPerSecond.toLocaleString('en-US')} rows/s)\n`);
  const read = await readExports(dataDir, config, { asOf, onProgress: progress });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  console.log(formatQualityTable(read.quality));
  const outcome = exitCodeFor(read.quality, config, null, true);
  if (outcome.messages.length > 0) console.log('');
  for (const m of outcome.messages) console.log(m);
  console.log(outcome.code === 0 ? '\nThe exports are fine to build from.' : `\nThe build would stop (exit code ${outcome.code}).`);
  return outcome.code;
}

process.exitCode = await main();
