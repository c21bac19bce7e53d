/** The URL of every page, in one place. */
import type { MetricKey } from '../report/model.ts';
import type { ScopeKind } from './labels.ts';

/** The page of a metric's definition. */
export const definitionHref = (key: MetricKey): string => `/metrics/#${key}`;
/** The "explain this number" page of a scope, at the metric's anchor. */
export const explainHref = (kind: ScopeKind, slug: string, key: MetricKey): string => `/explain/${kind}/${slug}/#${key}`;
/** An account's page. */
export const accountHref = (id: string): string => `/accounts/${id}/`;
/** A CSM's page. */
export const csmHref = (slug: string): string => `/csm/${slug}/`;
/** A team's page. */
export const teamHref = (slug: string): string => `/teams/${slug}/`;
/** The QBR index, a quarter's org page (no team) or a team's page of that quarter. */
export const qbrHref = (quarter?: string, teamSlug?: string): string =>
  quarter === undefined ? '/qbr/' : teamSlug === undefined ? `/qbr/${quarter}/` : `/qbr/${quarter}/${teamSlug}/`;
/** The page of a fiscal year's President's Club. */
export const presidentsClubHref = (fiscalYear: string): string => `/presidents-club/${fiscalYear}/`;
/** The 1:1 agenda of a team: the current week's page, or a given week's. */
export const oneOnOneHref = (teamSlug: string, week?: 1 | 2 | 3 | 4): string =>
  week === undefined ? `/teams/${teamSlug}/one-on-one/` : `/teams/${teamSlug}/one-on-one/week-${week}/`;
/** The PTO coverage page. */
export const PTO_HREF = '/pto/';
