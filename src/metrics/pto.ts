/**
 * PTO coverage (METRICS.md): time off of CSMs that overlaps the next `ptoLookaheadDays` days,
 * T < d ≤ T + N (T itself is today, already covered or not), with its backup and what needs covering.
 */
import type { Config } from '../config.ts';
import { isoFromDay, type Day } from '../dates.ts';
import type { TimeOff } from '../ingest/tables.ts';
import type { PtoEntry } from './types.ts';
import type { TableIndex } from './table-index.ts';

/** The overlap of two inclusive day ranges, or null. */
function overlap(a: { start: Day; end: Day }, b: { start: Day; end: Day }): { start: Day; end: Day } | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start <= end ? { start, end } : null;
}

/**
 * One entry per time-off row of a CSM overlapping (T, T + N]: the backup (the row's, else the
 * roster's), flagged when missing or also off on any day of this time off (the whole of it); the CSM's
 * P1 book accounts, those renewing within the time off, and those `atRisk`.
 */
export function ptoCoverage(
  index: TableIndex,
  asOf: Day,
  config: Config,
  factsOf: (accountId: string) => { atRisk: boolean },
): PtoEntry[] {
  const window = { start: asOf + 1, end: asOf + config.windows.ptoLookaheadDays };
  const offByEmail = new Map<string, TimeOff[]>();
  for (const t of index.timeOff) {
    const list = offByEmail.get(t.email);
    if (list) list.push(t);
    else offByEmail.set(t.email, [t]);
  }

  const entries: PtoEntry[] = [];
  for (const t of index.timeOff) {
    const csm = index.csmByEmail.get(t.email);
    const days = overlap(t, window);
    if (!csm || !days) continue; // leaders have no book to cover
    const backupEmail = t.backupEmail ?? csm.backupEmail ?? null;
    // A clash anywhere in the time off counts, not only in the part inside the look-ahead window.
    const backupAlsoOff = backupEmail !== null && (offByEmail.get(backupEmail) ?? []).some((b) => overlap(b, t) !== null);
    const book = index.bookByCsm.get(csm.email) ?? [];
    entries.push({
      csmEmail: csm.email,
      start: isoFromDay(t.start),
      end: isoFromDay(t.end),
      backupEmail,
      noBackup: backupEmail === null,
      backupAlsoOff,
      p1Accounts: book.filter((a) => a.priority === 'P1').map((a) => a.id),
      renewals: book.filter((a) => a.renewalDate !== null && t.start <= a.renewalDate && a.renewalDate <= t.end).map((a) => a.id),
      atRiskAccounts: book.filter((a) => factsOf(a.id).atRisk).map((a) => a.id),
    });
  }
  return entries.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.csmEmail < y.csmEmail ? -1 : x.csmEmail > y.csmEmail ? 1 : x.end < y.end ? -1 : x.end > y.end ? 1 : 0));
}
