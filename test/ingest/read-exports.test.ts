import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoFromDay } from '../../src/dates.ts';
import type { ExportsRead } from '../../src/ingest/read-exports.ts';
import { CONFORMANCE, config, itConformance, readCase, rules } from './read-case.ts';

const tables = (r: ExportsRead) => {
  if (!r.tables) throw new Error(`no tables: ${r.quality.issues.map((i) => i.message).join('\n')}`);
  return r.tables;
};
const dates = (rows: { date: number }[]) => rows.map((r) => isoFromDay(r.date));
const msg = (r: ExportsRead, rule: string) => r.quality.issues.filter((i) => i.rule === rule).map((i) => i.message);

describe('readExports on the base org', () => {
  it('reads csms, accounts and activities, and reports the absent optional files as info', async () => {
    const r = await readCase(null);
    const t = tables(r);
    expect(t.csms.map((p) => p.email)).toEqual(['mia.lead@example.com', 'ada@example.com', 'bo@example.com']);
    expect(t.accounts[0]).toEqual({
      id: '001A0000006Vm9rIAC', name: 'Acme', csmEmail: 'ada@example.com', status: 'Active', arr: 1234.5, tier: 'Premium', priority: 'P1',
      health: 'Green', healthUpdated: 20513, salesSegment: null, region: null, industry: null, onboardingStart: null, firstValueDate: null,
      onboardingCompleteDate: null, renewalDate: null, licenseUtilization: 0.45, useCasesAdopted: null, devSecOpsHealth: null,
    });
    expect(t.accounts[1]).toMatchObject({ csmEmail: 'bo@example.com', priority: 'P2', health: 'Red', licenseUtilization: 0.5 });
    // An activity keeps what the metrics read: its ID is checked (present, unique) but not kept.
    expect(t.activities).toEqual([
      { accountId: '001A0000006Vm9rIAC', type: 'Cadence Call', date: 20522, author: 'ada@example.com', subject: '' },
      { accountId: '001A0000007Xy1aIAC', type: 'EBR', date: 20523, author: 'bo@example.com', subject: '' },
      { accountId: '001A0000006Vm9rIAC', type: 'Workshop', date: 20524, author: 'ada@example.com', subject: 'CI Workshop' },
    ]);
    expect([t.successPlans, t.ctas, t.opportunities, t.licenseUsage, t.pto]).toEqual([null, null, null, null, null]);
    expect(r.quality.files['activities.csv']).toMatchObject({ read: 3, accepted: 3, rejected: 0, footerLines: 0, warnings: 0, present: true, exportTimeSource: 'mtime' });
    expect(r.quality.files['ctas.csv']).toMatchObject({ present: false, read: 0 });
    expect(rules(r)).toEqual(['missing-file@success_plans.csv:-', 'missing-file@ctas.csv:-', 'missing-file@opportunities.csv:-', 'missing-file@license_usage.csv:-', 'missing-file@pto.csv:-']);
    expect(r.quality.issues.every((i) => i.severity === 'info')).toBe(true);
    expect(r.rejectedCsv).toEqual({});
  });
});

describe('encodings', () => {
  it('cp1252: reads Windows-1252 with a warning', async () => {
    const r = await readCase('cp1252');
    expect(tables(r).accounts[0]!.name).toBe('Société Générale');
    expect(rules(r, 'warning')).toEqual(['encoding-fallback@accounts.csv:-']);
  });
  it('utf8-bom: the BOM is not part of the first header', async () => {
    expect(tables(await readCase('utf8-bom')).csms[0]!.name).toBe('Mia Lead');
  });
  for (const c of ['utf16le-bom', 'utf16be-bom']) {
    it(`${c}: reads UTF-16 with a BOM`, async () => {
      const t = tables(await readCase(c));
      expect(dates(t.activities)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
      expect(t.activities[2]!.subject).toBe('CI Workshop');
    });
  }
  itConformance('an undecodable file is fatal and names the file', async () => {
    const sjis = readFileSync(path.join(CONFORMANCE, 'papaparse/sjis-sample.csv'));
    const r = await readCase(null, { extra: { 'accounts.csv': sjis } });
    expect(r.tables).toBeNull();
    expect(msg(r, 'undecodable')).toMatchInlineSnapshot(`
      [
        "accounts.csv cannot be decoded: it is neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1252 text; if it was saved in another encoding, name it in the config under encoding",
      ]
    `);
  });
});

describe('line ends and delimiters', () => {
  it('crlf and bare-cr read the same rows as LF', async () => {
    const base = tables(await readCase(null)).activities;
    expect(tables(await readCase('crlf')).activities).toEqual(base);
    expect(tables(await readCase('bare-cr')).activities).toEqual(base);
  });
  it('mixed-line-ends: CRLF and LF rows with line breaks inside quotes; lines count records', async () => {
    const r = await readCase('mixed-line-ends');
    expect(tables(r).activities.map((a) => [isoFromDay(a.date), a.subject])).toEqual([['2026-03-10', ''], ['2026-03-11', ''], ['2026-03-12', 'CI\nWorkshop']]);
    expect(r.quality.files['activities.csv']).toMatchObject({ read: 3, accepted: 3 });
  });
  it('semicolon and tab are detected', async () => {
    for (const c of ['semicolon', 'tab']) {
      expect(tables(await readCase(c)).accounts.map((a) => [a.name, a.arr])).toEqual([['Acme, Inc.', 1234.5], ['Globex', 1000]]);
    }
  });
});

describe('Salesforce report footers and subtotals', () => {
  it('salesforce-footer-classic: the six footer lines are dropped and the Generated By time kept', async () => {
    const r = await readCase('salesforce-footer-classic');
    const opps = tables(r).opportunities!;
    expect(opps.map((o) => [o.id, o.stage, isoFromDay(o.closeDate), o.netArr, o.csmEmail])).toEqual([
      ['006A0000001Op1aIAC', 'Closed Won', '2026-03-01', 5000, undefined],
      ['006A0000001Op2bIAC', 'Closed Won', '2026-02-15', 9000, 'ada@example.com'],
    ]);
    expect(r.quality.files['opportunities.csv']).toMatchObject({ read: 2, accepted: 2, rejected: 0, footerLines: 6, exportTime: '2026-03-14T06:02:00Z', exportTimeSource: 'footer' });
    expect(rules(r).filter((x) => x.includes('opportunities'))).toEqual(['unknown-account@opportunities.csv:3', 'report-footer@opportunities.csv:5']);
  });
  it('salesforce-footer-recent: only the Confidential and Copyright lines; the time is the file time', async () => {
    const r = await readCase('salesforce-footer-recent');
    expect(r.quality.files['opportunities.csv']).toMatchObject({ read: 2, accepted: 2, footerLines: 2, exportTimeSource: 'mtime' });
  });
  it('the footer follows the configured time zone', async () => {
    const r = await readCase('salesforce-footer-classic', { config: config({ timeZone: 'America/New_York' }) });
    expect(r.quality.files['opportunities.csv']!.exportTime).toBe('2026-03-14T06:02:00-04:00');
  });
  it('subtotal-rows: counted apart like footer lines, with a warning to export Details Only', async () => {
    const r = await readCase('subtotal-rows');
    expect(r.quality.files['opportunities.csv']).toMatchObject({ read: 2, accepted: 2, rejected: 0, footerLines: 2 });
    expect(msg(r, 'subtotal-rows')).toEqual(['opportunities.csv: 2 subtotal rows of a summary report left out (first on line 3); export the report as "Details Only"']);
  });
});

describe('values as exports write them', () => {
  it('ids-15-char: 15-character and case-changed 18-character IDs name the same account', async () => {
    const r = await readCase('ids-15-char');
    expect(tables(r).activities.map((a) => a.accountId)).toEqual(['001A0000006Vm9rIAC', '001A0000007Xy1aIAC', '001A0000006Vm9rIAC']);
  });
  it('us-slash-dates: month-first slash dates, with a time, and month names', async () => {
    expect(dates(tables(await readCase('us-slash-dates')).activities)).toEqual(['2026-03-09', '2026-03-10', '2026-03-12', '2026-02-13']);
  });
  it('day-first-column: a day above 12 in the first place makes the whole column day-first', async () => {
    const r = await readCase('day-first-column');
    expect(dates(tables(r).activities)).toEqual(['2026-03-05', '2026-03-15', '2026-02-01']);
    expect(rules(r, 'error')).toEqual([]);
  });
  it('the config can make a column day-first; values that cannot be read so are rejected', async () => {
    const r = await readCase('us-slash-dates', { config: config({ dayFirst: { activities: { 'Activity Date': true } } }) });
    expect(dates(tables(r).activities)).toEqual(['2026-09-03', '2026-10-03', '2026-03-12']);
    expect(rules(r).filter((x) => !x.startsWith('missing-file'))).toEqual(['future-date@activities.csv:2', 'future-date@activities.csv:3', 'date-order-conflict@activities.csv:5']);
  });
  it('date-order-conflict: the order more values show wins and the others are rejected', async () => {
    const r = await readCase('date-order-conflict');
    expect(dates(tables(r).activities)).toEqual(['2026-05-03', '2026-03-13', '2026-03-14']);
    expect(r.quality.files['activities.csv']).toMatchObject({ read: 4, accepted: 3, rejected: 1, warnings: 1 });
    expect(msg(r, 'date-order-conflict')).toMatchInlineSnapshot(`
      [
        ""03/14/2026" is month-first but the column reads day-first (1 value can only be month-first, 2 only day-first); set dayFirst.activities.Activity Date in the config if the column is day-first",
      ]
    `);
    expect(r.rejectedCsv['activities.csv']).toContain('A-4,001A0000006Vm9rIAC,Meeting,03/14/2026,,,5,"Activity Date: ""03/14/2026"" is month-first');
  });
  it('money-formats: $, USD, parentheses and minus; a bare column at most 1 holds fractions', async () => {
    const t = tables(await readCase('money-formats'));
    expect(t.accounts.map((a) => a.arr)).toEqual([1234.5, -1234.5, 1234.5, -1234.5]);
    expect(t.accounts.map((a) => a.licenseUtilization)).toEqual([0.45, 0.9, 1, null]);
  });
  it('bare-percent-column: a bare number above 1 makes the bare numbers percents', async () => {
    expect(tables(await readCase('bare-percent-column')).accounts.map((a) => a.licenseUtilization)).toEqual([0.45, 0.005, 0.625]);
  });
  it('decimal-comma: read only when the config says so; otherwise the amount is a warning', async () => {
    const on = await readCase('decimal-comma', { config: config({ decimalComma: { accounts: { ARR: true } } }) });
    expect(tables(on).accounts.map((a) => a.arr)).toEqual([1234.5, 1000]);
    const off = await readCase('decimal-comma');
    expect(tables(off).accounts.map((a) => a.arr)).toEqual([null, 1]);
    expect(rules(off, 'warning')).toEqual(['invalid-number@accounts.csv:2']);
  });
});

describe('headers', () => {
  it('header-spacing: case, spaces and a BOM do not matter; unknown columns are info', async () => {
    const r = await readCase('header-spacing');
    expect(tables(r).accounts.map((a) => a.name)).toEqual(['Acme', 'Globex']);
    expect(r.quality.issues.filter((i) => i.rule === 'unknown-column')).toEqual([
      { file: 'accounts.csv', line: 1, column: 'Website', value: null, rule: 'unknown-column', severity: 'info', message: 'accounts.csv: column "Website" (D) is not in the data contract; ignored' },
    ]);
  });
  it('missing-required-column: fatal, with the headers found and the closest one', async () => {
    const r = await readCase('missing-required-column');
    expect(r.tables).toBeNull();
    expect(msg(r, 'missing-column')).toMatchInlineSnapshot(`
      [
        "accounts.csv: required column "Account ID" not found. Found: "Account Id (18)", "Name", "CSM", "Status". Did you mean "Account Id (18)"? Map it in the config under columns.accounts.",
        "accounts.csv: required column "Account Name" not found. Found: "Account Id (18)", "Name", "CSM", "Status". Did you mean "Name"? Map it in the config under columns.accounts.",
      ]
    `);
  });
  it('a config mapping fixes the missing column', async () => {
    const r = await readCase('missing-required-column', { config: config({ columns: { accounts: { 'Account ID': 'Account Id (18)', 'Account Name': 'Name' } } }) });
    expect(r.quality.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
    expect(tables(r).accounts.map((a) => a.name)).toEqual(['Acme']);
  });
  it('duplicate-column: a contract column twice is fatal', async () => {
    const r = await readCase('duplicate-column');
    expect(r.tables).toBeNull();
    expect(rules(r, 'fatal')).toEqual(['duplicate-column@accounts.csv:1']);
  });
  it('a config column that the contract does not have is a fatal config error naming it', async () => {
    const r = await readCase(null, { config: config({ dayFirst: { activities: { 'Activty Date': true } } }) });
    expect(r.tables).toBeNull();
    expect(msg(r, 'invalid-config')[0]).toMatch(/^config dayFirst\.activities: "Activty Date" is not a column of activities\.csv/);
  });
});

describe('bad input', () => {
  it('bad-rows: each rule rejects or warns, with file, line, column and value', async () => {
    const r = await readCase('bad-rows');
    const t = tables(r);
    expect(t.activities.map((a) => [isoFromDay(a.date), a.type])).toEqual([['2026-03-10', 'Cadence Call'], ['2026-03-12', 'Other'], ['2026-03-20', 'Meeting']]);
    expect(r.quality.files['activities.csv']).toMatchObject({ read: 9, accepted: 3, rejected: 6, warnings: 2 });
    expect(rules(r).filter((x) => x.includes('activities'))).toEqual([
      'duplicate-key@activities.csv:3', 'unknown-account@activities.csv:4', 'unknown-type@activities.csv:5', 'invalid-date@activities.csv:6',
      'invalid-id@activities.csv:7', 'future-date@activities.csv:8', 'missing-value@activities.csv:9', 'invalid-date@activities.csv:10',
    ]);
    expect(r.quality.issues.find((i) => i.rule === 'duplicate-key')).toEqual({
      file: 'activities.csv', line: 3, column: 'Activity ID', value: 'A-1', rule: 'duplicate-key', severity: 'error', message: 'duplicate of the row on line 2',
    });
    expect(msg(r, 'unknown-account')).toMatchInlineSnapshot(`
      [
        "account 001A0000009Qq3cIAC is not in accounts.csv",
      ]
    `);
    expect(msg(r, 'invalid-date')).toMatchInlineSnapshot(`
      [
        ""TBD" is not a date",
        ""never" is not a date",
      ]
    `);
    const csv = r.rejectedCsv['activities.csv']!;
    expect(csv.split('\r\n')[0]).toBe('Activity ID,Account ID,Type,Activity Date,Author,Subject,Line,Reason');
    expect(csv).toContain(`'=HYPERLINK(1),001A0000006Vm9rIAC,Meeting,never,,,10,"Activity Date: ""never"" is not a date"`);
  });
  it('empty-required-file: a required file with no data rows is fatal', async () => {
    const r = await readCase('empty-required-file');
    expect(r.tables).toBeNull();
    expect(rules(r, 'fatal')).toEqual(['no-data-rows@activities.csv:-']);
  });
  it('a missing required file is fatal; the other files still get their header checked', async () => {
    const r = await readCase('missing-required-column', { drop: ['csms.csv'] });
    expect(rules(r, 'fatal')).toEqual(['missing-file@csms.csv:-', 'missing-column@accounts.csv:1', 'missing-column@accounts.csv:1']);
    expect(r.quality.issues.filter((i) => i.file === 'activities.csv')).toEqual([]);
  });
  it('roster and account cross-checks: unknown CSM, unknown manager, duplicate 15/18-character account', async () => {
    const r = await readCase(null, {
      extra: {
        'csms.csv': 'Name,Email,Manager Email,Role\nAda Byron,ADA@example.com,boss@example.com,Growth\nBo Chen,bo@example.com,ada@example.com,VP\n',
        'accounts.csv': 'Account ID,Account Name,CSM\n001A0000006Vm9rIAC,Acme,Grace Hopper\n001A0000006Vm9r,Acme again,Bo Chen\n001A0000007Xy1aIAC,Globex,ada byron\n',
      },
    });
    const t = tables(r);
    expect(t.csms.map((p) => [p.email, p.managerEmail])).toEqual([['ada@example.com', null], ['bo@example.com', 'ada@example.com']]);
    expect(t.accounts.map((a) => [a.name, a.csmEmail])).toEqual([['Acme', null], ['Globex', 'ada@example.com']]);
    expect(rules(r).filter((x) => !x.startsWith('missing-file'))).toEqual([
      'unknown-manager@csms.csv:2', 'unknown-csm@accounts.csv:2', 'duplicate-key@accounts.csv:3',
    ]);
    expect(r.quality.files['csms.csv']!.warnings).toBe(1);
  });
  it('ctas: a closed status needs a Closed Date; an unknown type is Other', async () => {
    const r = await readCase(null, {
      extra: {
        'ctas.csv': 'CTA ID,Account ID,Type,Status,Created Date,Closed Date\nC-1,001A0000006Vm9rIAC,Expansion,Closed Won,2026-01-01,2026-02-01\nC-2,001A0000006Vm9rIAC,Risk,closed lost,2026-01-01,\nC-3,001A0000006Vm9rIAC,Lifecycle,In Progress,2026-01-01,2026-02-01\n',
      },
    });
    expect(tables(r).ctas!.map((c) => [c.id, c.type, c.outcome, c.closedDate && isoFromDay(c.closedDate)])).toEqual([
      ['C-1', 'Expansion', 'won', '2026-02-01'],
      ['C-3', 'Other', 'open', null],
    ]);
    expect(msg(r, 'missing-closed-date')).toEqual(['status "Closed Lost" is closed but Closed Date has no date']);
  });
  it('pto: an end before the start is rejected; the end day itself is allowed', async () => {
    const r = await readCase(null, {
      extra: { 'pto.csv': 'Email,Start Date,End Date,Backup Email\nada@example.com,2026-04-02,2026-04-01,\nbo@example.com,2026-04-02,2026-04-02,ada@example.com\n' },
    });
    expect(tables(r).pto).toEqual([{ email: 'bo@example.com', start: 20545, end: 20545, backupEmail: 'ada@example.com' }]);
    expect(rules(r, 'error')).toEqual(['end-before-start@pto.csv:2']);
  });
  it('an optional value that does not parse is kept empty with a warning', async () => {
    const r = await readCase(null, {
      extra: { 'accounts.csv': 'Account ID,Account Name,Health,Renewal Date,Use Cases Adopted\n001A0000006Vm9rIAC,Acme,Purple,soon,2.5\n001A0000007Xy1aIAC,Globex,green,2026-09-30,3\n' },
    });
    const t = tables(r);
    expect(t.accounts.map((a) => [a.health, a.renewalDate, a.useCasesAdopted])).toEqual([[null, null, null], ['Green', 20726, 3]]);
    expect(rules(r, 'warning')).toEqual(['unknown-value@accounts.csv:2', 'invalid-date@accounts.csv:2', 'invalid-number@accounts.csv:2']);
  });
  it('a date-time converts to the configured time zone before it is a date', async () => {
    const r = await readCase(null, {
      config: config({ timeZone: 'America/Los_Angeles' }),
      extra: { 'activities.csv': 'Activity ID,Account ID,Type,Activity Date\nA-1,001A0000006Vm9rIAC,Meeting,2026-03-11T06:59:59Z\nA-2,001A0000006Vm9rIAC,Meeting,2026-03-11T07:00:00Z\n' },
    });
    expect(dates(tables(r).activities)).toEqual(['2026-03-10', '2026-03-11']);
  });
});
