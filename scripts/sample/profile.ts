/**
 * Who in the sample org slips where. A real org is mostly healthy with a few clear problems: each
 * CSM keeps the handbook's rhythm except in the few habits listed for their place in the unit, so
 * every scorecard metric has a handful of CSMs off target and every manager list a few entries.
 * The same places slip in every unit, so a larger org has the same shape.
 */
import type { Day } from '../../src/dates.ts';

/** A habit a CSM can let slide. */
export type Slip =
  | 'calls' // cadence calls below the role's weekly minimum
  | 'lapse' // a couple of accounts with no recent cadence call
  | 'dark' // an account with no customer call at all for months
  | 'health' // health left stale on a few accounts
  | 'misprioritized' // an account with a P1 reason left at P2
  | 'unprioritized' // accounts with no Priority
  | 'planMissing' // eligible accounts with no active success plan
  | 'planNotGreen' // an active plan that is not green
  | 'planStale' // plans not updated for months
  | 'ebr' // EBRs skipped on part of the book
  | 'highArrEbr' // a top account with one EBR a year instead of two
  | 'workshops' // fewer workshops than one every two weeks
  | 'enablement' // open enablement plays on too little of the book
  | 'expansion' // too few open expansion plays
  | 'renewalQuestion'; // renewal questions asked late or not at all

/** Slips by a CSM's place in the unit (0-31: the teams' CSMs in roster order, then the director's direct report). */
const SLIPS_BY_PLACE: Readonly<Record<number, readonly Slip[]>> = {
  2: ['highArrEbr'],
  3: ['calls'],
  4: ['planNotGreen'],
  5: ['health'],
  6: ['enablement'],
  7: ['planMissing'],
  8: ['renewalQuestion', 'planStale'],
  9: ['misprioritized'],
  10: ['ebr'],
  11: ['workshops'],
  12: ['planNotGreen', 'lapse'],
  13: ['highArrEbr', 'renewalQuestion'],
  14: ['calls', 'lapse', 'dark', 'health', 'planStale'],
  15: ['planMissing'],
  16: ['calls', 'health'],
  17: ['misprioritized'],
  18: ['ebr'],
  19: ['expansion', 'planNotGreen'],
  20: ['lapse', 'dark'],
  21: ['workshops'],
  22: ['renewalQuestion'],
  24: ['health', 'unprioritized'],
  25: ['calls'],
  26: ['lapse'],
  27: ['misprioritized'],
  28: ['enablement'],
  29: ['unprioritized'],
  30: ['renewalQuestion', 'planStale'],
  31: ['planMissing'],
};

/** The slips of the CSM at `place` in its unit. */
export function slipsOf(place: number): ReadonlySet<Slip> {
  return new Set(SLIPS_BY_PLACE[place] ?? []);
}

/** The team (by index in the unit) whose habits have been fading over the last two quarters. */
export const FADING_TEAM = 2;

/**
 * How much longer than usual a CSM's gaps between routine touches (calls, health and plan updates)
 * were on day `d`: the org tightened its rhythm over the last year (gaps were up to 60% longer two
 * years ago), while the fading team let it slip over the last six months.
 */
export function rhythmFactor(d: Day, asOf: Day, fading: boolean): number {
  const past = 1 + 0.6 * Math.min(1, Math.max(0, (asOf - 240 - d) / 450));
  const fade = fading ? 1 + 0.2 * Math.min(1, Math.max(0, (d - (asOf - 200)) / 150)) : 1;
  return past * fade;
}
