/** license_usage.csv (monthly utilisation history) and pto.csv (time off) of the sample org. */
import { dayOf, partsOfDay, type Day } from '../../src/dates.ts';
import type { CsvWriter } from './csv-writer.ts';
import { isoDate, usDate } from './formats.ts';
import type { SampleAccount, SampleOrg, SamplePerson } from './org.ts';
import type { Rng } from './random.ts';

export const LICENSE_USAGE_HEADER = ['Account ID', 'Date', 'License Utilization', 'Seats Purchased'] as const;
export const PTO_HEADER = ['Email', 'Start Date', 'End Date', 'Backup Email', 'Type'] as const;

/** First days of the months from the month after `from` (or `from` itself when it is the 1st) to `to`. */
function monthStarts(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  let { year, month } = partsOfDay(from);
  let d = dayOf(year, month, 1);
  while (d <= to) {
    if (d >= from) out.push(d);
    month++;
    if (month > 12) { month = 1; year++; }
    d = dayOf(year, month, 1);
  }
  return out;
}

/**
 * Utilisation on a day: for an onboarding, below 10% until the crossing delay, then rising towards
 * the account's current utilisation; for older accounts, the current level with some noise.
 */
function utilization(rng: Rng, a: SampleAccount, d: Day): number {
  const final = a.licenseUtil ?? 0.5;
  const o = a.onboarding;
  if (o && a.onboardingStart !== null) {
    const age = d - a.onboardingStart;
    if (o.crossDelay === null) return Math.min(final, 0.099) * Math.min(1, age / 60);
    if (age < o.crossDelay) return 0.095 * (age / o.crossDelay);
    return Math.min(1, 0.1 + (final - 0.1) * (1 - Math.exp(-(age - o.crossDelay) / 90)) + rng.next() * 0.01);
  }
  return Math.min(1, Math.max(0, final * (1 + rng.normal(0, 0.05))));
}

/** Writes the rows of license_usage.csv: one per account and month. */
export function writeLicenseUsage(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const T = org.asOf;
  for (const a of org.accounts) {
    if (!a.hasUsage) continue;
    const from = a.onboarding && a.onboardingStart !== null ? a.onboardingStart : T - 365;
    const to = a.endDay ?? T;
    const seats = String(rng.int(2, 400) * 25);
    for (const d of monthStarts(from, to)) {
      // A few rows come from a tool that lower-cases the 18-character ID.
      const id = rng.chance(0.01) ? a.id.id18.toLowerCase() : a.id.id18;
      const util = utilization(rng, a, d).toFixed(3);
      if (d <= org.cutoff) out.row([id, isoDate(d), util, seats]);
    }
  }
}

/** Writes the rows of pto.csv: past time off, time off in the next 30 days, and the cases PTO coverage flags. */
export function writePto(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const T = org.cutoff;
  const kinds = ['Vacation', 'Vacation', 'Sick', 'Conference', 'Public Holiday'];
  const row = (p: SamplePerson, start: Day, end: Day, backup: string) =>
    out.row([rng.chance(0.05) ? p.email.toUpperCase() : p.email, usDate(start), usDate(end), backup, rng.pick(kinds)]);
  const teammates = (p: SamplePerson) => org.csms.filter((q) => q !== p && q.managerEmail === p.managerEmail);
  const special = new Set<SamplePerson>([org.noBackup]);
  // A CSM whose roster backup is off at the same time.
  const overlapped = org.csms.find((p) => p.backupEmail !== null && p !== org.noBackup && org.csms.some((q) => q.email === p.backupEmail && q !== org.noBackup))!;
  const overlappedBackup = org.csms.find((q) => q.email === overlapped.backupEmail)!;
  special.add(overlapped).add(overlappedBackup);

  for (const p of org.csms) {
    for (let k = rng.int(0, 3); k > 0; k--) {
      const start = T - rng.int(20, 365);
      row(p, start, start + rng.int(0, 9), '');
    }
    if (!special.has(p) && rng.chance(0.22)) {
      const start = T + rng.int(-3, 25);
      const mates = teammates(p);
      row(p, start, start + rng.int(0, 11), rng.chance(0.3) && mates.length > 0 ? rng.pick(mates).email : '');
    }
  }
  row(org.noBackup, T + 5, T + 12, '');
  row(overlapped, T + 8, T + 15, '');
  row(overlappedBackup, T + 12, T + 20, '');
  // Rejected: ends before it starts.
  const late = rng.pick(org.csms);
  row(late, T + 10, T + 6, '');
}
