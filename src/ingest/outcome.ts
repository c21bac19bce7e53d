/**
 * What a read means for the build: its exit code (DATA-CONTRACT.md "What bad input gets") and the
 * table printed on the terminal.
 */
import type { Config, ExportFile } from '../config.ts';
import { EXPORT_FILES } from '../config.ts';
import type { QualityIssue, QualityReport, Severity } from './quality.ts';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;
const num = (n: number) => n.toLocaleString('en-US');

/**
 * 2 on a fatal issue; 3 when a file's rejected/read is above `maxRejectRate`; 4 when a file's
 * accepted rows fell by more than `maxRowDrop` against the previous build (a file it had and this
 * one lacks counts as a 100% drop), unless `allowDrop`; else 0. The messages say why.
 */
export function exitCodeFor(
  quality: QualityReport,
  config: Config,
  previousAccepted: Partial<Record<ExportFile, number>> | null,
  allowDrop: boolean,
): { code: 0 | 2 | 3 | 4; messages: string[] } {
  const fatal = quality.issues.filter((i) => i.severity === 'fatal');
  if (fatal.length > 0) return { code: 2, messages: fatal.map((i) => i.message) };

  const rejects: string[] = [];
  for (const file of EXPORT_FILES) {
    const f = quality.files[file];
    if (!f || f.read === 0) continue;
    const rate = f.rejected / f.read;
    if (rate > config.maxRejectRate) {
      rejects.push(`${file}: ${pct(rate)} of the rows were rejected (${num(f.rejected)} of ${num(f.read)}), more than the ${pct(config.maxRejectRate)} allowed (maxRejectRate)`);
    }
  }
  if (rejects.length > 0) return { code: 3, messages: rejects };

  const drops: string[] = [];
  if (previousAccepted && !allowDrop) {
    for (const file of EXPORT_FILES) {
      const before = previousAccepted[file];
      if (!before) continue;
      const f = quality.files[file];
      const now = f?.present ? f.accepted : 0;
      const drop = (before - now) / before;
      if (drop > config.maxRowDrop) {
        const what = f?.present ? `fell from ${num(before)} to ${num(now)} accepted rows` : `was in the previous build (${num(before)} accepted rows) and is missing now`;
        drops.push(`${file} ${what}: a drop of ${pct(drop)}, more than the ${pct(config.maxRowDrop)} allowed (maxRowDrop); run with --allow-drop if this is expected`);
      }
    }
  }
  if (drops.length > 0) return { code: 4, messages: drops };
  return { code: 0, messages: [] };
}

const SEVERITY_ORDER: Severity[] = ['fatal', 'error', 'warning', 'info'];
const MAX_ISSUES_SHOWN = 30;

/** One issue as a terminal line. */
export function formatIssue(i: QualityIssue): string {
  const where = i.line === null ? '' : `${i.file}:${i.line}${i.column ? ` ${i.column}` : ''}: `;
  return `${i.severity.padEnd(7)} ${where}${i.message}`;
}

/**
 * The terminal table: per file read, accepted, rejected, footer lines and warnings; then the
 * issues, most severe first, capped with a count of the rest (every fatal issue is shown).
 */
export function formatQualityTable(quality: QualityReport): string {
  const head = ['file', 'read', 'accepted', 'rejected', 'footer lines', 'warnings'];
  const body: (string[] | string)[] = [];
  for (const file of EXPORT_FILES) {
    const f = quality.files[file];
    if (!f) continue;
    body.push(f.present ? [file, num(f.read), num(f.accepted), num(f.rejected), num(f.footerLines), num(f.warnings)] : file);
  }
  const rows = body.filter((r): r is string[] => typeof r !== 'string');
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length), ...(c === 0 ? body.filter((r) => typeof r === 'string').map((r) => r.length) : [])));
  const fmt = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const lines = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map((r) => (typeof r === 'string' ? `${r.padEnd(widths[0]!)}  (not supplied)` : fmt(r)))];

  const sorted = [...quality.issues].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const fatalCount = sorted.filter((i) => i.severity === 'fatal').length;
  const shown = sorted.slice(0, Math.max(MAX_ISSUES_SHOWN, fatalCount));
  if (shown.length > 0) {
    const counts = SEVERITY_ORDER.map((s) => [s, sorted.filter((i) => i.severity === s).length] as const).filter(([, n]) => n > 0);
    lines.push('', `Issues: ${counts.map(([s, n]) => `${num(n)} ${s}`).join(', ')}`);
    for (const i of shown) lines.push(formatIssue(i));
    const rest = sorted.length - shown.length;
    if (rest > 0) lines.push(`… and ${num(rest)} more (all of them are in quality.json)`);
  }
  return lines.join('\n');
}
