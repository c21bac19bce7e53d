import { describe, expect, it } from 'vitest';
import { canonicalSalesforceId } from '../../src/ingest/salesforce-id.ts';
import { bytesOf, normalizeHeader, sample, textOf } from './sample-files.ts';

// Required columns of each file, from DATA-CONTRACT.md.
const REQUIRED: Record<string, string[]> = {
  'csms.csv': ['Name', 'Email', 'Role'],
  'accounts.csv': ['Account ID', 'Account Name'],
  'activities.csv': ['Activity ID', 'Account ID', 'Type', 'Activity Date'],
  'success_plans.csv': ['Success Plan ID', 'Account ID', 'Status'],
  'ctas.csv': ['CTA ID', 'Account ID', 'Type', 'Status', 'Created Date'],
  'opportunities.csv': ['Opportunity ID', 'Account ID', 'Stage', 'Close Date'],
  'license_usage.csv': ['Account ID', 'Date', 'License Utilization'],
  'pto.csv': ['Email', 'Start Date', 'End Date'],
};

const config = JSON.parse(bytesOf('config.json').toString('utf8')) as { asOf: string; columns: Record<string, Record<string, string>> };
const LEADER_ROLES = ['Manager', 'Senior Manager', 'Director', 'VP'];
const CSM_ROLES = ['Strategic Enterprise', 'Strategic Commercial', 'Growth', 'Scale'];

describe('the shipped sample (data/)', () => {
  it('config.json fixes the as-of date to 2026-11-20 and maps the renamed header', () => {
    expect(config.asOf).toBe('2026-11-20');
    const renamed = config.columns.accounts!['Account Name']!;
    expect(sample('accounts.csv').header).toContain(renamed);
    expect(sample('accounts.csv').header).not.toContain('Account Name');
  });

  it.each(Object.entries(REQUIRED))('%s has every required header of the contract (after the config mapping)', (file, required) => {
    const mapping = config.columns[file.replace('.csv', '')] ?? {};
    const found = sample(file).header.map(normalizeHeader);
    for (const column of required) expect(found, column).toContain(normalizeHeader(mapping[column] ?? column));
  });

  it('accounts.csv is not valid UTF-8 but decodes as Windows-1252 with its accented names', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf('accounts.csv'))).toThrow();
    const names = sample('accounts.csv').records.map((r) => r['company name']);
    expect(names).toContain('Société Générale Démo');
    expect(names).toContain('Müller Maschinenbau');
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('=HYPERLINK("http://x","y")');
  });

  it('every other file is valid UTF-8', () => {
    for (const file of Object.keys(REQUIRED).filter((f) => f !== 'accounts.csv')) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(file)), file).not.toThrow();
    }
  });

  it('has the size of one unit: about 40 people, 600 accounts and 55k activities', () => {
    const people = sample('csms.csv').records;
    expect(people.length).toBeGreaterThanOrEqual(35);
    expect(people.length).toBeLessThanOrEqual(50);
    expect(sample('accounts.csv').records.length).toBeGreaterThanOrEqual(550);
    expect(sample('accounts.csv').records.length).toBeLessThanOrEqual(700);
    expect(sample('activities.csv').records.length).toBeGreaterThanOrEqual(48_000);
    expect(sample('activities.csv').records.length).toBeLessThanOrEqual(62_000);
  });

  it('the roster is a tree of leaders and CSMs in all four segments', () => {
    const people = sample('csms.csv').records;
    const emails = new Set(people.map((p) => p.email!.toLowerCase()));
    const roleOf = new Map(people.map((p) => [p.email!.toLowerCase(), p.role!]));
    expect(new Set(people.map((p) => p.role))).toEqual(new Set([...CSM_ROLES, ...LEADER_ROLES]));
    expect(people.filter((p) => p['manager email'] === '')).toHaveLength(1);
    for (const p of people) if (p['manager email']) expect(emails.has(p['manager email'].toLowerCase()), p.email).toBe(true);
    for (const p of people) if (p['backup csm email']) expect(emails.has(p['backup csm email'].toLowerCase()), p.email).toBe(true);
    const managersOfCsms = new Set(people.filter((p) => CSM_ROLES.includes(p.role!)).map((p) => p['manager email']!.toLowerCase()));
    // A leader with no CSM of their own, and a CSM who reports to a director.
    expect(people.some((p) => LEADER_ROLES.includes(p.role!) && !managersOfCsms.has(p.email!))).toBe(true);
    expect([...managersOfCsms].some((m) => roleOf.get(m) === 'Director')).toBe(true);
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
  });

  it('account IDs are 18-character Salesforce IDs of the 15-character base, unique', () => {
    const ids = sample('accounts.csv').records.map((r) => r['account id']!);
    for (const id of ids) {
      expect(id).toMatch(/^001[A-Za-z0-9]{15}$/);
      expect(canonicalSalesforceId(id.slice(0, 15))).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('accounts name CSMs by email mostly and by full name for some; some have none, one names someone not in the roster', () => {
    const people = sample('csms.csv').records;
    const known = new Set(people.flatMap((p) => [p.email!.toLowerCase(), p.name!]));
    const cells = sample('accounts.csv').records.map((r) => r.csm!);
    const byEmail = cells.filter((c) => c.includes('@')).length;
    const byName = cells.filter((c) => c !== '' && !c.includes('@')).length;
    expect(byEmail / cells.length).toBeGreaterThan(0.8);
    expect(byName).toBeGreaterThan(0);
    expect(cells.filter((c) => c === '').length).toBeGreaterThan(0);
    const unknown = cells.filter((c) => c !== '' && !known.has(c.includes('@') ? c.toLowerCase() : c));
    expect(unknown).toHaveLength(1);
  });

  it('book sizes per CSM follow the segment: Strategic mostly 12 to 20 with a couple outside, Growth 20 to 40, Scale larger', () => {
    const people = sample('csms.csv').records;
    const emailOf = new Map(people.flatMap((p) => [[p.email!.toLowerCase(), p.email!.toLowerCase()], [p.name!, p.email!.toLowerCase()]] as const));
    const book = new Map<string, number>();
    for (const a of sample('accounts.csv').records) {
      const email = emailOf.get(a.csm!.includes('@') ? a.csm!.toLowerCase() : a.csm!);
      if (email && (a.status === '' || a.status === 'Active')) book.set(email, (book.get(email) ?? 0) + 1);
    }
    const sizes = (roles: string[]) => people.filter((p) => roles.includes(p.role!)).map((p) => book.get(p.email!.toLowerCase()) ?? 0);
    const strategic = sizes(['Strategic Enterprise', 'Strategic Commercial']);
    const inRange = strategic.filter((n) => n >= 12 && n <= 20).length;
    expect(inRange / strategic.length).toBeGreaterThan(0.6);
    expect(strategic.some((n) => n < 12)).toBe(true);
    expect(strategic.some((n) => n > 20)).toBe(true);
    const growth = sizes(['Growth']);
    expect(Math.min(...growth)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...growth)).toBeLessThanOrEqual(40);
    expect(Math.min(...sizes(['Scale']))).toBeGreaterThan(Math.max(...growth));
  });

  it('accounts carry every status, priority spelling, tier and 8 to 12 industries', () => {
    const accounts = sample('accounts.csv').records;
    const values = (k: string) => new Set(accounts.map((a) => a[k]));
    expect(values('status')).toEqual(new Set(['Active', 'Churned', 'Inactive', '']));
    for (const p of ['PR1', 'P1', 'Priority 1', '1', 'PR2', 'P2', 'Priority 2', '2', '']) expect(values('priority'), p).toContain(p);
    for (const t of ['Premium', 'Ultimate']) expect(values('tier')).toContain(t);
    expect([...values('tier')].some((t) => t !== 'Premium' && t !== 'Ultimate' && t !== '')).toBe(true);
    expect(values('industry').size).toBeGreaterThanOrEqual(8);
    expect(values('industry').size).toBeLessThanOrEqual(12);
  });

  it('renewals spread over the next 15 months for active accounts, some within 90 days', () => {
    const asOf = Date.UTC(2026, 10, 20);
    const days = sample('accounts.csv').records
      .filter((a) => a.status === 'Active' && a['renewal date'])
      .map((a) => {
        const [m, d, y] = a['renewal date']!.split('/').map(Number) as [number, number, number];
        return (Date.UTC(y, m - 1, d) - asOf) / 86_400_000;
      });
    expect(Math.min(...days)).toBeGreaterThan(0);
    expect(Math.max(...days)).toBeLessThanOrEqual(457);
    expect(days.filter((d) => d <= 90).length).toBeGreaterThan(days.length * 0.1);
  });

  it('has a cohort of onboarding starts in the last 365 days, older starts and empty ones', () => {
    const starts = sample('accounts.csv').records.map((a) => a['onboarding start date']!);
    const cohort = starts.filter((s) => s > '2025-11-20' && s <= '2026-11-20');
    expect(cohort.length).toBeGreaterThan(40);
    expect(starts.filter((s) => s !== '' && s <= '2025-11-20').length).toBeGreaterThan(100);
    expect(starts.filter((s) => s === '').length).toBeGreaterThan(100);
  });

  it("keeps people's accented names in csms.csv, in UTF-8", () => {
    expect(textOf('csms.csv')).toMatch(/[À-ÿ]/);
  });
});
