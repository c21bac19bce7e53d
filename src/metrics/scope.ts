/**
 * What a scorecard is computed for (one CSM, a team, the org) and what every metric family reads:
 * the scope, the index, the per-account facts of T, T and the config, and the segment whose
 * targets apply (a CSM's; a team's and the org's statuses are rolled up from their CSMs).
 */
import type { Config } from '../config.ts';
import type { Day } from '../dates.ts';
import type { Account, CsmRole, Segment } from '../ingest/tables.ts';
import type { MetricResult } from './types.ts';
import { computeAccountFacts, type AccountFactsDays } from './account-facts.ts';
import type { Csm, TableIndex } from './table-index.ts';

/** A scorecard's scope: its CSMs and its book (a team: the union of its CSMs' books; the org: every book account). */
export interface ScoreScope {
  kind: 'csm' | 'team' | 'org';
  csms: Csm[];
  book: Account[];
}

/** Everything a metric family reads. */
export interface ScoreContext {
  scope: ScoreScope;
  index: TableIndex;
  facts: Map<string, AccountFactsDays>;
  asOf: Day;
  config: Config;
  /** The segment whose targets apply (targetSegmentOf): a CSM's own, null for a team or the org. */
  segment: Segment | null;
}

/** Results of some scorecard keys. */
export type Results<K extends string> = Record<K, MetricResult>;

/**
 * The segment whose targets apply: a CSM's own. A team or the org has no targets of its own: its
 * status is rolled up from its CSMs (rollUpScorecard), so it gets null here.
 */
export function targetSegmentOf(scope: ScoreScope): Segment | null {
  return scope.kind === 'csm' && scope.csms[0] ? scope.csms[0].segment : null;
}

/** The role whose calls-per-week minimum applies: a CSM's own; null for a team or the org. */
export function callsRoleOf(scope: ScoreScope): CsmRole | null {
  return scope.kind === 'csm' && scope.csms[0] ? scope.csms[0].role : null;
}

/** A per-segment config value for the scope's segment; null for a team or the org. */
export function segmentValue<T>(ctx: ScoreContext, bySegment: Record<Segment, T | null>): T | null {
  return ctx.segment === null ? null : bySegment[ctx.segment];
}

/** The books of the scope's CSMs, one per CSM (an empty book for a CSM with none). */
export function booksPerCsm(ctx: ScoreContext): Account[][] {
  const { scope, index } = ctx;
  if (scope.kind === 'csm') return [scope.book];
  return scope.csms.map((c) => index.bookByCsm.get(c.email) ?? []);
}

/** The facts of a book account as of T (computed here only if the caller's map lacks it). */
export function factsOf(ctx: ScoreContext, account: Account): AccountFactsDays {
  return ctx.facts.get(account.id) ?? computeAccountFacts(account, ctx.index, ctx.asOf, ctx.config);
}

/** Account IDs. */
export const idsOf = (accounts: readonly Account[]): string[] => accounts.map((a) => a.id);

/** The note of a ratio whose book is empty. */
export const NO_BOOK = 'no book accounts';
