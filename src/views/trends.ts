/** The series sparklines draw: history snapshots plus this build. */
import type { MetricKey, ReportModel, TrendPoint } from '../report/model.ts';

/** One point of a sparkline. */
export interface SeriesPoint {
  asOf: string;
  value: number | null;
}

/**
 * A metric's series for a scope: the history snapshots, oldest first, then this build's value
 * (unless the last snapshot is already this build's).
 */
export function trendSeries(points: readonly TrendPoint[] | undefined, key: MetricKey, asOf: string, current: number | null): SeriesPoint[] {
  const series: SeriesPoint[] = (points ?? []).map((p) => ({ asOf: p.asOf, value: p.values[key] ?? null }));
  const last = series[series.length - 1];
  if (last && last.asOf === asOf) last.value = current;
  else series.push({ asOf, value: current });
  return series;
}

/** The trend points of a scope: `org`, a team's manager email or a CSM's email. */
export function trendsOf(model: ReportModel, scopeId: string): TrendPoint[] {
  return model.trends[scopeId] ?? [];
}
