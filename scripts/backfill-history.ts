/**
 * `npm run backfill-history -- [--data DIR] [--quarters N]`: the sample org's history. Generates the
 * sample (the seed, scale and as-of date of `DIR/config.json`'s sample, see generate-sample) as it
 * stood on the last day of each of the N fiscal quarters before the as-of date and on the day before
 * it, builds each into a temporary folder with the history folder pointing at `DIR/history`, and so
 * stores one snapshot per day. Earlier snapshots in `DIR/history` are removed first: the history is
 * rebuilt whole. The snapshots differ because the org did: priorities, health, plans and renewals
 * move over the quarters (scripts/sample/state.ts), and the dated events are those up to each day.
 *
 * The sample's data and history, from scratch:
 *   npm run generate-sample && npm run backfill-history && npm run build
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dayFromIso, isoFromDay } from '../src/dates.ts';
import { fiscalQuarterOf, quarterRange, shiftQuarter } from '../src/metrics/fiscal.ts';
import { runBuild } from '../src/pipeline/build.ts';
import { DEFAULT_SAMPLE, generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    quarters: { type: 'string', default: '8' },
    scale: { type: 'string', default: String(DEFAULT_SAMPLE.scale) },
    seed: { type: 'string', default: DEFAULT_SAMPLE.seed },
    'as-of': { type: 'string', default: DEFAULT_SAMPLE.asOf },
  },
});
const asOf = dayFromIso(values['as-of']);
const quarters = Number(values.quarters);
const FISCAL_YEAR_START_MONTH = 2;
const current = fiscalQuarterOf(asOf, FISCAL_YEAR_START_MONTH);
const dates = Array.from({ length: quarters }, (_, i) => quarterRange(shiftQuarter(current, i - quarters), FISCAL_YEAR_START_MONTH).end);
dates.push(asOf - 1);

const historyDir = path.resolve(values.data, 'history');
rmSync(historyDir, { recursive: true, force: true });
const work = mkdtempSync(path.join(tmpdir(), 'cs-sample-history-'));
try {
  for (const day of dates) {
    const on = isoFromDay(day);
    const dir = path.join(work, on);
    generateSample({ scale: Number(values.scale), seed: values.seed, asOf: values['as-of'], on, outDir: dir, historyDir });
    const code = await runBuild({ dataDir: dir, outDir: '', asOf: on, render: false, allowDrop: true, log: () => {} });
    console.log(`${on}: ${code === 0 ? 'snapshot stored' : `failed with exit code ${code}`}`);
    if (code !== 0) process.exit(code);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
