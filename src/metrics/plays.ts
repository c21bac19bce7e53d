/**
 * Plays per fiscal quarter (METRICS.md, team and org QBR): Expansion and Enablement CTAs opened and
 * closed, their win rate and days to close, the renewal rate of Renewal opportunities, and roundtable
 * coverage of the book's industries. Rows dated after T do not exist yet.
 */
import type { Config } from '../config.ts';
import type { Day } from '../dates.ts';
import type { Account, Cta, Opportunity } from '../ingest/tables.ts';
import { quarterRange } from './fiscal.ts';
import { ratio } from './status.ts';
import { countInWindow, datesOf, type TableIndex } from './table-index.ts';
import type { PlayQuarter } from './types.ts';

type PlayType = 'Expansion' | 'Enablement';

interface PlayTally {
  opened: number;
  won: number;
  lost: number;
  invalid: number;
  /** Σ days(created, closed) of those won or lost. */
  daysToClose: number;
}

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

/** Expansion or Enablement CTAs of the book opened (created) and closed in [start, end]. */
function tallyPlays(ctas: readonly Cta[], type: PlayType, start: Day, end: Day): PlayTally {
  const t: PlayTally = { opened: 0, won: 0, lost: 0, invalid: 0, daysToClose: 0 };
  for (const c of ctas) {
    if (c.type !== type || c.createdDate > end) continue;
    if (c.createdDate >= start) t.opened += 1;
    // A close after `end` (≤ T) is not in Q. Invalid and cancelled CTAs are neither completed nor closed.
    if (c.outcome === 'open' || c.closedDate === null || c.closedDate < start || c.closedDate > end) continue;
    if (c.outcome === 'invalid') {
      t.invalid += 1;
      continue;
    }
    t.daysToClose += c.closedDate - c.createdDate;
    if (c.outcome === 'won') t.won += 1;
    if (c.outcome === 'lost') t.lost += 1;
  }
  return t;
}

/**
 * Plays for each quarter id of `quarters` (in that order), over the scope's book accounts; the
 * renewal rate counts Renewal opportunities credited to a CSM in `csmEmails`. A quarter that runs
 * past T is counted up to T.
 */
export function playsByQuarter(
  book: readonly Account[],
  csmEmails: ReadonlySet<string>,
  index: TableIndex,
  quarters: readonly string[],
  asOf: Day,
  config: Config,
): PlayQuarter[] {
  const ctas = book.flatMap((a) => index.ctasByAccount.get(a.id) ?? []);
  const renewals = [...csmEmails].flatMap((e) => index.opportunitiesByCsm.get(e) ?? []).filter((o) => norm(o.orderType) === 'renewal');
  const industries = new Map<string, Account[]>();
  for (const a of book) {
    const key = norm(a.industry);
    if (key === '') continue; // an empty industry is not an industry to cover
    const list = industries.get(key);
    if (list) list.push(a);
    else industries.set(key, [a]);
  }

  return quarters.map((quarter) => {
    const range = quarterRange(quarter, config.fiscalYearStartMonth);
    const start = range.start;
    const end = Math.min(range.end, asOf);
    const exp = tallyPlays(ctas, 'Expansion', start, end);
    const ena = tallyPlays(ctas, 'Enablement', start, end);

    let renewalsWon = 0;
    let renewalsDecided = 0;
    for (const o of renewals) {
      if (o.closeDate < start || o.closeDate > end) continue;
      const stage = norm(o.stage);
      if (stage === 'closed won') renewalsWon += 1;
      if (stage === 'closed won' || stage === 'closed lost') renewalsDecided += 1;
    }

    let covered = 0;
    for (const accounts of industries.values()) {
      if (accounts.some((a) => countInWindow(datesOf(index, a.id, 'Roundtable'), start - 1, end) > 0)) covered += 1;
    }

    return {
      quarter,
      expansionOpened: exp.opened,
      expansionCompleted: exp.won,
      expansionClosed: exp.won + exp.lost,
      expansionInvalid: exp.invalid,
      expansionWinRate: ratio(exp.won, exp.won + exp.lost),
      expansionDaysToClose: ratio(exp.daysToClose, exp.won + exp.lost),
      enablementOpened: ena.opened,
      enablementCompleted: ena.won,
      enablementClosed: ena.won + ena.lost,
      enablementInvalid: ena.invalid,
      enablementWinRate: ratio(ena.won, ena.won + ena.lost),
      enablementDaysToClose: ratio(ena.daysToClose, ena.won + ena.lost),
      renewalRate: ratio(renewalsWon, renewalsDecided),
      roundtableCoverage: ratio(covered, industries.size),
    };
  });
}
