/**
 * The fixture site built for the base path `/cs-report/`, with source-system links configured and
 * hostile names in the data: every link and asset under the base, downloads that neutralise
 * formulas, names (never IDs) for plans, and no markup from the data.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, pageIn, suiteFolder } from './fixture-site.ts';
import type { ReportModel } from '../../src/report/model.ts';
import { accountId, makeModel, MARKUP_NAME } from '../fixtures/site/make-model.ts';

const FORMULA_NAME = '=HYPERLINK("https://evil.example","click")';
const PLAN_MARKUP = '<b>Plan</b> & "expansion"';
let tmp: string;
let site: string;
let model: ReportModel;

beforeAll(() => {
  tmp = suiteFolder('site-base-');
  model = makeModel();
  model.config = {
    ...model.config,
    basePath: '/cs-report/',
    links: { account: 'https://crm.example.com/a/{id}', successPlan: 'https://cs.example.com/plan/{id}', cta: 'https://cs.example.com/cta/{id}' },
  };
  model.accounts[2]!.name = FORMULA_NAME;
  const detail = model.accountDetails[accountId(3)]!;
  detail.plans = [
    { id: 'SP-named', name: PLAN_MARKUP, status: 'Active', planHealth: 'Green', lastUpdated: model.asOf },
    { id: 'SP-unnamed/1', name: null, status: 'Draft', planHealth: null, lastUpdated: null },
  ];
  site = join(tmp, 'site');
  buildSite(model, tmp, site, '/cs-report/');
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const htmlFiles = (): string[] => readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
const page = (path: string): string => pageIn(site, path);

describe('the fixture site built for /cs-report/', () => {
  it('has every href and src under the base path, external (https) or an anchor, on every page', () => {
    const outside: string[] = [];
    let checked = 0;
    for (const file of htmlFiles()) {
      for (const [, target] of readFileSync(join(site, file), 'utf8').matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        checked++;
        if (target!.startsWith('/cs-report/') || target!.startsWith('#') || target!.startsWith('https://') || target === 'data:,') continue;
        outside.push(`${file}: ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(outside).toEqual([]);
  });

  it('resolves every link under the base to a built file (the build script adds the search index and rejected rows)', () => {
    const broken = new Set<string>();
    for (const file of htmlFiles()) {
      for (const [, href] of readFileSync(join(site, file), 'utf8').matchAll(/\s(?:href|src)="\/cs-report\/([^"#]*)/g)) {
        if (href!.startsWith('pagefind/') || href!.endsWith('.rejected.csv')) continue;
        const target = href === '' || href!.endsWith('/') ? join(site, href!, 'index.html') : join(site, href!);
        if (!existsSync(target)) broken.add(href!);
      }
    }
    expect([...broken]).toEqual([]);
  });

  it('tells the search page where the index is and which base its results take', () => {
    const html = page('search');
    expect(html).toContain('data-pagefind="/cs-report/pagefind/pagefind.js"');
    expect(html).toContain('data-base="/cs-report/"');
    expect(html).toContain('action="/cs-report/search/"');
  });

  it('writes the renewals and accounts downloads with the rows of their tables, formulas neutralised', () => {
    for (const [file, tableId] of [['downloads/renewals.csv', 'renewing-accounts'], ['downloads/accounts.csv', 'all-accounts']] as const) {
      const text = readFileSync(join(site, file), 'utf8');
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      const html = file === 'downloads/renewals.csv' ? page('renewals') : page('accounts');
      const tbody = html.slice(html.indexOf(`id="${tableId}"`), html.indexOf('</tbody>', html.indexOf(`id="${tableId}"`)));
      expect(rows.length - 1, file).toBe((tbody.match(/<tr/g) ?? []).length - 1); // the header row of thead
      for (const row of rows) for (const cell of row) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const accounts = Papa.parse<Record<string, string>>(readFileSync(join(site, 'downloads', 'accounts.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(accounts.map((r) => r.Account)).toContain(`'${FORMULA_NAME}`);
    expect(accounts.map((r) => r.Account)).toContain(MARKUP_NAME);
    expect(accounts.length).toBe(model.accounts.length);
  });

  it('writes the onboarding download with the rows of the cohort table, formulas neutralised, and gives the table its tools', () => {
    const html = page('onboarding');
    const start = html.indexOf('id="cohort-accounts"');
    const tbody = html.slice(start, html.indexOf('</tbody>', start));
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(site, 'downloads', 'onboarding.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(model.onboarding.cohort.length);
    expect(rows.length).toBe((tbody.match(/<tr/g) ?? []).length - 1);
    expect(rows.map((r) => r['Account ID'])).toEqual([...tbody.matchAll(/href="\/cs-report\/accounts\/([^/"]+)\/"/g)].map((m) => m[1]));
    expect(rows.map((r) => r.Account)).toContain(`'${FORMULA_NAME}`);
    expect(html).toContain('data-table-tools="cohort-accounts"');
    expect(html).toContain('href="/cs-report/downloads/onboarding.csv"');
    expect(html).toMatch(/<table id="cohort-accounts" data-sortable/);
  });

  it('leaves the 1:1 agenda lists and the QBR cohort lists under 20 rows plain: no tools, no downloads', () => {
    const agendas = htmlFiles().filter((f) => f.includes('one-on-one'));
    expect(agendas.length).toBeGreaterThan(0);
    for (const f of agendas) expect(readFileSync(join(site, f), 'utf8'), f).not.toContain('data-table-tools');
    expect(existsSync(join(site, 'downloads', 'one-on-one'))).toBe(false);
    for (const f of htmlFiles().filter((x) => x.startsWith('qbr/'))) expect(readFileSync(join(site, f), 'utf8'), f).not.toContain('data-table-tools="qbr-cohort"');
  });

  it('shows success plans by name, the ID only when the name is empty, linked to the source record', () => {
    const html = page(`accounts/${accountId(3)}`);
    expect(html).toContain('<a href="https://cs.example.com/plan/SP-named" rel="noopener noreferrer">&lt;b&gt;Plan&lt;/b&gt; &amp; &quot;expansion&quot;</a>');
    expect(html).toContain('<a href="https://cs.example.com/plan/SP-unnamed%2F1" rel="noopener noreferrer">SP-unnamed/1</a>');
    expect(html).not.toContain('<b>Plan</b>');
    expect(html).toContain(`href="https://crm.example.com/a/${accountId(3)}"`);
  });

  it('links CTAs by name to their source record', () => {
    const html = page(`accounts/${accountId(3)}`);
    expect(html).toContain(`<a href="https://cs.example.com/cta/CTA-3-1" rel="noopener noreferrer">Add Ultimate seats</a>`);
  });

  it('lists every account in the accounts index and every team and CSM in the people index, both in the navigation', () => {
    const index = page('accounts');
    for (const a of model.accounts) expect(index).toContain(`href="/cs-report/accounts/${a.id}/"`);
    const people = page('people');
    for (const c of model.csms) expect(people).toContain(`href="/cs-report/csm/${c.slug}/"`);
    for (const t of model.teams) expect(people).toContain(`href="/cs-report/teams/${t.slug}/"`);
    const nav = page('renewals').match(/<nav class="site-nav[\s\S]*?<\/nav>/)![0];
    expect(nav).toContain('href="/cs-report/people/"');
    expect(nav).toContain('href="/cs-report/accounts/"');
  });

  it('never writes a name from the data as markup on any page', () => {
    for (const file of htmlFiles()) {
      const html = readFileSync(join(site, file), 'utf8');
      expect(html, file).not.toContain(MARKUP_NAME);
      expect(html, file).not.toContain('<b>Plan</b>');
    }
  });
});
