/** The PTO coverage page: time off in the look-ahead window with its backup and accounts. */
import type { PtoEntry, ReportModel } from '../report/model.ts';
import { accountRefs, byName, csmRef, type AccountRef, type PersonRef } from './lookup.ts';

/** A person of a PTO row: the CSM's page when they are a CSM, else the email as text. */
export interface PtoPerson {
  email: string;
  name: string;
  ref: PersonRef | null;
}

/** One time off as the PTO page shows it. */
export interface PtoRow {
  entry: PtoEntry;
  csm: PtoPerson;
  backup: PtoPerson | null;
  /** The coverage problems in words: "no backup", "backup also off". */
  conflicts: string[];
  p1Accounts: AccountRef[];
  renewals: AccountRef[];
  atRiskAccounts: AccountRef[];
  /** The anchor of the entry's accounts on the PTO page. */
  anchor: string;
}

/** The time off of the model (already limited to the look-ahead window), soonest first, then by CSM name. */
export function ptoRows(model: ReportModel): PtoRow[] {
  const person = (email: string): PtoPerson => {
    const ref = csmRef(model, email);
    return { email, name: ref?.name ?? email, ref };
  };
  const refs = (ids: readonly string[]) => accountRefs(model, ids).sort(byName);
  return model.pto
    .map((entry): PtoRow => {
      const csm = person(entry.csmEmail);
      return {
        entry,
        csm,
        backup: entry.backupEmail ? person(entry.backupEmail) : null,
        conflicts: [...(entry.noBackup ? ['no backup'] : []), ...(entry.backupAlsoOff ? ['backup also off'] : [])],
        p1Accounts: refs(entry.p1Accounts),
        renewals: refs(entry.renewals),
        atRiskAccounts: refs(entry.atRiskAccounts),
        anchor: `pto-${(csm.ref?.slug ?? entry.csmEmail.replace(/[^a-z0-9]+/g, '-'))}-${entry.start}`,
      };
    })
    .sort((a, b) => a.entry.start.localeCompare(b.entry.start) || a.csm.name.localeCompare(b.csm.name) || a.entry.end.localeCompare(b.entry.end));
}
