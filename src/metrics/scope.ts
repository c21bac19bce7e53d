/**
 * What a scorecard is computed for (one CSM, a team, the org) and what every metric family reads:
 * the scope, the index, the per-account facts of T, T and the config, and the segment whose
 * targets apply.
 */
import type { Config } from '../config.ts';
import type { Day } from '../dates.ts';
import { CSM_ROLES, type Account, type CsmRole, type Segment } from '../ingest/tables.ts';
import type { MetricResult } from '../report/model.ts';
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
  /** The segment whose targets apply (targetSegmentOf). */
  segment: Segment;
}

/** Results of some scorecard keys. */
export type Results<K extends string> = Record<K, MetricResult>;

const SEGMENTS: readonly Segment[] = ['Strategic', 'Growth', 'Scale'];

/**
 * The key holding most book accounts; ties go to the one with more CSMs, then to the first in
 * `order`, so that the choice never depends on input order.
 */
function mostHeld<K extends string>(scope: ScoreScope, keyOf: (c: Csm) => K, order: readonly K[]): K {
  const accounts = new Map<K, number>();
  const people = new Map<K, number>();
  const byEmail = new Map(scope.csms.map((c) => [c.email, c]));
  for (const c of scope.csms) people.set(keyOf(c), (people.get(keyOf(c)) ?? 0) + 1);
  for (const a of scope.book) {
    const c = a.csmEmail ? byEmail.get(a.csmEmail) : undefined;
    if (c) accounts.set(keyOf(c), (accounts.get(keyOf(c)) ?? 0) + 1);
  }
  let best = order[0]!;
  for (const k of order) {
    const [ka, kp] = [accounts.get(k) ?? 0, people.get(k) ?? 0];
    const [ba, bp] = [accounts.get(best) ?? 0, people.get(best) ?? 0];
    if (ka > ba || (ka === ba && kp > bp)) best = k;
  }
  return best;
}

/** A CSM: its segment; a team or the org: the segment holding most book accounts. */
export function targetSegmentOf(scope: ScoreScope): Segment {
  if (scope.kind === 'csm' && scope.csms[0]) return scope.csms[0].segment;
  return mostHeld(scope, (c) => c.segment, SEGMENTS);
}

/**
 * The role whose calls-per-week minimum applies. The handbook sets it per role; a team or the org
 * mixes roles, so it takes the role holding most of its book accounts.
 */
export function callsRoleOf(scope: ScoreScope): CsmRole {
  if (scope.kind === 'csm' && scope.csms[0]) return scope.csms[0].role;
  return mostHeld(scope, (c) => c.role, CSM_ROLES);
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
