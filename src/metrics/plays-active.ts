/** Plays in flight: enablementActive, expansionActive. */
import type { CtaType } from '../ingest/tables.ts';
import { factsOf, idsOf, segmentValue, type Results, type ScoreContext } from './scope.ts';
import { result, target } from './status.ts';
import type { MetricResult, Target } from './types.ts';

/** Book accounts with a CTA of this type open at T; null (with a note) without ctas.csv. */
function openCount(ctx: ScoreContext, type: CtaType, t: Target | null): MetricResult {
  if (!ctx.index.has.ctas) return result(null, t, [], [], 'ctas.csv not supplied');
  const counted = ctx.scope.book.filter((a) => factsOf(ctx, a).openCtaTypes.has(type));
  return result(counted.length, t, idsOf(counted));
}

/** Book accounts with an open Enablement CTA; target a share of the book (Strategic half, Growth all). */
export function enablementActive(ctx: ScoreContext): MetricResult {
  const share = segmentValue(ctx, ctx.config.targets.enablementActiveShare);
  return openCount(ctx, 'Enablement', share === null ? null : target.atLeast(share * ctx.scope.book.length));
}

/**
 * Book accounts with an open Expansion CTA. Target: Strategic ≥ 3; Growth: P1 book accounts with
 * an open Expansion CTA ≥ half of the P1 book accounts: the status reads that P1 subset, the value
 * stays the whole count (half of no P1 accounts is met).
 */
export function expansionActive(ctx: ScoreContext): MetricResult {
  const t = ctx.config.targets;
  if (ctx.segment === 'Strategic') return openCount(ctx, 'Expansion', target.atLeast(t.expansionActiveStrategicCount));
  if (ctx.segment !== 'Growth') return openCount(ctx, 'Expansion', null);
  const p1 = ctx.scope.book.filter((a) => a.priority === 'P1');
  const need = t.expansionActiveGrowthP1Share * p1.length;
  const label = `≥ ${Math.round(need * 100) / 100} of ${p1.length} P1 accounts`;
  const r = openCount(ctx, 'Expansion', { min: need, label });
  if (r.value === null) return r;
  const p1Open = p1.filter((a) => factsOf(ctx, a).openCtaTypes.has('Expansion')).length;
  return { ...r, status: p1Open >= need ? 'on-target' : 'off-target' };
}

/** enablementActive and expansionActive. */
export function playsActiveMetrics(ctx: ScoreContext): Results<'enablementActive' | 'expansionActive'> {
  return { enablementActive: enablementActive(ctx), expansionActive: expansionActive(ctx) };
}
