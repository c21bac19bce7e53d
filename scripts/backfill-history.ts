/**
 * `npm run backfill-history -- [--data DIR] [--quarters N] [--as-of YYYY-MM-DD]`: runs the engine over
 * the exports in DIR as of the last day of each of the N fiscal quarters before the as-of date, and as
 * of the day before it, storing a history snapshot for each, so that trends, the p1Ratio two-quarter
 * rule and "what changed since the previous build" have earlier builds to read. Dated events are
 * recomputed honestly for each date; current-state fields (health, priority, plans) are those of the
 * exports given, as a nightly build on those days would have seen if nothing had changed.
 */
import { parseArgs } from 'node:util';
import { dayFromIso, isoFromDay } from '../src/dates.ts';
import { fiscalQuarterOf, quarterRange, shiftQuarter } from '../src/metrics/fiscal.ts';
import { runBuild } from '../src/pipeline/build.ts';
import { loadConfig, todayIn } from '../src/pipeline/config-file.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    quarters: { type: 'string', default: '8' },
    'as-of': { type: 'string' },
  },
});
const loaded = await loadConfig(undefined, values.data);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const { config } = loaded;
const asOf = dayFromIso(values['as-of'] ?? config.asOf ?? todayIn(config.timeZone));
const current = fiscalQuarterOf(asOf, config.fiscalYearStartMonth);
const dates = Array.from({ length: Number(values.quarters) }, (_, i) =>
  quarterRange(shiftQuarter(current, i - Number(values.quarters)), config.fiscalYearStartMonth).end,
);
dates.push(asOf - 1);
for (const day of dates) {
  const code = await runBuild({ dataDir: values.data, outDir: '', asOf: isoFromDay(day), render: false, allowDrop: true, log: () => {} });
  console.log(`${isoFromDay(day)}: ${code === 0 ? 'snapshot stored' : `failed with exit code ${code}`}`);
  if (code !== 0) process.exit(code);
}
