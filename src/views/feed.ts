/**
 * Atom feeds (RFC 4287) of a CSM's and a team's new actions and changes, one set of entries per
 * build: a digest of the week's actions, one entry per action new since the previous build, one per
 * book account that turned red, became overdue or non-engaged, or entered the renewal window.
 *
 * Ids are tag: URIs (RFC 4151) under the person's email domain: an entry's id carries the as-of
 * date of the build it reports, so it never changes and an action that comes back later is a new
 * entry. Links are absolute when the config has a `siteUrl`; otherwise they are paths under the
 * base path, which a feed reader resolves against the feed's own address (RFC 4287 section 2).
 */
import type { CsmReport, ReportModel, TeamReport } from '../report/model.ts';
import { actionHref, actionItems, actionsSummary, csmChanges, csmFeedHref } from './csm.ts';
import { accountHref, csmHref, teamHref, withBase } from './links.ts';
import { reportIndex } from './lookup.ts';

/** The year these feeds' ids were first minted: the date part of the feeds' own tag: ids. */
const TAG_YEAR = '2026';

export interface AtomEntry {
  id: string;
  title: string;
  /** A site path (under the base path) or an absolute URL. */
  href: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The page the feed follows and the feed itself, as site paths. */
  pageHref: string;
  selfHref: string;
  updated: string;
  entries: AtomEntry[];
}

/** The team's Atom feed. */
export const teamFeedHref = (slug: string): string => withBase(`/teams/${slug}/feed.xml`);

/** Text for XML: markup characters escaped, characters XML 1.0 does not allow dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The Atom document of a feed; `siteUrl` (https:) makes its links absolute. */
export function atomXml(feed: AtomFeed, siteUrl?: string): string {
  const url = (href: string) => xmlText(siteUrl ? new URL(href, siteUrl).href : href);
  const entry = (e: AtomEntry) =>
    [
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <updated>${feed.updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${url(e.href)}"/>`,
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${feed.updated}</updated>`,
    '  <author><name>Customer success report</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${url(feed.selfHref)}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(feed.pageHref)}"/>`,
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}

/** A tag: URI under an email's domain: `tag:example.com,2026-11-20:cs-report/csm/jane/...`. */
const tag = (email: string, date: string, specific: string): string => `tag:${email.slice(email.lastIndexOf('@') + 1)},${date}:cs-report/${specific}`;

/** The entries one CSM contributes to a feed; `who` prefixes titles in a team's feed. */
function csmEntries(model: ReportModel, csm: CsmReport, who: string): AtomEntry[] {
  const asOf = model.asOf;
  const scope = `csm/${encodeURIComponent(csm.slug)}`;
  const changes = csmChanges(model, csm);
  const items = actionItems(csm, asOf);
  const lines = items.map((i) => `${i.title}: ${i.action.accountName} (${i.action.reason}; ${i.dueText})`);
  const cleared = changes.cleared.map((c) => `${c.title}: ${c.account.name}`);
  const digest: AtomEntry = {
    id: tag(csm.email, asOf, `${scope}/week`),
    title: `${who}This week's actions as of ${asOf}: ${actionsSummary(csm, asOf)}`,
    href: `${csmHref(csm.slug)}#actions`,
    summary: [...lines, ...(cleared.length > 0 ? [`Done or no longer due: ${cleared.join('; ')}`] : [])].join('\n') || actionsSummary(csm, asOf),
  };
  const added: AtomEntry[] = changes.newActions.map((i) => ({
    id: tag(csm.email, asOf, `${scope}/action/${encodeURIComponent(i.action.key)}`),
    title: `${who}New action: ${i.title}, ${i.action.accountName}`,
    href: actionHref(csm.slug, i.action.key),
    summary: `${i.action.reason}; ${i.dueText}.`,
  }));
  const moved: AtomEntry[] = changes.groups.flatMap((g) =>
    g.accounts.map((a) => ({
      id: tag(csm.email, asOf, `${scope}/${g.id}/${encodeURIComponent(a.id)}`),
      title: `${who}${g.title}: ${a.name}`,
      href: accountHref(a.id),
      summary: `${a.name}: ${g.title.toLowerCase()} since the build of ${changes.previousAsOf}.`,
    })),
  );
  return [digest, ...added, ...moved];
}

const updatedOf = (model: ReportModel): string => `${model.asOf}T00:00:00Z`;

/** A CSM's feed: the week's digest, new actions and book changes of this build. */
export function csmFeed(model: ReportModel, csm: CsmReport): AtomFeed {
  return {
    id: tag(csm.email, TAG_YEAR, `csm/${encodeURIComponent(csm.slug)}`),
    title: `${csm.name}: actions and changes`,
    subtitle: `This week's actions on ${csm.name}'s book, and what changed since the previous build.`,
    pageHref: csmHref(csm.slug),
    selfHref: csmFeedHref(csm.slug),
    updated: updatedOf(model),
    entries: csmEntries(model, csm, ''),
  };
}

/** A team's feed for its manager: each of its CSMs' digest, new actions and book changes. */
export function teamFeed(model: ReportModel, team: TeamReport): AtomFeed {
  const csms = team.csms.flatMap((e) => reportIndex(model).csmByEmail.get(e) ?? []);
  return {
    id: tag(team.manager, TAG_YEAR, `team/${encodeURIComponent(team.slug)}`),
    title: `Team ${team.name}: actions and changes`,
    subtitle: `The week's actions of the CSMs of team ${team.name}, and what changed since the previous build.`,
    pageHref: teamHref(team.slug),
    selfHref: teamFeedHref(team.slug),
    updated: updatedOf(model),
    entries: csms.flatMap((c) => csmEntries(model, c, `${c.name}: `)),
  };
}

/** The response of a feed endpoint. */
export function atomResponse(feed: AtomFeed, siteUrl?: string): Response {
  return new Response(atomXml(feed, siteUrl), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
