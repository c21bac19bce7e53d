/**
 * Chart geometry drawn with d3 scales and shapes at build time: plain data in, SVG path strings and
 * rectangles out. No DOM, no client JavaScript; coordinates are rounded so output is stable.
 */
import { line, max, scaleBand, scaleLinear } from 'd3';

/** A sparkline: the path of the defined points and the last point's position. */
export interface Sparkline {
  width: number;
  height: number;
  path: string;
  last: { x: number; y: number } | null;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A sparkline of values in order (null is a gap), scaled to the values' own range. */
export function sparkline(values: readonly (number | null)[], width = 120, height = 28): Sparkline {
  const pad = 3;
  const defined = values.filter((v): v is number => v !== null);
  const lo = defined.length ? Math.min(...defined) : 0;
  const hi = defined.length ? Math.max(...defined) : 1;
  const x = scaleLinear().domain([0, Math.max(1, values.length - 1)]).range([pad, width - pad]);
  // A flat series sits in the middle rather than on an edge.
  const y = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([height - pad, pad]);
  const gen = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0))
    .digits(1);
  const path = gen(values as (number | null)[]) ?? '';
  const lastIndex = values.length - 1;
  const lastValue = values[lastIndex];
  return {
    width,
    height,
    path,
    last: lastValue === null || lastValue === undefined ? null : { x: round1(x(lastIndex)), y: round1(y(lastValue)) },
  };
}

/** One segment of a stacked bar. */
export interface BarSegment {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A stacked bar per category, with its label position. */
export interface StackedBar {
  category: string;
  total: number;
  labelX: number;
  totalY: number;
  segments: BarSegment[];
}

/** Stacked vertical bars: one per category, segments in the order of `keys`, scaled to the largest total. */
export function stackedBars(
  rows: readonly { category: string; values: Record<string, number> }[],
  keys: readonly string[],
  width: number,
  height: number,
  margin = { top: 20, bottom: 24, left: 8, right: 8 },
): StackedBar[] {
  const x = scaleBand<string>()
    .domain(rows.map((r) => r.category))
    .range([margin.left, width - margin.right])
    .padding(0.3);
  const totals = rows.map((r) => keys.reduce((s, k) => s + (r.values[k] ?? 0), 0));
  const y = scaleLinear()
    .domain([0, Math.max(1, max(totals) ?? 1)])
    .range([height - margin.bottom, margin.top]);
  return rows.map((r, i) => {
    let acc = 0;
    const segments: BarSegment[] = [];
    for (const key of keys) {
      const v = r.values[key] ?? 0;
      if (v <= 0) continue;
      const top = y(acc + v);
      const bottom = y(acc);
      segments.push({ key, x: round1(x(r.category) ?? 0), y: round1(top), width: round1(x.bandwidth()), height: round1(bottom - top) });
      acc += v;
    }
    return {
      category: r.category,
      total: totals[i] ?? 0,
      labelX: round1((x(r.category) ?? 0) + x.bandwidth() / 2),
      totalY: round1(y(acc) - 5),
      segments,
    };
  });
}
