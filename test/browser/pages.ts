/**
 * One page of each type of the site, for the checks that run on every type (axe, screenshots).
 * A new page type is one more line here.
 */
import { site, smallestPageUnder } from './site.ts';

/** A page type: its name and the route of one page of that type (resolved once the site is built). */
export interface PageType {
  name: string;
  route: () => string;
}

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', route: () => '/' },
  { name: 'team', route: () => smallestPageUnder('teams') },
  { name: 'csm', route: () => smallestPageUnder('csm') },
  { name: 'account', route: () => smallestPageUnder('accounts') },
  { name: 'people', route: () => '/people/' },
  { name: 'accounts', route: () => '/accounts/' },
  { name: 'renewals', route: () => '/renewals/' },
  { name: 'onboarding', route: () => '/onboarding/' },
  { name: 'data-quality', route: () => '/data-quality/' },
  { name: 'metrics', route: () => '/metrics/' },
  { name: 'explain', route: () => `${smallestPageUnder('explain/team')}#cadenceCompliance` },
  { name: 'search', route: () => '/search/?q=acme' },
  { name: 'qbr', route: () => '/qbr/FY27-Q3/' },
  { name: 'qbr-team', route: () => `/qbr/FY27-Q3/${smallestPageUnder('teams').split('/')[2]}/` },
  { name: 'presidents-club', route: () => '/presidents-club/FY2027/' },
  { name: 'presidents-club-closed', route: () => '/presidents-club/FY2026/' },
  { name: 'one-on-one', route: () => `${smallestPageUnder('teams')}one-on-one/` },
  { name: 'pto', route: () => '/pto/' },
  { name: 'checklist', route: () => '/checklist/' },
];

/** The full URL of a page type on the served site. */
export const urlOf = (type: PageType): string => `${site.url}${type.route()}`;
