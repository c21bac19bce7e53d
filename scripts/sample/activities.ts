/**
 * activities.csv, the Gainsight Timeline export: two years of cadence calls, meetings, EBRs,
 * workshops (one row per attending customer), renewal calls, roundtables, emails and updates, drawn
 * CSM by CSM and written as it goes.
 */
import { addMonthsToDay, type Day } from '../../src/dates.ts';
import type { CsvWriter } from './csv-writer.ts';
import { dateTime, gsid, salesforceId, type DateTimeStyle } from './formats.ts';
import { INDUSTRIES, ROUNDTABLE_TOPICS, WORKSHOP_TOPICS } from './names.ts';
import { previousRenewal, type SampleAccount, type SampleOrg, type SamplePerson } from './org.ts';
import type { Rng } from './random.ts';

export const ACTIVITY_HEADER = ['Activity ID', 'Account ID', 'Type', 'Activity Date', 'Author', 'Subject', 'Source'] as const;

const HISTORY_DAYS = 730;

/** One timeline entry before it is written. */
interface Entry {
  account: SampleAccount;
  type: string;
  day: Day;
  /** The person who logged it, or a cell written as is (an empty author, an unknown name). */
  author: SamplePerson | string;
  subject: string;
  /** A workshop's rows share one instant, so that every style writes the same date. */
  minute?: number;
}

const CADENCE_SUBJECTS = ['Cadence call', 'Cadence call', 'Biweekly sync', 'Monthly check-in', 'Cadence call: roadmap, adoption'];
const MEETING_SUBJECTS = ['Technical deep dive', 'Stakeholder alignment', 'Roadmap review', 'Upgrade planning, runners', 'Onboarding kickoff'];
const EMAIL_SUBJECTS = ['Follow-up', 'Re: renewal quote', 'Re: SSO setup, SCIM', 'Intro to support', 'Re: "Premium vs Ultimate"'];
const UPDATE_SUBJECTS = ['Account update', 'Health update: stable', 'Notes:\r\nexec sponsor changed, budget cycle in Q1', 'Update\nchampion left; new contact named'];

/** Mean days between entries of each kind, by the CSM's segment. */
const GAPS = {
  Strategic: { meeting: 50, email: 30, update: 55 },
  Growth: { meeting: 100, email: 40, update: 80 },
  Scale: { meeting: 365, email: 90, update: 180 },
} as const;

/** The cadence interval the CSM aims at (METRICS.md cadenceInterval; Scale and unprioritised get a loose rhythm). */
function cadenceBase(a: SampleAccount): number | null {
  const seg = a.csm?.segment;
  if (seg === 'Strategic') return a.priority === 'P1' ? 14 : 31;
  if (seg === 'Growth') return a.priority === 'P1' ? 31 : 92;
  if (seg === 'Scale') return 120;
  return null;
}

/** The days an account was a customer within the timeline: [from, to]. */
function span(org: SampleOrg, a: SampleAccount): [Day, Day] {
  const from = Math.max(org.asOf - HISTORY_DAYS + 1, a.onboardingStart ?? -Infinity);
  return [from, a.endDay ?? org.asOf];
}

/** Days of a process with mean gap `gap` (uniform jitter) over [from, to]; the first at a random phase unless `startAtFrom`. */
function rhythm(rng: Rng, from: Day, to: Day, gap: number, jitter = 0.6, startAtFrom = false): Day[] {
  const days: Day[] = [];
  let d = startAtFrom ? from : from + rng.int(0, Math.max(0, Math.round(gap)));
  while (d <= to) {
    days.push(d);
    d += Math.max(1, Math.round(gap * (1 - jitter / 2 + rng.next() * jitter)));
  }
  return days;
}

/** The entries of one account, except workshops and roundtables (those span accounts). */
function accountEntries(rng: Rng, org: SampleOrg, a: SampleAccount): Entry[] {
  const out: Entry[] = [];
  const [from, to] = span(org, a);
  const csm = a.csm;
  const author: SamplePerson | string = csm ?? (a.csmCell || '');
  if (from > to) return out;
  const seg = csm?.segment ?? 'Scale';
  const gaps = GAPS[seg];

  const base = cadenceBase(a);
  if (base !== null && !rng.chance(0.03) && !(seg === 'Scale' && rng.chance(0.5))) {
    const diligence = csm?.diligence ?? 0.6;
    // The interval is a minimum: diligent CSMs call more often than it asks.
    const gap = base * (1.1 - 0.45 * diligence);
    // First engagement of an onboarding: a call some days after the start.
    const onboarding = a.onboardingStart !== null && a.onboardingStart >= from;
    const firstEngage = onboarding ? a.onboardingStart! + Math.round(Math.exp(rng.normal(Math.log(10), 0.6))) : from;
    // Some accounts lapse: the calls stop a while before the as-of date.
    const until = rng.chance(0.08) ? to - rng.int(base, 3 * base) : to;
    for (const d of rhythm(rng, firstEngage, until, gap, 0.6, onboarding)) out.push({ account: a, type: 'Cadence Call', day: d, author, subject: rng.pick(CADENCE_SUBJECTS) });
  }
  for (const d of rhythm(rng, from, to, gaps.meeting, 1.2)) out.push({ account: a, type: 'Meeting', day: d, author, subject: rng.pick(MEETING_SUBJECTS) });
  for (const d of rhythm(rng, from, to, gaps.email, 1.4)) out.push({ account: a, type: 'Email', day: d, author, subject: rng.pick(EMAIL_SUBJECTS) });
  for (const d of rhythm(rng, from, to, gaps.update, 1.2)) out.push({ account: a, type: 'Update', day: d, author, subject: rng.chance(0.1) ? `${rng.pick(UPDATE_SUBJECTS)} (${a.name})` : rng.pick(UPDATE_SUBJECTS) });

  // EBRs: roughly yearly for most Strategic accounts, some Growth ones; none before six months of tenure.
  const ebrShare = seg === 'Strategic' ? 0.78 * (csm?.diligence ?? 1) + 0.1 : seg === 'Growth' ? 0.25 : 0;
  if (rng.chance(ebrShare)) {
    for (let d = Math.max(from + 120, org.asOf - HISTORY_DAYS + rng.int(0, 365)); d <= to; d += rng.int(320, 420)) {
      out.push({ account: a, type: 'EBR', day: d, author, subject: `Executive Business Review - ${a.name}` });
    }
  }

  // Renewal calls 2-4 months before each renewal (the next one when it is that close, and the last one).
  for (const r of [a.renewal, previousRenewal(a)]) {
    if (r === null || !rng.chance(r > org.asOf ? 0.75 : 0.85)) continue;
    const lead = addMonthsToDay(r, -4);
    let d = r - rng.int(60, 120);
    if (d > org.asOf) d = lead <= org.asOf ? rng.int(lead, org.asOf) : Infinity;
    if (d >= from && d <= to) out.push({ account: a, type: 'Renewal Call', day: d, author, subject: 'Renewal discussion' });
  }
  return out;
}

/** Workshops a CSM delivers to a few of their book accounts at a time, each logged once per customer. */
function workshopEntries(rng: Rng, org: SampleOrg, csm: SamplePerson, book: SampleAccount[]): Entry[] {
  const out: Entry[] = [];
  const live = book.filter((a) => a.status === 'Active');
  if (live.length === 0) return out;
  const [gap, min, max] = csm.segment === 'Scale' ? [7, 4, 12] : csm.segment === 'Growth' ? [10, 2, 5] : [12, 1, 3];
  for (const d of rhythm(rng, org.asOf - HISTORY_DAYS + 1, org.asOf, gap / csm.diligence, 1)) {
    const topic = rng.pick(WORKSHOP_TOPICS);
    const minute = rng.int(8 * 60, 21 * 60);
    for (const a of rng.sample(live, rng.int(min, max))) {
      if (a.onboardingStart !== null && a.onboardingStart > d) continue;
      // Some rows change the subject's case and spacing: still one workshop (trimmed, case-insensitive).
      out.push({ account: a, type: 'Workshop', day: d, author: csm, subject: rng.chance(0.1) ? ` ${topic.toUpperCase()} ` : topic, minute });
    }
  }
  return out;
}

const STYLES: Readonly<Record<DateTimeStyle, number>> = { utc: 55, offset: 15, date: 25, space: 5 };

/** Writes the rows of activities.csv (the header is the caller's). */
export function writeActivities(rng: Rng, org: SampleOrg, out: CsvWriter): void {
  const usedIds = new Set<string>();
  let firstId = '';
  const write = (e: Entry) => {
    const id = gsid('1I', rng, usedIds);
    if (!firstId) firstId = id;
    out.row(cells(e, id));
  };
  const cells = (e: Entry, id: string): string[] => {
    const accountRef = rng.chance(0.03) ? e.account.id.id15 : e.account.id.id18;
    const minute = e.minute ?? rng.int(7 * 60, 22 * 60);
    const date = dateTime(e.day, minute, rng.weighted(STYLES), rng);
    return [id, accountRef, e.type, date, authorCell(rng, e.author, e.type === 'Workshop'), e.subject, rng.chance(0.9) ? 'Gainsight' : 'Email Assist'];
  };
  const flush = (entries: Entry[]) => {
    entries.sort((x, y) => x.day - y.day);
    for (const e of entries) write(e);
  };

  for (const csm of org.csms) {
    const book = org.books.get(csm.email) ?? [];
    const entries = book.flatMap((a) => accountEntries(rng, org, a));
    entries.push(...workshopEntries(rng, org, csm, book));
    flush(entries);
  }
  const unassigned = org.accounts.filter((a) => a.csm === null);
  flush(unassigned.flatMap((a) => accountEntries(rng, org, a)));
  flush(roundtables(rng, org));

  // Rows that ingestion keeps with a warning: scheduled calls after the as-of date, unknown types.
  const active = org.accounts.filter((a) => a.csm && a.status === 'Active');
  for (let k = 0; k < 8 * org.scale; k++) {
    const a = rng.pick(active);
    write({ account: a, type: 'Cadence Call', day: org.asOf + rng.int(1, 14), author: a.csm!, subject: 'Scheduled: cadence call' });
  }
  for (let k = 0; k < 5 * org.scale; k++) {
    const a = rng.pick(active);
    write({ account: a, type: k % 3 === 2 ? 'Onsite Visit' : 'Call', day: org.asOf - rng.int(1, 300), author: a.csm!, subject: 'Quick call' });
  }

  // Rows that ingestion must reject.
  const a = rng.pick(active);
  out.row(cells({ account: a, type: 'Meeting', day: org.asOf - 40, author: a.csm!, subject: 'Logged twice by the sync' }, firstId));
  const unknown = salesforceId('001', rng, new Set(org.accounts.map((x) => x.id.id15)));
  out.row([gsid('1I', rng, usedIds), unknown.id18, 'Email', dateTime(org.asOf - 12, 600, 'utc', rng), a.csm!.email, 'Account deleted in CRM']);
  out.row([gsid('1I', rng, usedIds), a.id.id18, 'Meeting', 'TBD', a.csm!.email, '=HYPERLINK("http://x","click me")']);
}

/** One roundtable per industry and quarter (most quarters), logged on each attending account. */
function roundtables(rng: Rng, org: SampleOrg): Entry[] {
  const out: Entry[] = [];
  const leaders = org.people.filter((p) => p.segment === null && p.role !== 'VP');
  const byIndustry = new Map<string, SampleAccount[]>();
  for (const a of org.accounts) {
    if (!a.csm || a.status !== 'Active') continue;
    const list = byIndustry.get(a.industry) ?? [];
    list.push(a);
    byIndustry.set(a.industry, list);
  }
  for (let q = 0; q < 8; q++) {
    for (const industry of Object.keys(INDUSTRIES)) {
      const members = byIndustry.get(industry) ?? [];
      for (let u = 0; u < org.scale; u++) {
        if (!rng.chance(0.7) || members.length === 0) continue;
        const day = org.asOf - q * 91 - rng.int(1, 88);
        const host = rng.pick(leaders);
        const subject = `${rng.pick(ROUNDTABLE_TOPICS)} - ${industry}`;
        const minute = rng.int(14 * 60, 18 * 60);
        for (const a of rng.sample(members, rng.int(2, 6))) out.push({ account: a, type: 'Roundtable', day, author: host, subject, minute });
      }
    }
  }
  return out;
}

/**
 * The Author cell: mostly the email, sometimes the full name, a capitalised email, the backup, or
 * empty. A workshop row always names its presenter (or is empty: the account's CSM, the same person).
 */
function authorCell(rng: Rng, author: SamplePerson | string, workshop: boolean): string {
  if (typeof author === 'string') return author;
  const draw = rng.weighted({ email: 83, name: 8, capital: 2, empty: 4, backup: workshop ? 0 : 3 });
  if (draw === 'name') return author.name;
  if (draw === 'capital') return author.email.replace(/(^|\.)([a-z])/g, (_, dot: string, c: string) => dot + c.toUpperCase());
  if (draw === 'empty') return '';
  if (draw === 'backup') return author.backupEmail ?? author.email;
  return author.email;
}
