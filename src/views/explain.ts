/** The "explain this number" pages: each metric with the accounts it counted, resolved to names. */
import type { MetricKey, MetricResult, ReportModel, Scorecard } from '../report/model.ts';
import { accountRefs, byName, type AccountRef } from './lookup.ts';

/** One metric of an explain page: the result with the accounts it counted, resolved to names. */
export interface ExplainEntry {
  key: MetricKey;
  result: MetricResult;
  /** Accounts counted in the numerator (or counted, for a count). */
  numerator: AccountRef[];
  /** Accounts of the denominator that the numerator does not hold. */
  restOfDenominator: AccountRef[];
  /** How many accounts of each list were left out of the page (lists longer than the cap). */
  numeratorMore: number;
  restMore: number;
}

/** The entries of an explain page, one per metric key; each list is cut at `cap` names (stably, by name). */
export function explainEntries(model: ReportModel, scorecard: Scorecard, keys: readonly MetricKey[], cap = 500): ExplainEntry[] {
  return keys.map((key) => {
    const result = scorecard[key];
    const num = new Set(result.numerator);
    const numerator = accountRefs(model, result.numerator).sort(byName);
    const rest = accountRefs(
      model,
      result.denominator.filter((id) => !num.has(id)),
    ).sort(byName);
    return {
      key,
      result,
      numerator: numerator.slice(0, cap),
      restOfDenominator: rest.slice(0, cap),
      numeratorMore: Math.max(0, numerator.length - cap),
      restMore: Math.max(0, rest.length - cap),
    };
  });
}
