/**
 * Upcoming renewals (METRICS.md "Renewals"): book accounts whose Renewal Date R falls in the current
 * fiscal quarter or one of the next three, grouped by the fiscal quarter of R.
 */
import type { Config } from '../config.ts';
import type { Day } from '../dates.ts';
import type { Account, Rag } from '../ingest/tables.ts';
import type { RenewalQuarter } from './types.ts';
import { fiscalQuarterOf, quarterRange, shiftQuarter } from './fiscal.ts';
import type { TableIndex } from './table-index.ts';

/** How many quarters the renewals view spans: the current one and the next three. */
export const RENEWAL_QUARTERS = 4;

const emptyByHealth = (): RenewalQuarter['byHealth'] => ({
  Green: { count: 0, arr: 0 },
  Yellow: { count: 0, arr: 0 },
  Red: { count: 0, arr: 0 },
  None: { count: 0, arr: 0 },
});

/**
 * Renewals with T < R ≤ the last day of the third quarter after the current one, per fiscal quarter,
 * each with the count, the ARR sum (an empty ARR adds 0), the split by health and the accounts by R.
 */
export function upcomingRenewals(book: readonly Account[], _index: TableIndex, asOf: Day, config: Config): RenewalQuarter[] {
  const startMonth = config.fiscalYearStartMonth;
  const current = fiscalQuarterOf(asOf, startMonth);
  const ids = Array.from({ length: RENEWAL_QUARTERS }, (_, i) => shiftQuarter(current, i));
  const lastDay = quarterRange(ids[ids.length - 1]!, startMonth).end;
  const byQuarter = new Map<string, { q: RenewalQuarter; rows: Account[] }>(
    ids.map((quarter) => [quarter, { q: { quarter, count: 0, arr: 0, byHealth: emptyByHealth(), accounts: [] }, rows: [] }]),
  );

  for (const a of book) {
    const r = a.renewalDate;
    // "Upcoming": a renewal on T itself is today's business, not upcoming, as in the other renewal windows (T, ...].
    if (r === null || r <= asOf || r > lastDay) continue;
    const slot = byQuarter.get(fiscalQuarterOf(r, startMonth))!;
    const arr = a.arr ?? 0;
    const health: Rag | 'None' = a.health ?? 'None';
    slot.q.count += 1;
    slot.q.arr += arr;
    slot.q.byHealth[health].count += 1;
    slot.q.byHealth[health].arr += arr;
    slot.rows.push(a);
  }

  return [...byQuarter.values()].map(({ q, rows }) => ({
    ...q,
    accounts: rows.sort((x, y) => x.renewalDate! - y.renewalDate! || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map((a) => a.id),
  }));
}
