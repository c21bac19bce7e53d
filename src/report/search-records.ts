/**
 * The site search's records: one per account, CSM and team, made from the model rather than by
 * crawling thousands of pages, so the index stays small and quick to build at any org size.
 */
import type { ReportModel } from './model.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: { title: string; kind: 'Account' | 'CSM' | 'Team' };
  filters: { kind: string[] };
}

const record = (url: string, title: string, kind: SearchRecord['meta']['kind'], parts: (string | null)[]): SearchRecord => ({
  url,
  content: [title, ...parts.filter((p): p is string => !!p)].join(' · '),
  language: 'en',
  meta: { title, kind },
  filters: { kind: [kind] },
});

/** Every account, CSM and team of the model as a search record, in a stable order. */
export function searchRecords(model: ReportModel): SearchRecord[] {
  const csmByEmail = new Map(model.csms.map((c) => [c.email, c]));
  const teamByManager = new Map(model.teams.map((t) => [t.manager, t]));
  const teams = model.teams.map((t) =>
    record(`/teams/${t.slug}/`, `Team ${t.name}`, 'Team', [`manager ${t.manager}`, `${t.csms.length} CSMs`]),
  );
  const csms = model.csms.map((c) =>
    record(`/csm/${c.slug}/`, c.name, 'CSM', [c.role, c.email, c.manager ? `team ${teamByManager.get(c.manager)?.name ?? c.manager}` : null, `${c.book.length} book accounts`]),
  );
  const accounts = model.accounts.map((a) =>
    record(`/accounts/${a.id}/`, a.name, 'Account', [
      `account ${a.id}`,
      a.status !== 'Active' ? a.status : null,
      a.priority,
      a.health ? `health ${a.health}` : null,
      a.csmEmail ? `CSM ${csmByEmail.get(a.csmEmail)?.name ?? a.csmEmail}` : 'no CSM',
      a.industry,
      a.region,
    ]),
  );
  return [...teams, ...csms, ...accounts];
}
