/** Plays in flight: enablementActive, expansionActive. */
import type { CtaType } from '../ingest/tables.ts';
import type { MetricResult, Target } from '../report/model.ts';
import { factsOf, idsOf, type Results, type ScoreContext } from './scope.ts';
import { result, target } from './status.ts';

/** Book accounts with a CTA of this type open at T; null (with a note) without ctas.csv. */
function openCount(ctx: ScoreContext, type: CtaType, t: Target | null): MetricResult {
  if (!ctx.index.has.ctas) return result(null, t, [], [], 'ctas.csv not supplied');
  const counted = ctx.scope.book.filter((a) => factsOf(ctx, a).openCtaTypes.has(type));
  return result(counted.length, t, idsOf(counted));
}

/** Book accounts with an open Enablement CTA; target a share of the book (Strategic half, Growth all). */
export function enablementActive(ctx: ScoreContext): MetricResult {
  const share = ctx.config.targets.enablementActiveShare[ctx.segment];
  return openCount(ctx, 'Enablement', share === null ? null : target.atLeast(share * ctx.scope.book.length));
}

/** Book accounts with an open Expansion CTA; target Strategic ≥ 3, Growth ≥ half of its P1 accounts. */
export function expansionActive(ctx: ScoreContext): MetricResult {
  const t = ctx.config.targets;
  const p1 = ctx.scope.book.filter((a) => a.priority === 'P1').length;
  const min =
    ctx.segment === 'Strategic' ? t.expansionActiveStrategicCount : ctx.segment === 'Growth' ? t.expansionActiveGrowthP1Share * p1 : null;
  return openCount(ctx, 'Expansion', min === null ? null : target.atLeast(min));
}

/** enablementActive and expansionActive. */
export function playsActiveMetrics(ctx: ScoreContext): Results<'enablementActive' | 'expansionActive'> {
  return { enablementActive: enablementActive(ctx), expansionActive: expansionActive(ctx) };
}
