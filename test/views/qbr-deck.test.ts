/** The QBR deck's pure parts: the change badge, the message sentences and the chart geometry. */
import { describe, expect, it } from 'vitest';
import { barChart, dotStripChart, fitLabel, lineChart, stackedRowChart } from '../../src/components/qbr-charts.ts';
import type { QbrMetric, QbrScope } from '../../src/report/qbr.ts';
import { formatNumber } from '../../src/views/format.ts';
import { formatQbrValue, qbrChange } from '../../src/views/qbr.ts';
import {
  compactMoney, ebrMessage, headlineMessage, metricSentence, metricTrend, milestoneRows, onboardingMessage, playsMessage, provenanceNote,
  renewalsMessage, risksMessage, type QuarterScope,
} from '../../src/views/qbr-deck.ts';

const m = (current: number | null, previous: number | null, source: QbrMetric['source'] = 'event'): QbrMetric => ({
  source, current: { value: current }, previous: { value: previous }, direction: null, assessment: null,
});

describe('qbrChange(key, m): the change badge', () => {
  it('says "unchanged" when both values read the same once rounded (64.6% and 64.6%)', () => {
    expect(qbrChange('cadenceCompliance', m(0.64612, 0.64588))).toMatchObject({ direction: 'same', assessment: null, text: 'unchanged', arrow: '→' });
  });
  it('moves as soon as the shown values differ (64.6% → 64.7%)', () => {
    expect(qbrChange('cadenceCompliance', m(0.6466, 0.6464))).toMatchObject({ direction: 'up', assessment: 'better', text: 'up, better' });
  });
  it('reads better or worse by the metric: fewer red accounts is better, a higher P1 ratio is worse', () => {
    expect(qbrChange('redCount', m(3, 5))).toMatchObject({ direction: 'down', assessment: 'better', text: 'down, better', arrow: '↓' });
    expect(qbrChange('p1Ratio', m(0.31, 0.27))).toMatchObject({ direction: 'up', assessment: 'worse', text: 'up, worse' });
    expect(qbrChange('ttfvMedianDays', m(25.5, 27))).toMatchObject({ assessment: 'better' });
  });
  it('gives no better or worse to a metric whose target is a range (book size)', () => {
    expect(qbrChange('bookSize', m(593, 578))).toMatchObject({ direction: 'up', assessment: null, text: 'up' });
  });
  it('does not compare a value that is null, missing its snapshot or not recorded', () => {
    expect(qbrChange('ebrCoverage', m(0.5, null)).text).toBe('not comparable');
    expect(qbrChange('bookSize', { current: { value: 5 }, previous: { value: null, noSnapshot: true } }).direction).toBeNull();
    expect(qbrChange('highArrEbrCoverage', { current: { value: 1 }, previous: { value: null, notRecorded: true } }).direction).toBeNull();
  });
  it('compares money in whole dollars: $1,000.40 and $1,000.20 are unchanged', () => {
    expect(qbrChange('atRiskRenewalArr', m(1000.4, 1000.2)).text).toBe('unchanged');
  });
});

describe('formatQbrValue(key, v)', () => {
  it('says "not recorded" for a stored quarter that predates the metric, "no snapshot" for a missing snapshot', () => {
    expect(formatQbrValue('highArrEbrCoverage', { value: null, notRecorded: true })).toBe('not recorded');
    expect(formatQbrValue('bookSize', { value: null, noSnapshot: true })).toBe('no snapshot');
    expect(formatQbrValue('ebrCoverage', { value: null })).toBe('n/a');
  });
});

describe('metricSentence(key, m, previousQuarter)', () => {
  it('says rose, fell or held in the page\'s rounding', () => {
    expect(metricSentence('ebrCoverage', m(0.68, 0.61), 'FY27-Q2')).toBe('EBR coverage rose from 61% to 68%');
    expect(metricSentence('redCount', m(20, 23), 'FY27-Q2')).toBe('Red accounts fell from 23 to 20');
    expect(metricSentence('cadenceCompliance', m(0.64612, 0.64588), 'FY27-Q2')).toBe('Cadence compliance held at 64.6%');
  });
  it('names what is missing instead of comparing', () => {
    expect(metricSentence('highArrEbrCoverage', { current: { value: 0.9 }, previous: { value: null, notRecorded: true } }, 'FY26-Q4'))
      .toBe('Highest-ARR accounts with 2 EBRs was 90% (FY26-Q4: not recorded)');
    expect(metricSentence('bookSize', { current: { value: null, noSnapshot: true }, previous: { value: 5 } }, 'FY26-Q4')).toBe('Book size: no snapshot');
  });
});

describe('headlineMessage(scope, keys, previousQuarter)', () => {
  it('counts improved, worsened and held metrics and names the largest move of each side', () => {
    const metrics = {
      ebrCoverage: m(0.68, 0.61), // +11%: better
      healthFreshness: m(0.99, 0.98), // +1%: better
      redCount: m(30, 20), // +50%: worse
      cadenceCompliance: m(0.9, 0.9), // held
    } as unknown as QbrScope['metrics'];
    expect(headlineMessage({ metrics }, ['ebrCoverage', 'healthFreshness', 'redCount', 'cadenceCompliance'], 'FY27-Q2')).toBe(
      '2 of 4 headline metrics improved on FY27-Q2, 1 worsened and 1 held: EBR coverage rose from 61% to 68%; Red accounts rose from 20 to 30.',
    );
  });
  it('says so when nothing can be compared', () => {
    const metrics = { bookSize: { ...m(5, null), previous: { value: null, noSnapshot: true } } } as unknown as QbrScope['metrics'];
    expect(headlineMessage({ metrics }, ['bookSize'], 'FY26-Q1')).toBe('None of the 1 headline metrics can be compared with FY26-Q1: its values were not recorded.');
  });
});

const row = (ttfe: number | null, ttfv: number | null, tto: number | null, overdue = false): QbrScope['onboardingCohort'][number] => ({
  accountId: 'a', start: '2026-08-01', firstEngage: null, firstValue: null, firstValueSource: null, onboarded: null, onboardedSource: null,
  ttfeDays: ttfe, ttfvDays: ttfv, ttoDays: tto, overdue,
});
const TARGETS = { ttfeDays: 14, ttfvDays: 30, ttoDays: 45 };

describe('milestoneRows(cohort, targets) and onboardingMessage', () => {
  it('counts a milestone reached on its target day as within target, one day later as not', () => {
    const rows = milestoneRows([row(14, 30, 45), row(15, 31, null), row(3, null, null)], TARGETS);
    expect(rows.map((r) => [r.key, r.reached, r.withinTarget, r.median, r.days])).toEqual([
      ['ttfe', 3, 2, 14, [3, 14, 15]],
      ['ttfv', 2, 1, 30.5, [30, 31]],
      ['tto', 1, 1, 45, [45]],
    ]);
  });
  it('names the slowest milestone (lowest share within target) and the overdue count', () => {
    const rows = milestoneRows([row(2, 30, 40), row(3, 40, 41, true), row(4, 50, null, true)], TARGETS);
    expect(onboardingMessage(rows, 3, 2, 'FY27-Q3')).toBe('3 accounts started onboarding in FY27-Q3: first value is the slowest step, 1 of 3 within 30 days (median 40 days); 2 are overdue.');
  });
  it('says when no account started onboarding, or none reached a milestone', () => {
    expect(onboardingMessage(milestoneRows([], TARGETS), 0, 0, 'FY27-Q3')).toBe('No book account started onboarding in FY27-Q3.');
    expect(onboardingMessage(milestoneRows([row(null, null, null)], TARGETS), 1, 0, 'FY27-Q3')).toBe('1 account started onboarding in FY27-Q3; none has reached a milestone yet, and none is overdue.');
  });
});

const scopeWith = (over: Partial<QbrScope>): QbrScope => over as QbrScope;

describe('ebrMessage, playsMessage, renewalsMessage, risksMessage', () => {
  it('ebrMessage compares the EBRs held with the previous quarter, or says it was not recorded', () => {
    const history: QuarterScope[] = [
      { quarter: 'FY27-Q2', scope: scopeWith({ ebrsHeld: { count: 111, accounts: [] } }) },
      { quarter: 'FY27-Q3', scope: scopeWith({ ebrsHeld: { count: 110, accounts: ['a', 'b'] } }) },
    ];
    expect(ebrMessage(history, 'FY27-Q3', 'FY27-Q2')).toBe('110 EBRs held with 2 accounts in FY27-Q3, down from 111 in FY27-Q2.');
    expect(ebrMessage(history.slice(1), 'FY27-Q3', 'FY27-Q2')).toBe('110 EBRs held with 2 accounts in FY27-Q3, FY27-Q2: not recorded.');
  });
  it('playsMessage counts completed as won out of closed, and invalid apart', () => {
    const plays = { quarter: 'FY27-Q3', expansionOpened: 10, expansionCompleted: 4, expansionClosed: 5, expansionInvalid: 2, expansionWinRate: 0.8, expansionDaysToClose: 10,
      enablementOpened: 6, enablementCompleted: 1, enablementClosed: 2, enablementInvalid: 1, enablementWinRate: 0.5, enablementDaysToClose: 5, renewalRate: null, roundtableCoverage: null };
    expect(playsMessage(plays, 'FY27-Q3')).toBe('In FY27-Q3, 10 expansion plays opened and 4 completed (won) of 5 closed, an 80% win rate; 6 enablement plays opened and 1 completed (won) of 2 closed, a 50% win rate; 3 were invalid or cancelled.');
    const stored = { ...plays, expansionCompleted: undefined, expansionInvalid: undefined } as unknown as typeof plays;
    expect(playsMessage(stored, 'FY26-Q1')).toBe('In FY26-Q1, 10 expansion plays opened and 5 closed; 6 enablement plays opened and 1 completed (won) of 2 closed, a 50% win rate.');
  });
  it('renewalsMessage gives the renewal rate, the lost net ARR as a loss, and the red share of the forecast', () => {
    const health = (g: number, y: number, r: number) => ({ Green: { count: 1, arr: g }, Yellow: { count: 1, arr: y }, Red: { count: 1, arr: r }, None: { count: 0, arr: 0 } });
    const scope = { renewals: { won: 9, lost: 1, renewalRate: 0.9, wonArr: 100, lostArr: -250_000, opportunities: [] },
      forecast: { quarter: 'FY27-Q4', count: 3, arr: 4_000_000, byHealth: health(2_000_000, 1_000_000, 1_000_000), accounts: [] } };
    expect(renewalsMessage(scope, 'FY27-Q3')).toBe('FY27-Q3 renewed 9 of 10 decided renewals (90%), losing $250k of net ARR; FY27-Q4 brings $4M over 3 accounts, $1M (25%) of it red.');
    const none = { renewals: { ...scope.renewals, won: 0, lost: 0, renewalRate: null }, forecast: { ...scope.forecast, count: 0, arr: 0, byHealth: health(0, 0, 0) } };
    expect(renewalsMessage(none, 'FY27-Q3')).toBe('No renewal was decided in FY27-Q3; no book account renews in FY27-Q4.');
  });
  it('risksMessage gives the share of the at-risk ARR the ten largest hold', () => {
    const atRisk = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, name: `A${i}`, csmEmail: null, arr: i < 10 ? 100_000 : 50_000, reasons: ['red health'] }));
    expect(risksMessage({ atRisk, atRiskArr: 1_100_000, red: [], redArr: 0 }, '2026-10-31')).toBe('12 accounts are at risk as of 2026-10-31, with $1.1M ARR; the 10 largest hold $1M (90.9%).');
    expect(risksMessage({ atRisk: atRisk.slice(0, 1), atRiskArr: 100_000, red: [], redArr: 0 }, '2026-10-31')).toBe('1 account is at risk as of 2026-10-31, with $100k ARR.');
    expect(risksMessage({ atRisk: [], atRiskArr: 0, red: [], redArr: 0 }, '2026-10-31')).toBe('No book account is at risk as of 2026-10-31.');
  });
  it('compactMoney(x) shortens to k and M', () => {
    expect([compactMoney(900), compactMoney(12_400), compactMoney(31_635_700)]).toEqual(['$900', '$12k', '$31.6M']);
  });
});

describe('metricTrend and provenanceNote', () => {
  it('metricTrend reads each quarter\'s value, null where the quarter has no page or predates the metric', () => {
    const history: QuarterScope[] = [
      { quarter: 'FY27-Q1', scope: null },
      { quarter: 'FY27-Q2', scope: scopeWith({ metrics: { highArrEbrCoverage: { ...m(null, null), current: { value: null, notRecorded: true } } } as unknown as QbrScope['metrics'] }) },
      { quarter: 'FY27-Q3', scope: scopeWith({ metrics: { highArrEbrCoverage: m(0.9, null) } as unknown as QbrScope['metrics'] }) },
    ];
    expect(metricTrend(history, 'highArrEbrCoverage')).toEqual([{ label: 'FY27-Q1', value: null }, { label: 'FY27-Q2', value: null }, { label: 'FY27-Q3', value: 0.9 }]);
  });
  it('provenanceNote names the snapshot metrics and their snapshot dates in a footnote', () => {
    const metrics = {
      ebrCoverage: m(0.5, 0.4),
      bookSize: { ...m(5, 4, 'snapshot'), current: { value: 5, snapshotAsOf: '2026-10-31' }, previous: { value: null, noSnapshot: true } },
    } as unknown as QbrScope['metrics'];
    expect(provenanceNote({ metrics }, ['ebrCoverage', 'bookSize'], '2026-10-31', '2026-07-31')).toBe(
      'Recomputed from dated events as of 2026-10-31 and 2026-07-31. † Book size: read from the stored snapshots of 2026-10-31 ("no snapshot" where none was stored).',
    );
  });
});

describe('chart geometry', () => {
  const opts = { tick: (v: number) => formatNumber(v), format: (v: number) => formatNumber(v) };

  it('lineChart draws one dot per known value, a gap for null, and every quarter label when there is room', () => {
    const spec = lineChart([{ label: 'Q1', value: 1 }, { label: 'Q2', value: null }, { label: 'Q3', value: 3 }], { width: 400, height: 100, ...opts });
    expect(spec.dots).toHaveLength(2);
    expect(spec.dots.map((d) => d.label)).toEqual(['Q1: 1', 'Q3: 3']);
    expect(spec.texts.filter((t) => t.text.startsWith('Q')).map((t) => t.text)).toEqual(['Q1', 'Q2', 'Q3']);
    // A null splits the line: two moves (M) for the two defined runs.
    expect(spec.paths[0]!.d.match(/M/g)).toHaveLength(2);
    // The value axis has its tick labels (1 to 3).
    expect(spec.texts.filter((t) => t.kind === 'tick' && /^\d/.test(t.text)).map((t) => t.text)).toContain('3');
  });
  it('lineChart labels only the first and last quarter when the chart is narrow', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({ label: `Q${i}`, value: i }));
    const spec = lineChart(points, { width: 260, height: 96, ...opts });
    const ends = spec.texts.filter((t) => t.text.startsWith('Q'));
    expect(ends.map((t) => [t.text, t.anchor])).toEqual([['Q0', 'start'], ['Q7', 'end']]);
    expect(ends[1]!.x).toBeLessThanOrEqual(260);
  });
  it('lineChart gives a flat series room around it', () => {
    const spec = lineChart([{ label: 'Q1', value: 5 }, { label: 'Q2', value: 5 }], { width: 400, height: 100, ...opts });
    expect(new Set(spec.dots.map((d) => d.y)).size).toBe(1);
    expect(spec.dots[0]!.y).toBeGreaterThan(10);
    expect(spec.dots[0]!.y).toBeLessThan(78);
  });
  it('barChart draws a bar per known value of each series, from a zero axis', () => {
    const spec = barChart(['Q1', 'Q2'], [{ key: 'opened', label: 'opened', values: [4, 8] }, { key: 'invalid', label: 'invalid', values: [null, 2] }], { width: 400, height: 200, ...opts });
    expect(spec.rects.map((r) => r.label)).toEqual(['Q1, opened: 4', 'Q2, opened: 8', 'Q2, invalid: 2']);
    const [a, b] = spec.rects;
    expect(a!.y + a!.height).toBeCloseTo(b!.y + b!.height, 1); // same baseline
    expect(b!.height).toBeCloseTo(2 * a!.height, 0);
    expect(spec.texts.filter((t) => t.kind === 'tick').map((t) => t.text)).toEqual(expect.arrayContaining(['0', '8', 'Q1', 'Q2']));
  });
  it('stackedRowChart stacks segments left to right and skips zero ones; the total sits at the end', () => {
    const spec = stackedRowChart([{ label: 'FY27-Q4 forecast', segments: [{ key: 'h-green', label: 'Green', value: 3 }, { key: 'h-red', label: 'Red', value: 0 }, { key: 'h-yellow', label: 'Yellow', value: 1 }] }], { width: 500, ...opts });
    expect(spec.rects.map((r) => r.series)).toEqual(['h-green', 'h-yellow']);
    expect(spec.rects[1]!.x).toBeCloseTo(spec.rects[0]!.x + spec.rects[0]!.width, 1);
    expect(spec.texts.find((t) => t.kind === 'value')!.text).toBe('4');
    expect(spec.texts.find((t) => t.kind === 'label')!.text).toBe('FY27-Q4 forecast');
  });
  it('dotStripChart draws a dot per account, a target line per milestone, and colours by target', () => {
    const spec = dotStripChart([{ label: 'First value', target: 30, median: 30, values: [30, 30, 31] }], { width: 600, ...opts });
    expect(spec.dots.map((d) => d.series)).toEqual(['within', 'within', 'late']);
    expect(spec.dots[0]!.y).not.toBe(spec.dots[1]!.y); // same day: spread apart
    expect(spec.lines.filter((l) => l.kind === 'target')).toHaveLength(1);
    expect(spec.lines.filter((l) => l.kind === 'median')).toHaveLength(1);
    expect(spec.texts.map((t) => t.text)).toContain('target 30');
  });
  it('fitLabel(text, chars) cuts a long name with an ellipsis', () => {
    expect(fitLabel('Blue Harbor Broadband Co.', 12)).toBe('Blue Harbor…');
    expect(fitLabel('Acme', 12)).toBe('Acme');
  });
});
