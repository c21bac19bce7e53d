/**
 * activities.csv, the Gainsight Timeline export: two years of cadence calls, meetings, EBRs,
 * workshops (one row per attending customer), renewal calls, roundtables, emails and updates, drawn
 * CSM by CSM and written as it goes.
 */
import { addMonthsToDay, type Day } from '../../src/dates.ts';
import type { CsvWriter } from './csv-writer.ts';
import { dateTime, gsid, salesforceId, type DateTimeStyle } from './formats.ts';
import { INDUSTRIES, ROUNDTABLE_TOPICS, WORKSHOP_TOPICS } from './names.ts';
import type { SampleAccount, SampleOrg, SamplePerson } from './org.ts';
import { rhythmFactor } from './profile.ts';
import type { Rng } from './random.ts';
import { timelineStart } from './state.ts';

export const ACTIVITY_HEADER = ['Activity ID', 'Account ID', 'Type', 'Activity Date', 'Author', 'Subject', 'Source'] as const;

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
  Strategic: { meeting: 45, email: 60, update: 100 },
  Growth: { meeting: 100, email: 110, update: 160 },
  Scale: { meeting: 365, email: 240, update: 365 },
} as const;

/** The cadence interval of METRICS.md (version 2: unprioritised reads as P2); null for Scale. */
function cadenceInterval(a: SampleAccount): number | null {
  const seg = a.csm?.segment;
  if (seg === 'Strategic') return a.priority === 'P1' ? 14 : 31;
  if (seg === 'Growth') return a.priority === 'P1' ? 31 : 92;
  return null;
}

/**
 * Days between cadence calls on an account: the CSM spreads the role's weekly minimum (times a
 * margin) over the book, and calls each account at least a little more often than its interval
 * asks. A CSM who slips on calls spreads too few over the book and lets intervals pass.
 */
function cadenceGap(org: SampleOrg, a: SampleAccount): number {
  const csm = a.csm;
  if (!csm) return 120;
  const book = (org.books.get(csm.email) ?? []).filter((x) => x.status === 'Active').length || 1;
  const spread = (7 * book) / csm.callsTarget;
  const interval = cadenceInterval(a);
  if (interval === null || csm.slips.has('calls')) return spread;
  return Math.min(spread, 0.78 * interval);
}

/** The days an account was a customer within the timeline: [from, to]. */
function span(org: SampleOrg, a: SampleAccount): [Day, Day] {
  const from = Math.max(timelineStart(org), a.onboardingStart ?? -Infinity);
  return [from, a.endDay ?? org.asOf];
}

/** Days of a process with mean gap `gap(d)` (uniform jitter) over [from, to]; the first at a random phase unless `startAtFrom`. */
function rhythm(rng: Rng, from: Day, to: Day, gap: number | ((d: Day) => number), jitter = 0.6, startAtFrom = false): Day[] {
  const gapAt = typeof gap === 'number' ? () => gap : gap;
  const days: Day[] = [];
  let d = startAtFrom ? from : from + rng.int(0, Math.max(0, Math.round(gapAt(from))));
  while (d <= to) {
    days.push(d);
    d += Math.max(1, Math.round(gapAt(d) * (1 - jitter / 2 + rng.next() * jitter)));
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
  const fading = csm?.fading ?? false;
  // A lapsed account gets no cadence call (a dark one no customer call at all) from its lapse day.
  const callsUntil = a.lapse ? Math.min(to, a.lapse.from) : to;
  const customerUntil = a.lapse?.kind === 'dark' ? callsUntil : to;

  // First engagement of an onboarding: a call about a week after the start.
  const onboarding = a.onboardingStart !== null && a.onboardingStart >= from;
  const firstEngage = onboarding ? a.onboardingStart! + Math.round(Math.exp(rng.normal(Math.log(6), 0.55))) : from;
  const gap = cadenceGap(org, a);
  const calls = rhythm(rng, firstEngage, callsUntil, (d) => gap * rhythmFactor(d, org.asOf, fading), 0.5, onboarding);
  for (const d of calls) out.push({ account: a, type: 'Cadence Call', day: d, author, subject: rng.pick(CADENCE_SUBJECTS) });
  for (const d of rhythm(rng, from, customerUntil, gaps.meeting, 1.2)) out.push({ account: a, type: 'Meeting', day: d, author, subject: rng.pick(MEETING_SUBJECTS) });
  for (const d of rhythm(rng, from, to, gaps.email, 1.4)) out.push({ account: a, type: 'Email', day: d, author, subject: rng.pick(EMAIL_SUBJECTS) });
  for (const d of rhythm(rng, from, to, gaps.update, 1.2)) out.push({ account: a, type: 'Update', day: d, author, subject: rng.chance(0.1) ? `${rng.pick(UPDATE_SUBJECTS)} (${a.name})` : rng.pick(UPDATE_SUBJECTS) });

  // EBRs: yearly on Strategic accounts (twice a year on the four highest-ARR ones), on a third of
  // Growth ones; the first one or two months into the tenure (the onboarding's executive kickoff). The phase spreads a CSM's EBRs over the year.
  const ebrShare = seg === 'Strategic' ? (csm?.slips.has('ebr') ? 0.55 : 1) : seg === 'Growth' ? 0.35 : 0;
  if (csm && rng.chance(ebrShare)) {
    const twice = a.highArr && !(csm.slips.has('highArrEbr') && rng.chance(0.5));
    const period = twice ? 182 : 365;
    const book = (org.books.get(csm.email) ?? []).filter((x) => x.status === 'Active');
    const phase = Math.round(((book.indexOf(a) + 0.5) / Math.max(1, book.length)) * 365);
    const first = onboarding ? a.onboardingStart! + rng.int(30, 80) : from;
    let d = timelineStart(org) + (phase % period);
    while (d < first) d += period;
    for (; d <= customerUntil; d += period) {
      const day = d + rng.int(-4, 4);
      if (day >= from && day <= customerUntil) out.push({ account: a, type: 'EBR', day, author, subject: `Executive Business Review - ${a.name}` });
    }
  }

  // The renewal question, asked 3-4 months before each renewal (late or not at all for some).
  for (let r = a.renewal; r !== null && r > from; r = addMonthsToDay(r, -12)) {
    const opens = addMonthsToDay(r, -4);
    const closes = addMonthsToDay(r, -3);
    const ask = r > org.asOf - 120 ? a.renewalAsk : rng.weighted({ window: 88, late: 8, none: 4 });
    if (ask === 'none') continue;
    const d = ask === 'window' ? rng.int(opens, closes) : rng.int(closes + 1, Math.max(closes + 1, addMonthsToDay(r, -1)));
    if (d >= from && d <= Math.min(customerUntil, org.asOf)) out.push({ account: a, type: 'Renewal Call', day: d, author, subject: 'Renewal discussion' });
  }
  return out;
}

/** Workshops a CSM delivers to a few of their book accounts at a time, each logged once per customer. */
function workshopEntries(rng: Rng, org: SampleOrg, csm: SamplePerson, book: SampleAccount[]): Entry[] {
  const out: Entry[] = [];
  const live = book.filter((a) => a.status === 'Active');
  if (live.length === 0) return out;
  // Strategic CSMs present one about every ten days (the handbook: every one to two weeks).
  const [gap, min, max] = csm.segment === 'Scale' ? [9, 3, 8] : csm.segment === 'Growth' ? [10, 2, 4] : csm.slips.has('workshops') ? [24, 1, 3] : [rng.int(8, 11), 1, 3];
  for (const d of rhythm(rng, timelineStart(org), org.asOf, gap, 0.8)) {
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
  // Every row is drawn as in the full export; those after the day the exports stand on are left out.
  const write = (e: Entry) => {
    const id = gsid('1I', rng, usedIds);
    const row = cells(e, id);
    if (e.day > org.cutoff) return;
    if (!firstId) firstId = id;
    out.row(row);
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

  // Rows that ingestion keeps with a warning: scheduled calls after the export's day, unknown types.
  const day = org.cutoff;
  const active = org.accounts.filter((a) => a.csm && a.status === 'Active' && (a.onboardingStart ?? -Infinity) < day - 300);
  for (let k = 0; k < 8 * org.scale; k++) {
    const a = rng.pick(active);
    out.row(cells({ account: a, type: 'Cadence Call', day: day + rng.int(1, 14), author: a.csm!, subject: 'Scheduled: cadence call' }, gsid('1I', rng, usedIds)));
  }
  for (let k = 0; k < 5 * org.scale; k++) {
    const a = rng.pick(active);
    write({ account: a, type: k % 3 === 2 ? 'Onsite Visit' : 'Call', day: day - rng.int(1, 300), author: a.csm!, subject: 'Quick call' });
  }

  // Rows that ingestion must reject.
  const a = rng.pick(active);
  out.row(cells({ account: a, type: 'Meeting', day: day - 40, author: a.csm!, subject: 'Logged twice by the sync' }, firstId));
  const unknown = salesforceId('001', rng, new Set(org.accounts.map((x) => x.id.id15)));
  out.row([gsid('1I', rng, usedIds), unknown.id18, 'Email', dateTime(day - 12, 600, 'utc', rng), a.csm!.email, 'Account deleted in CRM']);
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
  for (let q = 0; q < 11; q++) {
    for (const industry of Object.keys(INDUSTRIES)) {
      const members = byIndustry.get(industry) ?? [];
      for (let u = 0; u < org.scale; u++) {
        if (!rng.chance(0.7) || members.length === 0) continue;
        const day = org.asOf - q * 91 - rng.int(1, 88);
        if (day < timelineStart(org)) continue;
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
