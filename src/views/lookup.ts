/**
 * Look-ups by slug and ID (Maps built once per model) and the small references lists show. Nothing
 * here computes a metric; it only picks and orders what the model already holds.
 */
import type { AccountView, CsmReport, ReportModel, TeamReport } from '../report/model.ts';

/** A person as a page links to them. */
export interface PersonRef {
  name: string;
  slug: string;
}

/** An account as a list shows it. */
export interface AccountRef {
  id: string;
  name: string;
}

interface ReportIndex {
  accountById: Map<string, AccountView>;
  csmByEmail: Map<string, CsmReport>;
  csmBySlug: Map<string, CsmReport>;
  teamBySlug: Map<string, TeamReport>;
  teamByManager: Map<string, TeamReport>;
  /** The team a CSM belongs to, by CSM email. */
  teamOfCsm: Map<string, TeamReport>;
}

const indexes = new WeakMap<ReportModel, ReportIndex>();

/** The Maps every page looks things up in; built on first use, once per model. */
export function reportIndex(model: ReportModel): ReportIndex {
  let ix = indexes.get(model);
  if (ix) return ix;
  const teamOfCsm = new Map<string, TeamReport>();
  for (const t of model.teams) for (const email of t.csms) teamOfCsm.set(email, t);
  ix = {
    accountById: new Map(model.accounts.map((a) => [a.id, a])),
    csmByEmail: new Map(model.csms.map((c) => [c.email, c])),
    csmBySlug: new Map(model.csms.map((c) => [c.slug, c])),
    teamBySlug: new Map(model.teams.map((t) => [t.slug, t])),
    teamByManager: new Map(model.teams.map((t) => [t.manager, t])),
    teamOfCsm,
  };
  indexes.set(model, ix);
  return ix;
}

/** A team by its URL slug. */
export const teamBySlug = (model: ReportModel, slug: string): TeamReport | undefined => reportIndex(model).teamBySlug.get(slug);
/** A CSM by their URL slug. */
export const csmBySlug = (model: ReportModel, slug: string): CsmReport | undefined => reportIndex(model).csmBySlug.get(slug);
/** An account by ID. */
export const accountById = (model: ReportModel, id: string): AccountView | undefined => reportIndex(model).accountById.get(id);

/** The CSM (name and page) of an email, or null when the email is no CSM of the roster. */
export function csmRef(model: ReportModel, email: string | null | undefined): PersonRef | null {
  if (!email) return null;
  const c = reportIndex(model).csmByEmail.get(email);
  return c ? { name: c.name, slug: c.slug } : null;
}

/** The name of a CSM by email; the email itself when they are not a CSM of the roster, `n/a` for none. */
export function csmName(model: ReportModel, email: string | null | undefined): string {
  if (!email) return 'n/a';
  return reportIndex(model).csmByEmail.get(email)?.name ?? email;
}

/** The team of a CSM, or null for a CSM with no team. */
export function teamOfCsm(model: ReportModel, email: string): TeamReport | null {
  return reportIndex(model).teamOfCsm.get(email) ?? null;
}

/** The accounts of a list of IDs, in the given order; unknown IDs are skipped. */
export function accountsOf(model: ReportModel, ids: readonly string[]): AccountView[] {
  const byId = reportIndex(model).accountById;
  const out: AccountView[] = [];
  for (const id of ids) {
    const a = byId.get(id);
    if (a) out.push(a);
  }
  return out;
}

/** Account references (ID and name) of a list of IDs; an unknown ID shows as itself. */
export function accountRefs(model: ReportModel, ids: readonly string[]): AccountRef[] {
  const byId = reportIndex(model).accountById;
  return ids.map((id) => ({ id, name: byId.get(id)?.name ?? id }));
}

/** The book of a team: the books of its CSMs, in CSM order. */
export function teamBook(model: ReportModel, team: TeamReport): AccountView[] {
  const ix = reportIndex(model);
  return team.csms.flatMap((email) => accountsOf(model, ix.csmByEmail.get(email)?.book ?? []));
}

/** Active accounts that belong to no book: no CSM, or a CSM who is not a CSM of the roster. Sorted by name. */
export function unassignedAccounts(model: ReportModel): AccountView[] {
  const csms = reportIndex(model).csmByEmail;
  return model.accounts
    .filter((a) => a.status === 'Active' && (a.csmEmail === null || !csms.has(a.csmEmail)))
    .sort(byName);
}

/** Sorts by name, then ID: a stable order for every account list. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
