/**
 * History snapshots: each successful build stores every scope's metric values and the few account
 * states that "what changed since the previous build" compares, keyed by the as-of date.
 * Pure (de)serialisation here; the build script does the file I/O.
 */
import type { ActionChanges, MetricKey, ReportModel, TrendPoint } from './model.ts';
import { METRIC_KEYS } from './model.ts';

/** Per account: [health is Red, cadence overdue, non-engaged, renewal within the at-risk window]. */
export type AccountState = [boolean, boolean, boolean, boolean];

export interface Snapshot {
  asOf: string;
  fiscalQuarter: string;
  /** Scope id ('org', a team's manager email, a CSM's email) → metric values. */
  scopes: Record<string, Partial<Record<MetricKey, number | null>>>;
  accounts: Record<string, AccountState>;
  /** Per CSM email: the keys of this week's actions (`<accountId>:<rule>`); absent in older snapshots. */
  actions?: Record<string, string[]>;
}

/** The snapshot of a freshly built model. */
export function snapshotOf(model: ReportModel, renewalWindowDays: number): Snapshot {
  const values = (card: ReportModel['org']['scorecard']) =>
    Object.fromEntries(METRIC_KEYS.map((k) => [k, card[k].value])) as Record<MetricKey, number | null>;
  const scopes: Snapshot['scopes'] = { org: values(model.org.scorecard) };
  for (const t of model.teams) scopes[t.manager] = values(t.scorecard);
  for (const c of model.csms) scopes[c.email] = values(c.scorecard);
  const asOfMs = Date.parse(model.asOf);
  const accounts: Snapshot['accounts'] = {};
  for (const a of model.accounts) {
    if (a.status !== 'Active') continue;
    const renewalDays = a.renewalDate ? (Date.parse(a.renewalDate) - asOfMs) / 86_400_000 : null;
    accounts[a.id] = [
      a.health === 'Red',
      a.facts.cadenceOverdue,
      a.facts.nonEngaged,
      renewalDays !== null && renewalDays > 0 && renewalDays <= renewalWindowDays,
    ];
  }
  const actions: Record<string, string[]> = {};
  for (const c of model.csms) actions[c.email] = c.actions.map((a) => a.key).sort();
  return { asOf: model.asOf, fiscalQuarter: model.fiscalQuarter, scopes, accounts, actions };
}

/** The latest snapshot dated on or before `iso` (and on or after `notBefore` when given). */
export function latestSnapshotOnOrBefore(history: readonly Snapshot[], iso: string, notBefore?: string): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of history) {
    if (s.asOf > iso || (notBefore !== undefined && s.asOf < notBefore)) continue;
    if (!best || s.asOf > best.asOf) best = s;
  }
  return best;
}

/** Trend points per scope id, oldest first, from snapshots strictly before the current build. */
export function trendsFrom(history: readonly Snapshot[], asOf: string): Record<string, TrendPoint[]> {
  const trends: Record<string, TrendPoint[]> = {};
  for (const s of [...history].filter((h) => h.asOf < asOf).sort((a, b) => (a.asOf < b.asOf ? -1 : 1))) {
    for (const [scope, values] of Object.entries(s.scopes)) (trends[scope] ??= []).push({ asOf: s.asOf, values });
  }
  return trends;
}

/** Accounts whose state turned on since the previous snapshot. */
export function changesSince(previous: Snapshot | null, current: Snapshot): ReportModel['changes'] {
  const turnedOn = (i: number) =>
    Object.entries(current.accounts)
      .filter(([id, s]) => s[i] && !(previous?.accounts[id]?.[i] ?? false))
      .map(([id]) => id)
      .sort();
  if (!previous) return { previousAsOf: null, turnedRed: [], becameCadenceOverdue: [], becameNonEngaged: [], enteredRenewalWindow: [] };
  return {
    previousAsOf: previous.asOf,
    turnedRed: turnedOn(0),
    becameCadenceOverdue: turnedOn(1),
    becameNonEngaged: turnedOn(2),
    enteredRenewalWindow: turnedOn(3),
  };
}

/**
 * A CSM's actions new and cleared since the previous snapshot. With no earlier snapshot that kept
 * a list of actions, every action is new.
 */
export function actionChangesSince(previous: Snapshot | null, current: Snapshot, csmEmail: string): ActionChanges {
  const now = current.actions?.[csmEmail] ?? [];
  if (!previous?.actions) return { previousAsOf: null, added: [...now], cleared: [] };
  const before = new Set(previous.actions[csmEmail] ?? []);
  const after = new Set(now);
  return {
    previousAsOf: previous.asOf,
    added: now.filter((k) => !before.has(k)),
    cleared: [...before].filter((k) => !after.has(k)).sort(),
  };
}
