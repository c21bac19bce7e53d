/**
 * Header matching: contract column → position in the file. Case, surrounding spaces, repeated
 * spaces and a byte-order mark do not matter; the config's `columns.<file>` renames a contract
 * column to the org's header.
 */

/** A header as it is compared. */
export function normalizeHeader(h: string): string {
  return h.replace(/\uFEFF/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A problem with the header line. */
export type HeaderProblem =
  | { kind: 'missing'; column: string; expected: string; found: string[]; suggestion: string | null }
  | { kind: 'duplicate'; column: string; positions: [number, number] }
  | { kind: 'unknown'; header: string; position: number };

/** Where each contract column sits (0-based), and what is wrong with the header line. */
export interface HeaderMatch {
  positions: Map<string, number>;
  problems: HeaderProblem[];
}

/**
 * Finds each contract column in the header cells. `required` lists the columns that must be
 * present; `mapping` is `columns.<file>` of the config (contract header → org header).
 */
export function matchHeaders(cells: string[], columns: readonly string[], required: ReadonlySet<string>, mapping: Record<string, string> = {}): HeaderMatch {
  const normalized = cells.map(normalizeHeader);
  const positions = new Map<string, number>();
  const problems: HeaderProblem[] = [];
  const used = new Set<number>();
  for (const column of columns) {
    const expected = mapping[column] ?? column;
    const target = normalizeHeader(expected);
    const at: number[] = [];
    normalized.forEach((h, i) => h === target && at.push(i));
    if (at.length >= 2) problems.push({ kind: 'duplicate', column, positions: [at[0]! + 1, at[1]! + 1] });
    if (at.length >= 1) {
      positions.set(column, at[0]!);
      for (const i of at) used.add(i);
    } else if (required.has(column)) {
      problems.push({ kind: 'missing', column, expected, found: cells, suggestion: null });
    }
  }
  const unknown = cells.map((h, i) => ({ h, i })).filter(({ h, i }) => !used.has(i) && normalizeHeader(h) !== '');
  // Each header is suggested for one missing column at most: the first that asks for it.
  const suggested = new Set<string>();
  for (const p of problems) {
    if (p.kind !== 'missing') continue;
    p.suggestion = closestHeader(p.expected, unknown.map((u) => u.h).filter((h) => !suggested.has(h)));
    if (p.suggestion) suggested.add(p.suggestion);
  }
  for (const { h, i } of unknown) problems.push({ kind: 'unknown', header: h, position: i + 1 });
  return { positions, problems };
}

/** Edit distance (Levenshtein) between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const tokens = (s: string) => new Set(normalizeHeader(s).split(/[^a-z0-9]+/).filter(Boolean));

/** How alike two headers are, 0 to 1: the better of edit-distance similarity and token overlap. */
export function headerSimilarity(a: string, b: string): number {
  const na = normalizeHeader(a);
  const nb = normalizeHeader(b);
  const edit = 1 - editDistance(na, nb) / Math.max(na.length, nb.length, 1);
  const ta = tokens(a);
  const tb = tokens(b);
  const shared = [...ta].filter((t) => tb.has(t)).length;
  const union = new Set([...ta, ...tb]).size;
  return Math.max(edit, union ? shared / union : 0);
}

/** The header most like `expected`, or null when none is close enough to be worth suggesting. */
export function closestHeader(expected: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestScore = 0.4;
  for (const c of candidates) {
    const s = headerSimilarity(expected, c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
