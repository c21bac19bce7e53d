/** The data-quality page: each export file accounted for, and issues grouped by rule. */
import type { FileAccount, QualityIssue } from '../ingest/quality.ts';
import type { ReportModel } from '../report/model.ts';

/** One export file as the data-quality page and the footer show it. */
export interface ExportRow extends FileAccount {
  file: string;
  rejectedFile: string | null;
}

/** The per-file accounting, in the order of the quality report. */
export function exportRows(model: ReportModel): ExportRow[] {
  return Object.entries(model.quality.files).flatMap(([file, f]) =>
    f ? [{ file, ...f, rejectedFile: model.rejectedFiles[file] ?? null }] : [],
  );
}

/** Issues of one rule: the count and the first rows. */
export interface IssueGroup {
  rule: string;
  severity: QualityIssue['severity'];
  count: number;
  first: QualityIssue[];
}

const severityRank = { fatal: 0, error: 1, warning: 2, info: 3 } as const;

/** Issues grouped by rule (and severity): most severe first, then by count, then by rule; `firstN` rows each. */
export function issuesByRule(issues: readonly QualityIssue[], firstN = 10): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const id = `${issue.severity}\u0000${issue.rule}`;
    let g = groups.get(id);
    if (!g) {
      g = { rule: issue.rule, severity: issue.severity, count: 0, first: [] };
      groups.set(id, g);
    }
    g.count++;
    if (g.first.length < firstN) g.first.push(issue);
  }
  return [...groups.values()].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule),
  );
}
