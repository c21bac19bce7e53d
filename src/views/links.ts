/**
 * The URL of every page and file of the site, in one place. Every URL goes through `withBase`, so
 * the site works under the base path it is built for (the config's `basePath`).
 */
import type { LinkTemplates } from '../config.ts';
import type { MetricKey } from '../report/model.ts';
import type { ScopeKind } from './labels.ts';

/** The base path the site is served under, with a trailing slash: `/` or e.g. `/cs-report/`. */
export const BASE_PATH: string = baseOf(process.env.REPORT_BASE_PATH);

// The build sets REPORT_BASE_PATH (from the config's `basePath`) beside REPORT_MODEL, and
// astro.config.mjs gives it to Astro as `base`: pages and Astro's own assets share one base.
function baseOf(value: string | undefined): string {
  if (!value) return '/';
  return value.endsWith('/') ? value : `${value}/`;
}

/** A site path (`renewals/`, `/renewals/`) under the base path: `/cs-report/renewals/`. */
export const withBase = (sitePath: string): string => `${BASE_PATH}${sitePath.replace(/^\/+/, '')}`;

/** The home page. */
export const HOME_HREF = withBase('/');
/** The page of a metric's definition. */
export const definitionHref = (key: MetricKey): string => withBase(`/metrics/#${key}`);
/** The metric definitions page. */
export const METRICS_HREF = withBase('/metrics/');
/** The "explain this number" page of a scope, at the metric's anchor. */
export const explainHref = (kind: ScopeKind, slug: string, key: MetricKey): string => withBase(`/explain/${kind}/${slug}/#${key}`);
/** An account's page. */
export const accountHref = (id: string): string => withBase(`/accounts/${id}/`);
/** A CSM's page. */
export const csmHref = (slug: string): string => withBase(`/csm/${slug}/`);
/** A team's page. */
export const teamHref = (slug: string): string => withBase(`/teams/${slug}/`);
/** The QBR index, a quarter's org page (no team) or a team's page of that quarter. */
export const qbrHref = (quarter?: string, teamSlug?: string): string =>
  withBase(quarter === undefined ? '/qbr/' : teamSlug === undefined ? `/qbr/${quarter}/` : `/qbr/${quarter}/${teamSlug}/`);
/** The page of a fiscal year's President's Club. */
export const presidentsClubHref = (fiscalYear: string): string => withBase(`/presidents-club/${fiscalYear}/`);
/** The 1:1 agenda of a team: the current week's page, or a given week's. */
export const oneOnOneHref = (teamSlug: string, week?: 1 | 2 | 3 | 4): string =>
  withBase(week === undefined ? `/teams/${teamSlug}/one-on-one/` : `/teams/${teamSlug}/one-on-one/week-${week}/`);
/** The PTO coverage page. */
export const PTO_HREF = withBase('/pto/');
/** The renewals page. */
export const RENEWALS_HREF = withBase('/renewals/');
/** The onboarding page. */
export const ONBOARDING_HREF = withBase('/onboarding/');
/** The data-quality page. */
export const DATA_QUALITY_HREF = withBase('/data-quality/');
/** The search page. */
export const SEARCH_HREF = withBase('/search/');
/** The people index: teams and their CSMs. */
export const PEOPLE_HREF = withBase('/people/');
/** The accounts index: every account, churned and inactive included. */
export const ACCOUNTS_HREF = withBase('/accounts/');
/** Pagefind's script, written by the build beside the pages. */
export const PAGEFIND_SCRIPT = withBase('/pagefind/pagefind.js');
/** The table sorting and filtering script. */
export const TABLES_SCRIPT = withBase('/tables.js');
/** A file the build writes into the site (a rejected-rows CSV, a download), by its site path. */
export const fileHref = (sitePath: string): string => withBase(sitePath);

/** The kinds of record that can link to their source system (the config's `links`). */
export type RecordKind = keyof LinkTemplates;

/**
 * The URL of a record in its source system (Gainsight, Salesforce) from the config's template, the
 * `{id}` replaced by the URL-encoded ID; null when no template is set for that kind.
 */
export function sourceHref(templates: LinkTemplates | undefined, kind: RecordKind, id: string): string | null {
  const template = templates?.[kind];
  return template ? template.replaceAll('{id}', encodeURIComponent(id)) : null;
}
/** The full list of at-risk accounts of a QBR page (the deck shows the largest ten). */
export const qbrRisksHref = (quarter: string, teamSlug?: string): string =>
  withBase(teamSlug === undefined ? `/qbr/${quarter}/risks/` : `/qbr/${quarter}/${teamSlug}/risks/`);
/** The org's review checklist (the five checks over every team). */
export const CHECKLIST_HREF = withBase('/checklist/');
