/** csms.csv (the roster) and accounts.csv (the Gainsight company report) of the sample org. */
import type { CsvWriter } from './csv-writer.ts';
import { isoDate, moneyCell, percentCell, usDate } from './formats.ts';
import { emailLocal, type SampleOrg } from './org.ts';
import type { Rng } from './random.ts';
import { accountStateAt } from './state.ts';

export const CSM_HEADER = ['Name', 'Email', 'Manager Email', 'Role', 'Region', 'Start Date', 'Backup CSM Email', 'Employee ID'] as const;

/** The org renames one contract header; data/config.json maps it back (`columns.accounts`). */
export const ACCOUNT_NAME_HEADER = 'Company Name';

export const ACCOUNT_HEADER = [
  'Account ID', ACCOUNT_NAME_HEADER, 'CSM', 'Status', 'ARR', 'Tier', 'Priority', 'Health', 'Health Updated', 'Sales Segment',
  'Region', 'Industry', 'Onboarding Start Date', 'First Value Date', 'Onboarding Complete Date', 'Renewal Date',
  'License Utilization', 'Use Cases Adopted', 'DevSecOps Health', 'Website', 'Account Owner',
] as const;

/** Writes the roster rows. */
export function writeCsms(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  org.people.forEach((p, i) => {
    // HR tools keep whatever case was typed; emails compare case-insensitively.
    const manager = p.managerEmail && rng.chance(0.05) ? p.managerEmail.toUpperCase() : (p.managerEmail ?? '');
    out.row([p.name, p.email, manager, p.role, p.region, isoDate(p.startDay), p.backupEmail ?? '', `E${String(10400 + i * 7).padStart(6, '0')}`]);
  });
}

/** Writes the account rows. */
export function writeAccounts(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const opt = (day: number | null, format: (d: number) => string) => (day === null ? '' : format(day));
  const owners = org.people.slice(0, 12).map((p) => `${p.name.split(' ')[0]} ${['Sales', 'Reed', 'Quill'][p.name.length % 3]}`);
  for (const a of org.accounts) {
    // The account as it stood on the day the exports stand on; not yet a customer then: no row.
    const st = accountStateAt(org, a, org.cutoff);
    const money = moneyCell(st?.arr ?? a.arr, rng);
    if (st === null) continue;
    out.row([
      a.id.id18,
      a.name,
      a.csmCell,
      st.statusCell,
      money,
      a.tier,
      st.priorityCell,
      st.health ?? '',
      opt(st.healthUpdated, isoDate),
      a.salesSegment,
      a.region,
      a.industry,
      opt(a.onboardingStart, isoDate),
      opt(st.firstValueDate, isoDate),
      opt(st.onboardingCompleteDate, isoDate),
      // Renewal dates come from the Salesforce sync, in its US slash format.
      opt(st.renewal, usDate),
      a.licenseUtil === null ? '' : percentCell(a.licenseUtil, rng),
      a.useCases === null ? '' : String(a.useCases),
      a.devSecOps ?? '',
      `www.${emailLocal(a.name.replace(/[^A-Za-zÀ-ÿ ]/g, '')).replaceAll('.', '') || 'example'}.com`,
      rng.pick(owners),
    ]);
  }
}
