/**
 * The sample org's current-state fields as they stood on an earlier day D: what accounts.csv would
 * have said in a nightly export on D. Each account's past is a deterministic function of the
 * account and D (draws seeded by the account's ID), so the exports as of D agree with one another
 * for every D and nothing of the org's own random stream is used. The story the past tells:
 * - priorities: two years ago CSMs marked P1 more accounts without a reason, and accounts with an
 *   open expansion play or red health were P1 while they had it; the clean-up brought the P1 ratio
 *   down over the last year;
 * - health: a wave of red accounts about three quarters ago that the org has since worked down,
 *   and more amber two years ago; health updates came further apart before the last year, and the
 *   fading team has let them slip again over the last two quarters (profile.ts rhythmFactor);
 * - renewals: each account renews yearly, so D's next renewal is a year or two before today's, and
 *   ARR was smaller by the account's growth at each renewal since;
 * - accounts onboarded after D are not customers yet; churned accounts were active before they left.
 */
import { addMonthsToDay, type Day } from '../../src/dates.ts';
import type { AccountStatus, Priority, Rag } from '../../src/ingest/tables.ts';
import type { SampleAccount, SampleOrg } from './org.ts';
import { rhythmFactor } from './profile.ts';
import { createRng, seedFromText, type Rng } from './random.ts';

export interface AccountState {
  status: AccountStatus;
  statusCell: string;
  arr: number;
  priority: Priority | null;
  priorityCell: string;
  health: Rag | null;
  healthUpdated: Day | null;
  renewal: Day | null;
  firstValueDate: Day | null;
  onboardingCompleteDate: Day | null;
}

/** A draw source of its own for one account and one purpose. */
export const accountRng = (a: SampleAccount, purpose: string): Rng => createRng(seedFromText(`${a.id.id15}/${purpose}`));

/** The first day of the timeline the sample writes (enough for twelve-month windows two years back). */
export const timelineStart = (org: SampleOrg): Day => org.asOf - HISTORY_DAYS + 1;
export const HISTORY_DAYS = 1035;

/** Days of a routine with mean gap `gap` × rhythmFactor (±30%), from the timeline start; the last one ≤ `day`. */
export function lastRoutineDay(org: SampleOrg, a: SampleAccount, purpose: string, gap: number, day: Day): Day | null {
  const rng = accountRng(a, purpose);
  const fading = a.csm?.fading ?? false;
  let d = Math.max(timelineStart(org), a.onboardingStart ?? -Infinity) + rng.int(0, Math.round(gap));
  let last: Day | null = null;
  while (d <= day) {
    last = d;
    d += Math.max(1, Math.round(gap * rhythmFactor(d, org.asOf, fading) * (0.7 + 0.6 * rng.next())));
  }
  return last;
}

/** The account as accounts.csv shows it on `day` (≤ the org's as-of date); null before it was a customer. */
export function accountStateAt(org: SampleOrg, a: SampleAccount, day: Day): AccountState | null {
  if (a.onboardingStart !== null && a.onboardingStart > day) return null;
  const T = org.asOf;
  const u = (purpose: string) => accountRng(a, purpose).next();
  const back = T - day;
  const wasActive = a.endDay !== null && a.endDay > day;

  let renewal = a.renewal;
  let renewals = 0;
  if (wasActive && (renewal === null || renewal <= day)) renewal = a.endDay;
  while (renewal !== null && addMonthsToDay(renewal, -12) > day) {
    renewal = addMonthsToDay(renewal, -12);
    renewals++;
  }

  let health = a.health;
  if (back > 0 && health !== null) {
    // A red account turned red some months ago; before that it was amber.
    if (health === 'Red' && u('turned red') * 300 < back) health = 'Yellow';
    if (health === 'Green' && u('amber') < 0.14 * Math.min(1, back / 500)) health = 'Yellow';
    // Accounts that were red once and have recovered since.
    if (health !== 'Red' && u('recovered') < 0.045 * Math.min(1, back / 150)) health = 'Red';
    const wave = 0.07 * Math.exp(-(((back - 290) / 110) ** 2));
    if (u('wave') < wave) health = 'Red';
  }
  const strategicOrGrowth = a.csm?.segment === 'Strategic' || a.csm?.segment === 'Growth';
  let priority = a.priority;
  if (back > 0 && priority === 'P2') {
    const overmarked = strategicOrGrowth && u('over-marked') < 0.12 * Math.min(1, Math.max(0, (back - 60) / 450));
    const expanding = a.expansionSpans.some(([created, closed]) => created <= day && (closed === null || closed > day));
    if (overmarked || ((health === 'Red' || expanding) && !a.csm?.slips.has('misprioritized'))) priority = 'P1';
  }
  const healthUpdated = health === null ? null : lastRoutineDay(org, a, 'health updated', a.healthGap, day);
  const priorityCell =
    priority === a.priority ? a.priorityCell
    : priority === null ? ''
    : accountRng(a, 'priority spelling').pick(priority === 'P1' ? ['PR1', 'P1', 'Priority 1'] : ['PR2', 'P2', 'Priority 2']);
  return {
    status: wasActive ? 'Active' : a.status,
    statusCell: wasActive ? 'Active' : a.statusCell,
    arr: Math.round(a.arr / (1 + a.growth) ** renewals / 100) * 100,
    priority,
    priorityCell,
    health,
    healthUpdated,
    renewal,
    firstValueDate: a.firstValueDate !== null && a.firstValueDate <= day ? a.firstValueDate : null,
    onboardingCompleteDate: a.onboardingCompleteDate !== null && a.onboardingCompleteDate <= day ? a.onboardingCompleteDate : null,
  };
}
