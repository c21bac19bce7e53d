/**
 * The built site, checked at the HTML level: the fixture model is built twice with `astro build`
 * and the pages are read as text (no browser).
 */
import { readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, escaped, sectionOf, suiteFolder } from './fixture-site.ts';
import { METRIC_KEYS, type ReportModel } from '../../src/report/model.ts';
import { formatMetric } from '../../src/views/format.ts';
import { ACCOUNT_FACT_KEYS, PLAY_KEYS, STATUS_TEXT } from '../../src/views/labels.ts';
import { PRESIDENTS_CLUB_KEYS } from '../../src/views/presidents-club.ts';
import { accountId, makeModel, MARKUP_NAME } from '../fixtures/site/make-model.ts';

let tmp: string;
let site: string;
let again: string;
let model: ReportModel;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const page = (path: string): string => readFileSync(join(site, path, 'index.html'), 'utf8');
const htmlPages = (): string[] => filesUnder(site).filter((f) => f.endsWith('.html'));
/** Text as Astro writes it into HTML. */

beforeAll(() => {
  tmp = suiteFolder('site-test-');
  model = makeModel();
  site = join(tmp, 'a');
  again = join(tmp, 'b');
  buildSite(model, tmp, site);
  buildSite(model, tmp, again);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the built site', () => {
  it('has a page of every type', () => {
    const team = model.teams[0]!;
    const csm = model.csms[0]!;
    for (const path of [
      '', 'renewals', 'onboarding', 'data-quality', 'metrics', 'search',
      `teams/${team.slug}`, `csm/${csm.slug}`, `accounts/${accountId(0)}`,
      'explain/org/org', `explain/team/${team.slug}`, `explain/csm/${csm.slug}`,
    ]) {
      expect(existsSync(join(site, path, 'index.html')), path).toBe(true);
    }
    // One page per account, beside the accounts index.
    expect(readdirSync(join(site, 'accounts'), { withFileTypes: true }).filter((e) => e.isDirectory()).length).toBe(model.accounts.length);
    expect(existsSync(join(site, 'accounts', 'index.html'))).toBe(true);
    // One page per CSM, each beside its Atom feed.
    expect(filesUnder(join(site, 'csm')).filter((f) => f.endsWith('index.html')).length).toBe(model.csms.length);
    expect(filesUnder(join(site, 'csm')).filter((f) => f.endsWith('feed.xml')).length).toBe(model.csms.length);
  });

  it('shows the org scorecard value and status text of every metric on the home page', () => {
    const html = page('');
    const table = sectionOf(html, 'scorecard');
    for (const key of METRIC_KEYS) {
      const r = model.org.scorecard[key];
      const row = table.slice(table.indexOf(`href="/metrics/#${key}"`));
      const rowHtml = row.slice(0, row.indexOf('</tr>'));
      expect(rowHtml, key).toContain(`>${escaped(formatMetric(key, r.value))}</a>`);
      expect(rowHtml, key).toContain(STATUS_TEXT[r.status].text);
    }
  });

  it('links a number to an explain page listing exactly the accounts it counted', () => {
    const team = model.teams[0]!;
    const csm = model.csms.find((c) => c.email === team.csms[0])!;
    const href = `/explain/csm/${csm.slug}/#cadenceCompliance`;
    expect(page(`teams/${team.slug}`)).toContain(`href="${href}"`);
    const r = csm.scorecard.cadenceCompliance;
    expect(r.denominator.length).toBeGreaterThan(r.numerator.length);
    const entry = sectionOf(page(`explain/csm/${csm.slug}`), 'cadenceCompliance');
    const nameOf = (id: string) => escaped(model.accounts.find((a) => a.id === id)!.name);
    const [numPart, restPart] = entry.split('Rest of the denominator');
    for (const id of r.numerator) expect(numPart).toContain(`href="/accounts/${id}/">${nameOf(id)}</a>`);
    for (const id of r.denominator.filter((d) => !r.numerator.includes(d))) expect(restPart).toContain(`href="/accounts/${id}/">${nameOf(id)}</a>`);
    // An account of another book is in neither list.
    const other = model.csms.find((c) => c.email !== csm.email)!.book[0]!;
    expect(entry).not.toContain(`/accounts/${other}/`);
  });

  it('says why a null metric is null on its explain page', () => {
    const nulls = model.csms.flatMap((c) => METRIC_KEYS.filter((k) => c.scorecard[k].value === null).map((k) => ({ c, k })));
    expect(nulls.length).toBeGreaterThan(0);
    for (const { c, k } of nulls) {
      const entry = sectionOf(page(`explain/csm/${c.slug}`), k);
      expect(entry).toContain('<strong>n/a</strong>');
      expect(entry).toContain(`Not available: ${escaped(c.scorecard[k].note!)}.`);
    }
  });

  it('resolves every internal link and anchor to a built page and element', () => {
    const broken: string[] = [];
    for (const file of htmlPages()) {
      const html = readFileSync(join(site, file), 'utf8');
      for (const [, href] of html.matchAll(/href="(\/[^"]*)"/g)) {
        const [path, anchor] = href!.split('#');
        // The build script adds these after astro build: the search index and the rejected-rows files.
        if (path!.startsWith('/pagefind/') || path!.endsWith('.rejected.csv') || path!.startsWith('/_astro/')) continue;
        const target = path!.endsWith('/') ? join(site, path!, 'index.html') : join(site, path!);
        if (!existsSync(target)) { broken.push(`${file}: ${href}`); continue; }
        if (anchor && !readFileSync(target, 'utf8').includes(`id="${anchor}"`)) broken.push(`${file}: ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('says on the page of a churned account that no scorecard counts it, and not on an active one', () => {
    expect(page(`accounts/${accountId(39)}`)).toContain('This account is Churned: it is in no book, so no scorecard counts it.');
    expect(page(`accounts/${accountId(1)}`)).not.toContain('no scorecard counts it');
  });

  it('lists the onboarding outliers on the data-quality page, linked to their account', () => {
    const html = page('data-quality');
    expect(html).toContain('Onboarding outliers <span class="count">(2)</span>');
    expect(html).toContain(`href="/accounts/${accountId(7)}/"`);
  });

  it('shows CSV text as text: the markup account name and values are escaped everywhere', () => {
    const html = page(`accounts/${accountId(34)}`);
    expect(html).toContain(`<h1>${escaped(MARKUP_NAME)}</h1>`);
    expect(html).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    expect(page('data-quality')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const file of htmlPages()) {
      const text = readFileSync(join(site, file), 'utf8');
      expect(text, file).not.toContain('<img src=x');
      expect(text, file).not.toContain('<script>alert');
    }
  });

  it('puts the noindex meta, the as-of date, export times, a skip link and landmarks on every page', () => {
    for (const file of htmlPages()) {
      const html = readFileSync(join(site, file), 'utf8');
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html, file).toContain(`As of <time datetime="${model.asOf}">`);
      expect(html, file).toContain('accounts.csv: 2026-11-20 06:02 UTC');
      expect(html, file).toContain('href="#main"');
      expect(html, file).toMatch(/<main id="main"/);
      expect(html, file).toContain('<nav class="site-nav bar" aria-label="Site"');
    }
  });

  it('ships a robots.txt that disallows everything', () => {
    const robots = readFileSync(join(site, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  });

  it('needs no script to read any page; only search and the pages with long tables have one, and it is local', () => {
    const withScript = htmlPages().filter((f) => readFileSync(join(site, f), 'utf8').includes('<script'));
    // A CSM's book is sortable whatever its length: every CSM page loads the table script too.
    const csmPages = model.csms.map((c) => join('csm', c.slug, 'index.html')).sort();
    expect(withScript).toEqual([join('accounts', 'index.html'), join('checklist', 'index.html'), ...csmPages, join('onboarding', 'index.html'), join('renewals', 'index.html'), join('search', 'index.html')]);
    for (const f of withScript.filter((f) => !f.startsWith('search'))) expect(readFileSync(join(site, f), 'utf8')).toContain('<script src="/tables.js" defer></script>');
    expect(existsSync(join(site, 'tables.js'))).toBe(true);
  });

  it('labels the search input visibly and marks the searchable content', () => {
    for (const file of htmlPages()) {
      const html = readFileSync(join(site, file), 'utf8');
      expect(html, file).toContain('<label for="site-search-q">Search</label>');
      const searchable = /^(accounts|csm|teams)\/[^/]+\//.test(relative(site, join(site, file)));
      expect(html.includes('data-pagefind-body'), file).toBe(searchable);
      expect(html, file).toContain('<header class="site-header" data-pagefind-ignore');
    }
  });

  it('lists cadence-overdue accounts on the team page P1 first, with owner and days since the last call', () => {
    const team = model.teams[0]!;
    const list = sectionOf(page(`teams/${team.slug}`), 'cadence-overdue');
    const rows = [...list.matchAll(/<tr>(.*?)<\/tr>/gs)].slice(1).map((m) => m[1]!);
    expect(rows.length).toBeGreaterThan(1);
    const priorities = rows.map((r) => />(P1|P2|none)</.exec(r)?.[1]);
    expect(priorities.indexOf('P2')).toBeGreaterThan(priorities.lastIndexOf('P1'));
    for (const r of rows) {
      expect(r).toMatch(/href="\/csm\/[a-z-]+\/">/);
      expect(r).toMatch(/>(never|\d+ days?)<\/td>$/);
    }
  });

  it('writes identical files when the same model is built twice', () => {
    const a = filesUnder(site);
    expect(filesUnder(again)).toEqual(a);
    for (const f of a) expect(readFileSync(join(again, f)).equals(readFileSync(join(site, f))), f).toBe(true);
  });
});

describe('metric definitions', () => {
  const contentDir = resolve(import.meta.dirname, '../../src/content');
  const keysOf = (dir: string) =>
    readdirSync(join(contentDir, dir)).map((f) => {
      const key = /^---\nkey: (\w+)\n---/.exec(readFileSync(join(contentDir, dir, f), 'utf8'))?.[1];
      expect(f).toBe(`${key}.mdx`);
      return key;
    });

  it('has exactly one definition file per metric key, per account fact, per play key and per President\'s Club key', () => {
    expect(keysOf('metrics').sort()).toEqual([...METRIC_KEYS].sort());
    expect(keysOf('facts').sort()).toEqual([...ACCOUNT_FACT_KEYS].sort());
    expect(keysOf('plays').sort()).toEqual([...PLAY_KEYS].sort());
    expect(keysOf('presidents-club').sort()).toEqual([...PRESIDENTS_CLUB_KEYS].sort());
  });

  it('gives every definition an anchor on /metrics/ with the config values in force', () => {
    const html = page('metrics');
    for (const key of [...METRIC_KEYS, ...PLAY_KEYS, ...PRESIDENTS_CLUB_KEYS]) expect(html).toContain(`<section class="definition" id="${key}"`);
    const bookSize = sectionOf(html, 'bookSize');
    expect(bookSize).toContain('Strategic: 12 to 20; Growth: no target; Scale: no target');
    expect(sectionOf(html, 'ebrCoverage')).toContain('Window: 12 months');
  });
});
