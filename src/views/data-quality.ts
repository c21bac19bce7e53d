/** The data-quality page: each export file accounted for, issues grouped by rule, and the onboarding outliers to correct. */
import type { FileAccount, QualityIssue } from '../ingest/quality.ts';
import { dayFromIso } from '../dates.ts';
import type { OnboardingOutlier, ReportModel } from '../report/model.ts';

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

const MILESTONE = { ttfe: 'first engage', ttfv: 'first value', tto: 'onboarded' } as const;

/** An invalid onboarding outlier as the pages list it: the milestone, why it is left out, and what corrects it. */
export interface OutlierText {
  milestone: string;
  reason: string;
  action: string;
}

/**
 * The words of an outlier: a milestone dated before the onboarding start is a wrong date; licence
 * data that starts more than the first-value target after the start means Cloud Licensing was not
 * enabled from the outset, which the handbook says to correct by hand with a First Value Date.
 */
export function outlierText(o: OnboardingOutlier): OutlierText {
  const milestone = MILESTONE[o.milestone];
  if (o.reason === 'late licence data') {
    const days = dayFromIso(o.reached) - dayFromIso(o.start);
    return {
      milestone,
      reason: `late licence data: no First Value Date, and the first licence usage row is dated ${o.reached}, ${days} days after the start`,
      action: 'Set First Value Date in Gainsight (the date the customer first got value).',
    };
  }
  const fix = {
    ttfe: 'Check the date of the first Cadence Call or Meeting, or the Onboarding Start Date, in Gainsight.',
    ttfv: 'Correct First Value Date, or the Onboarding Start Date, in Gainsight.',
    tto: 'Correct the Onboarding CTA’s Closed Date or Onboarding Complete Date, or the Onboarding Start Date, in Gainsight.',
  } as const;
  return { milestone, reason: `reached before start: ${milestone} dated ${o.reached}, before the onboarding start`, action: fix[o.milestone] };
}
