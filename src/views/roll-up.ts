/**
 * How a team's or the org's status reads: rolled up from its CSMs ("5 of 8 CSMs on target"), with
 * the per-CSM targets it rolls up from, by segment where they differ. Nothing is computed here; the
 * texts come from the roll-up and the CSMs' own targets.
 */
import type { CsmReport, MetricKey, MetricResult, ReportModel } from '../report/model.ts';
import { formatPercent } from './format.ts';
import { reportIndex } from './lookup.ts';

/** "5 of 8 CSMs on target"; null when no CSM of the scope has a target and a value for it. */
export function rollUpText(r: MetricResult): string | null {
  if (!r.rollUp) return r.target?.label ?? null;
  if (r.rollUp.of === 0) return null;
  return `${r.rollUp.onTarget} of ${r.rollUp.of} ${r.rollUp.of === 1 ? 'CSM' : 'CSMs'} on target`;
}

const ROLE_ORDER = ['Strategic Enterprise', 'Strategic Commercial', 'Growth', 'Scale'] as const;

/** A target that follows the CSM's book (a share of it), said once for the group instead of per CSM. */
function shareTarget(model: ReportModel, key: MetricKey, segment: string): string | null {
  const t = model.config.targets;
  if (key === 'enablementActive') {
    const share = t.enablementActiveShare[segment as 'Strategic' | 'Growth' | 'Scale'];
    return share === null || share === undefined ? null : `≥ ${formatPercent(share)} of the book`;
  }
  if (key === 'expansionActive' && segment === 'Growth') return `≥ ${formatPercent(t.expansionActiveGrowthP1Share)} of P1 accounts`;
  return null;
}

/**
 * The per-CSM targets of a metric over these CSMs: "per CSM: ≥ 90%" when every CSM with a target
 * has the same one, else "per CSM: Strategic ≥ 75%, Growth ≥ 20%" (by role where a segment's roles
 * differ). CSMs with no target are left out; null when none has a target.
 */
export function perCsmTargetText(model: ReportModel, csmEmails: readonly string[], key: MetricKey): string | null {
  const byEmail = reportIndex(model).csmByEmail;
  const csms = csmEmails.map((e) => byEmail.get(e)).filter((c): c is CsmReport => c !== undefined);
  const labelOf = (group: CsmReport[]): string | null => {
    const labels = new Set(group.map((c) => c.scorecard[key].target?.label ?? null));
    if (labels.size === 1) return [...labels][0] ?? null;
    return shareTarget(model, key, group[0]!.segment) ?? 'varies by CSM';
  };
  // By role first, then merged into segments whose roles agree.
  const groups: { name: string; label: string | null }[] = [];
  for (const segment of ['Strategic', 'Growth', 'Scale'] as const) {
    const inSegment = csms.filter((c) => c.segment === segment);
    if (inSegment.length === 0) continue;
    const roles = ROLE_ORDER.map((role) => inSegment.filter((c) => c.role === role)).filter((g) => g.length > 0);
    const roleLabels = roles.map(labelOf);
    if (new Set(roleLabels).size === 1) groups.push({ name: segment, label: roleLabels[0]! });
    else roles.forEach((g, i) => groups.push({ name: g[0]!.role, label: roleLabels[i]! }));
  }
  const withTarget = groups.filter((g) => g.label !== null);
  if (withTarget.length === 0) return null;
  const labels = new Set(withTarget.map((g) => g.label));
  if (labels.size === 1 && withTarget.length === groups.length) return `per CSM: ${withTarget[0]!.label}`;
  return `per CSM: ${withTarget.map((g) => `${g.name} ${g.label}`).join(', ')}`;
}

/** `perCsmTargetText` for each of these metrics. */
export function perCsmTargets(model: ReportModel, csmEmails: readonly string[], keys: readonly MetricKey[]): Partial<Record<MetricKey, string | null>> {
  return Object.fromEntries(keys.map((k) => [k, perCsmTargetText(model, csmEmails, k)]));
}
