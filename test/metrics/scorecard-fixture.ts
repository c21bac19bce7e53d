/** Computes scorecards of hand-built tables the way a build does: facts once, then the scope. */
import { DEFAULT_CONFIG, type Config } from '../../src/config.ts';
import type { Day } from '../../src/dates.ts';
import type { Account, Tables } from '../../src/ingest/tables.ts';
import { computeAccountFacts } from '../../src/metrics/account-facts.ts';
import { computeScorecard, type ScoreScope } from '../../src/metrics/scorecard.ts';
import { rollUpScorecard } from '../../src/metrics/status.ts';
import { buildIndex, type TableIndex } from '../../src/metrics/table-index.ts';
import { account, AS_OF } from './build-tables.ts';

export type Who = { csm: string } | { team: string } | 'org';

/** The scope of a CSM (by email), a team (by leader email) or the org. */
export function scopeOf(index: TableIndex, who: Who): ScoreScope {
  if (who === 'org') return { kind: 'org', csms: index.csms, book: index.csms.flatMap((c) => index.bookByCsm.get(c.email) ?? []) };
  if ('csm' in who) {
    const c = index.csmByEmail.get(who.csm);
    if (!c) throw new Error(`no CSM ${who.csm}`);
    return { kind: 'csm', csms: [c], book: index.bookByCsm.get(c.email) ?? [] };
  }
  const team = index.teams.find((t) => t.leader.email === who.team);
  if (!team) throw new Error(`no team ${who.team}`);
  return { kind: 'team', csms: team.csms, book: team.csms.flatMap((c) => index.bookByCsm.get(c.email) ?? []) };
}

/**
 * The scorecard of a scope as of T (default AS_OF); a team's or the org's targets and statuses
 * rolled up from its CSMs' scorecards, as a build does.
 */
export function scorecardOf(t: Tables, who: Who, o: { asOf?: Day; config?: Config; previousP1Ratio?: number | null } = {}) {
  const asOf = o.asOf ?? AS_OF;
  const config = o.config ?? DEFAULT_CONFIG;
  const index = buildIndex(t);
  const facts = new Map([...index.accounts.values()].map((a) => [a.id, computeAccountFacts(a, index, asOf, config)]));
  const scope = scopeOf(index, who);
  const card = computeScorecard(scope, index, facts, asOf, config, o.previousP1Ratio ?? null);
  if (scope.kind === 'csm') return card;
  const csmCards = scope.csms.map((c) => computeScorecard(scopeOf(index, { csm: c.email }), index, facts, asOf, config, null));
  return rollUpScorecard(card, csmCards);
}

/** `n` accounts with IDs `<prefix>1`..`<prefix>n`, each with the same overrides. */
export function accounts(n: number, prefix: string, o: Partial<Account> = {}): Account[] {
  return Array.from({ length: n }, (_, i) => account({ id: `${prefix}${i + 1}`, ...o }));
}
