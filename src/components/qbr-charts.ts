/**
 * The QBR deck's charts as geometry: plain numbers in, a `ChartSpec` of lines, bars, dots and texts
 * out, laid out with d3 scales at build time. `QbrChart.astro` draws any spec as SVG; series keys
 * are fixed words (never data), so they are safe as CSS class names. Coordinates are rounded to a
 * tenth so the output is stable.
 */
import { max, min, scaleBand, scaleLinear, scalePoint, line } from 'd3';

/** A line of an axis, a grid, a target or a median. */
export interface ChartLine { x1: number; y1: number; x2: number; y2: number; kind: 'axis' | 'grid' | 'target' | 'median' }
/** A bar or bar segment; `label` is its tooltip (the number in words). */
export interface ChartRect { x: number; y: number; width: number; height: number; series: string; label: string }
/** A point of a line or a dot of a strip. */
export interface ChartDot { x: number; y: number; r: number; series: string; label: string }
/** A text: a tick label, a value at a bar's end, a row label, an axis title. */
export interface ChartText { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; kind: 'tick' | 'value' | 'label' | 'title' }

/** Everything a chart draws, in SVG user units. */
export interface ChartSpec {
  width: number;
  height: number;
  lines: ChartLine[];
  rects: ChartRect[];
  paths: { d: string; series: string }[];
  dots: ChartDot[];
  texts: ChartText[];
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const empty = (width: number, height: number): ChartSpec => ({ width, height, lines: [], rects: [], paths: [], dots: [], texts: [] });

/** Fits a label into about `chars` characters, with an ellipsis when cut. */
export function fitLabel(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

/** A vertical value axis at `x` from a linear scale: the axis line, grid lines and tick labels. */
function valueAxisY(spec: ChartSpec, y: ReturnType<typeof scaleLinear<number, number>>, x: number, right: number, format: (v: number) => string, ticks: number): void {
  const [bottom, top] = y.range() as [number, number];
  spec.lines.push({ x1: x, y1: r1(top), x2: x, y2: r1(bottom), kind: 'axis' });
  for (const t of y.ticks(ticks)) {
    const at = r1(y(t));
    spec.lines.push({ x1: x, y1: at, x2: right, y2: at, kind: 'grid' });
    spec.texts.push({ x: x - 4, y: r1(at + 4), text: format(t), anchor: 'end', kind: 'tick' });
  }
}

/** A horizontal value axis at `y` from a linear scale: the axis line, grid lines and tick labels below. */
function valueAxisX(spec: ChartSpec, x: ReturnType<typeof scaleLinear<number, number>>, y: number, top: number, format: (v: number) => string, ticks: number): void {
  const [left, right] = x.range() as [number, number];
  spec.lines.push({ x1: r1(left), y1: y, x2: r1(right), y2: y, kind: 'axis' });
  for (const t of x.ticks(ticks)) {
    const at = r1(x(t));
    spec.lines.push({ x1: at, y1: top, x2: at, y2: y, kind: 'grid' });
    spec.texts.push({ x: at, y: y + 14, text: format(t), anchor: 'middle', kind: 'tick' });
  }
}

/** Options shared by the charts: size, how a value reads on an axis and in a tooltip, the value axis' title. */
export interface ChartOptions {
  width: number;
  height: number;
  /** A tick label: short (`75%`, `$2M`, `30 d`). */
  tick: (v: number) => string;
  /** A value in full, for tooltips and value labels (`75.4%`, `$2,100,000`). */
  format: (v: number) => string;
  /** The value axis' title, with its unit: `EBRs held`, `ARR (USD)`. */
  title?: string;
}

/**
 * A line over categories (quarters), oldest first: one dot per known value, gaps for nulls, a value
 * axis that fits the values (a flat series gets room around it), and the category labels below
 * (only the first and the last when the chart is too narrow for all of them).
 */
export function lineChart(points: readonly { label: string; value: number | null }[], options: ChartOptions & { domainFloor?: number }): ChartSpec {
  const { width, height } = options;
  const m = { top: 10, right: 12, bottom: 22, left: 44 };
  const spec = empty(width, height);
  const known = points.map((p) => p.value).filter((v): v is number => v !== null);
  let lo = min(known) ?? 0;
  let hi = max(known) ?? 1;
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  if (options.domainFloor !== undefined) lo = Math.max(options.domainFloor, lo);
  const y = scaleLinear().domain([lo, hi]).nice(3).range([height - m.bottom, m.top]);
  const x = scalePoint<number>().domain(points.map((_, i) => i)).range([m.left + 10, width - m.right - 10]);
  valueAxisY(spec, y, m.left, width - m.right, options.tick, 3);
  const baseline = height - m.bottom;
  spec.lines.push({ x1: m.left, y1: baseline, x2: width - m.right, y2: baseline, kind: 'axis' });
  const every = points.length <= 1 || (width - m.left - m.right) / points.length >= 52;
  points.forEach((p, i) => {
    if (every) spec.texts.push({ x: r1(x(i) ?? 0), y: height - 6, text: p.label, anchor: 'middle', kind: 'tick' });
    // Only the ends: each label runs inwards from its point, so neither is cut at the chart's edge.
    else if (i === 0) spec.texts.push({ x: r1((x(i) ?? 0) - 8), y: height - 6, text: p.label, anchor: 'start', kind: 'tick' });
    else if (i === points.length - 1) spec.texts.push({ x: r1((x(i) ?? 0) + 8), y: height - 6, text: p.label, anchor: 'end', kind: 'tick' });
  });
  const path = line<{ value: number | null }>()
    .defined((p) => p.value !== null)
    .x((_, i) => x(i) ?? 0)
    .y((p) => y(p.value ?? 0))
    .digits(1)([...points]);
  if (path) spec.paths.push({ d: path, series: 'trend' });
  points.forEach((p, i) => {
    if (p.value === null) return;
    const last = i === points.length - 1;
    spec.dots.push({ x: r1(x(i) ?? 0), y: r1(y(p.value)), r: last ? 4 : 2.5, series: last ? 'current' : 'trend', label: `${p.label}: ${options.format(p.value)}` });
  });
  return spec;
}

/**
 * Grouped vertical bars: one group per category (quarter), one bar per series in each. A null value
 * draws no bar (a stored quarter that predates the number). The value axis starts at 0.
 */
export function barChart(
  categories: readonly string[],
  series: readonly { key: string; label: string; values: readonly (number | null)[] }[],
  options: ChartOptions & { valueLabels?: boolean },
): ChartSpec {
  const { width, height } = options;
  const m = { top: 16, right: 8, bottom: 22, left: 44 };
  const spec = empty(width, height);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = scaleLinear().domain([0, Math.max(1, max(all) ?? 1)]).nice(4).range([height - m.bottom, m.top]);
  const outer = scaleBand<string>().domain(categories).range([m.left, width - m.right]).paddingInner(0.25).paddingOuter(0.1);
  const inner = scaleBand<string>().domain(series.map((s) => s.key)).range([0, outer.bandwidth()]).padding(0.08);
  valueAxisY(spec, y, m.left, width - m.right, options.tick, 4);
  if (options.title) spec.texts.push({ x: 2, y: 10, text: options.title, anchor: 'start', kind: 'title' });
  categories.forEach((c, ci) => {
    const x0 = outer(c) ?? 0;
    spec.texts.push({ x: r1(x0 + outer.bandwidth() / 2), y: height - 6, text: c, anchor: 'middle', kind: 'tick' });
    for (const s of series) {
      const v = s.values[ci] ?? null;
      if (v === null) continue;
      const top = y(v);
      const bx = r1(x0 + (inner(s.key) ?? 0));
      spec.rects.push({ x: bx, y: r1(top), width: r1(inner.bandwidth()), height: r1(y(0) - top), series: s.key, label: `${c}, ${s.label}: ${options.format(v)}` });
      if (options.valueLabels) spec.texts.push({ x: r1(bx + inner.bandwidth() / 2), y: r1(top - 4), text: options.format(v), anchor: 'middle', kind: 'value' });
    }
  });
  spec.lines.push({ x1: m.left, y1: r1(y(0)), x2: width - m.right, y2: r1(y(0)), kind: 'axis' });
  return spec;
}

/**
 * Horizontal bars, one row each, stacked from the segments in order, with the row's label on the
 * left (cut to fit) and its total at the bar's end; the value axis starts at 0 and sits below.
 */
export function stackedRowChart(
  rows: readonly { label: string; segments: readonly { key: string; label: string; value: number }[] }[],
  options: Omit<ChartOptions, 'height'> & { rowHeight?: number; labelWidth?: number },
): ChartSpec {
  const rowHeight = options.rowHeight ?? 22;
  const labelWidth = options.labelWidth ?? 170;
  const m = { top: 6, right: 70, bottom: 22, left: labelWidth + 8 };
  const height = m.top + rows.length * rowHeight + m.bottom;
  const spec = empty(options.width, height);
  const totals = rows.map((r) => r.segments.reduce((s, g) => s + Math.max(0, g.value), 0));
  const x = scaleLinear().domain([0, Math.max(1, max(totals) ?? 1)]).nice(4).range([m.left, options.width - m.right]);
  const band = scaleBand<number>().domain(rows.map((_, i) => i)).range([m.top, m.top + rows.length * rowHeight]).padding(0.2);
  valueAxisX(spec, x, height - m.bottom, m.top, options.tick, 4);
  rows.forEach((row, i) => {
    const y0 = band(i) ?? 0;
    const mid = r1(y0 + band.bandwidth() / 2 + 4);
    spec.texts.push({ x: labelWidth, y: mid, text: fitLabel(row.label, Math.floor(labelWidth / 6.6)), anchor: 'end', kind: 'label' });
    let acc = 0;
    for (const s of row.segments) {
      if (s.value <= 0) continue;
      spec.rects.push({ x: r1(x(acc)), y: r1(y0), width: r1(x(acc + s.value) - x(acc)), height: r1(band.bandwidth()), series: s.key, label: `${row.label}, ${s.label}: ${options.format(s.value)}` });
      acc += s.value;
    }
    spec.texts.push({ x: r1(x(acc) + 4), y: mid, text: options.format(totals[i] ?? 0), anchor: 'start', kind: 'value' });
  });
  return spec;
}

/**
 * A strip of dots per row (days to a milestone, one dot per account) on a shared axis from 0, with
 * the row's target as a line and its median as a tick. Dots that share a day are spread vertically.
 */
export function dotStripChart(
  rows: readonly { label: string; target: number; median: number | null; values: readonly number[] }[],
  options: Omit<ChartOptions, 'height'> & { rowHeight?: number; labelWidth?: number },
): ChartSpec {
  const rowHeight = options.rowHeight ?? 46;
  const labelWidth = options.labelWidth ?? 110;
  const m = { top: 8, right: 16, bottom: 22, left: labelWidth + 8 };
  const height = m.top + rows.length * rowHeight + m.bottom;
  const spec = empty(options.width, height);
  const hi = Math.max(...rows.flatMap((r) => [r.target * 1.5, ...r.values]), 1);
  const x = scaleLinear().domain([0, hi]).nice(5).range([m.left, options.width - m.right]);
  valueAxisX(spec, x, height - m.bottom, m.top, options.tick, 6);
  rows.forEach((row, i) => {
    const y0 = m.top + i * rowHeight;
    const mid = y0 + rowHeight / 2;
    spec.texts.push({ x: labelWidth, y: r1(mid + 4), text: row.label, anchor: 'end', kind: 'label' });
    const tx = r1(x(row.target));
    spec.lines.push({ x1: tx, y1: y0 + 3, x2: tx, y2: y0 + rowHeight - 3, kind: 'target' });
    spec.texts.push({ x: r1(tx + 3), y: y0 + 11, text: `target ${options.tick(row.target)}`, anchor: 'start', kind: 'value' });
    const seen = new Map<number, number>();
    for (const v of row.values) {
      const k = seen.get(v) ?? 0;
      seen.set(v, k + 1);
      // Alternate above and below the row's middle: 0, +1, −1, +2, ...
      const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 5;
      spec.dots.push({ x: r1(x(v)), y: r1(mid + Math.max(-rowHeight / 2 + 6, Math.min(rowHeight / 2 - 4, offset))), r: 3, series: v <= row.target ? 'within' : 'late', label: `${row.label}: ${options.format(v)}` });
    }
    if (row.median !== null) {
      const mx = r1(x(row.median));
      spec.lines.push({ x1: mx, y1: r1(mid - 10), x2: mx, y2: r1(mid + 10), kind: 'median' });
    }
  });
  return spec;
}
