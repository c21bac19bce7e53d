import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatQualityTable } from '../../src/ingest/outcome.ts';
import type { FileAccount, QualityIssue, QualityReport } from '../../src/ingest/quality.ts';
import { config } from './read-case.ts';

const file = (read: number, accepted: number, extra: Partial<FileAccount> = {}): FileAccount => ({
  read, accepted, rejected: read - accepted, footerLines: 0, warnings: 0, exportTime: null, exportTimeSource: null, present: true, ...extra,
});
const issue = (severity: QualityIssue['severity'], message: string): QualityIssue => ({ file: 'accounts.csv', line: null, column: null, value: null, rule: 'x', severity, message });
const report = (files: QualityReport['files'], issues: QualityIssue[] = []): QualityReport => ({ files, issues });
const cfg = config();

describe('exitCodeFor(quality, config, previousAccepted, allowDrop)', () => {
  it('is 2 on a fatal issue, with its message', () => {
    expect(exitCodeFor(report({}, [issue('fatal', 'accounts.csv: broken')]), cfg, null, false)).toEqual({ code: 2, messages: ['accounts.csv: broken'] });
  });
  it('is 3 only when the rejected share is above maxRejectRate (5% is still fine)', () => {
    expect(exitCodeFor(report({ 'activities.csv': file(100, 95) }), cfg, null, false).code).toBe(0);
    const r = exitCodeFor(report({ 'activities.csv': file(100, 94) }), cfg, null, false);
    expect(r).toEqual({ code: 3, messages: ['activities.csv: 6% of the rows were rejected (6 of 100), more than the 5% allowed (maxRejectRate)'] });
    expect(exitCodeFor(report({ 'activities.csv': file(100, 94) }), config({ maxRejectRate: 0.1 }), null, false).code).toBe(0);
  });
  it('is 4 when accepted rows fall by more than maxRowDrop against the previous build (20% is still fine)', () => {
    expect(exitCodeFor(report({ 'accounts.csv': file(80, 80) }), cfg, { 'accounts.csv': 100 }, false).code).toBe(0);
    const r = exitCodeFor(report({ 'accounts.csv': file(79, 79) }), cfg, { 'accounts.csv': 100 }, false);
    expect(r.code).toBe(4);
    expect(r.messages).toMatchInlineSnapshot(`
      [
        "accounts.csv fell from 100 to 79 accepted rows: a drop of 21%, more than the 20% allowed (maxRowDrop); run with --allow-drop if this is expected",
      ]
    `);
  });
  it('counts a file the previous build had and this one lacks as a 100% drop', () => {
    const r = exitCodeFor(report({ 'accounts.csv': file(10, 10), 'ctas.csv': file(0, 0, { present: false }) }), cfg, { 'ctas.csv': 10 }, false);
    expect(r.code).toBe(4);
    expect(r.messages[0]).toMatch(/^ctas.csv was in the previous build \(10 accepted rows\) and is missing now: a drop of 100%/);
  });
  it('lets a drop through with allowDrop, and without a previous build', () => {
    expect(exitCodeFor(report({ 'accounts.csv': file(1, 1) }), cfg, { 'accounts.csv': 100 }, true).code).toBe(0);
    expect(exitCodeFor(report({ 'accounts.csv': file(1, 1) }), cfg, null, false).code).toBe(0);
  });
  it('puts a fatal issue before a reject rate, and a reject rate before a drop', () => {
    const q = report({ 'accounts.csv': file(10, 1) }, [issue('fatal', 'f')]);
    expect(exitCodeFor(q, cfg, { 'accounts.csv': 100 }, false).code).toBe(2);
    expect(exitCodeFor(report({ 'accounts.csv': file(10, 1) }), cfg, { 'accounts.csv': 100 }, false).code).toBe(3);
  });
});

describe('formatQualityTable(quality)', () => {
  it('prints the accounting per file, then the issues most severe first', () => {
    const q = report(
      { 'csms.csv': file(3, 3), 'accounts.csv': file(1200, 1190, { footerLines: 6, warnings: 2 }), 'pto.csv': file(0, 0, { present: false }) },
      [issue('warning', 'accounts.csv: a warning'), issue('fatal', 'accounts.csv: the fatal one'), { ...issue('error', 'account X is not in accounts.csv'), file: 'ctas.csv', line: 4, column: 'Account ID' }],
    );
    expect(formatQualityTable(q)).toMatchInlineSnapshot(`
      "file           read  accepted  rejected  footer lines  warnings
      ------------  -----  --------  --------  ------------  --------
      csms.csv          3         3         0             0         0
      accounts.csv  1,200     1,190        10             6         2
      pto.csv       (not supplied)

      Issues: 1 fatal, 1 error, 1 warning
      fatal   accounts.csv: the fatal one
      error   ctas.csv:4 Account ID: account X is not in accounts.csv
      warning accounts.csv: a warning"
    `);
  });
  it('caps the issues and counts the rest', () => {
    const many = Array.from({ length: 45 }, (_, i) => issue('warning', `w${i}`));
    const out = formatQualityTable(report({}, many)).split('\n');
    expect(out.at(-1)).toBe('… and 15 more (all of them are in quality.json)');
  });
});
