import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { csvText } from '../../src/views/csv.ts';
import { accountHref, BASE_PATH, sourceHref, withBase } from '../../src/views/links.ts';

describe('links', () => {
  it('withBase puts the base path (here the root) before a site path, with or without its leading slash', () => {
    expect(BASE_PATH).toBe('/');
    expect(withBase('/renewals/')).toBe('/renewals/');
    expect(withBase('data-quality/accounts.rejected.csv')).toBe('/data-quality/accounts.rejected.csv');
    expect(accountHref('001A')).toBe('/accounts/001A/');
  });

  it('sourceHref fills {id} with the URL-encoded ID, and gives null when the kind has no template', () => {
    const links = { account: 'https://acme.my.salesforce.com/{id}', successPlan: 'https://gs.example.com/plan?id={id}&v={id}' };
    expect(sourceHref(links, 'account', '0015g00000Acc00AAQ')).toBe('https://acme.my.salesforce.com/0015g00000Acc00AAQ');
    expect(sourceHref(links, 'successPlan', 'SP 1/&"x"')).toBe('https://gs.example.com/plan?id=SP%201%2F%26%22x%22&v=SP%201%2F%26%22x%22');
    expect(sourceHref(links, 'cta', 'CTA-1')).toBeNull();
    expect(sourceHref(undefined, 'account', 'x')).toBeNull();
  });
});

describe('config basePath and links', () => {
  it('basePath defaults to / and accepts a path that starts and ends with /', () => {
    const d = parseConfig({});
    expect(d.ok && d.config.basePath).toBe('/');
    const c = parseConfig({ basePath: '/cs-report/' });
    expect(c.ok && c.config.basePath).toBe('/cs-report/');
    const n = parseConfig({ basePath: '/a/b-c/' });
    expect(n.ok).toBe(true);
  });

  it.each(['cs-report/', '/cs-report', '', '//', '/a b/', '/a?b/', 'https://x.example/'])('basePath %j is a config error naming the key', (basePath) => {
    const r = parseConfig({ basePath });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^basePath: must start and end with "\/"/);
  });

  it('links accept https templates with {id} and refuse http, javascript:, a missing {id} and unknown kinds', () => {
    expect(parseConfig({ links: { account: 'https://acme.my.salesforce.com/{id}', cta: 'https://x.example/c/{id}' } }).ok).toBe(true);
    const bad = (links: unknown) => {
      const r = parseConfig({ links });
      return r.ok ? [] : r.errors;
    };
    expect(bad({ account: 'http://acme.example/{id}' })).toEqual(['links.account: must be an https: URL, e.g. "https://acme.my.salesforce.com/{id}"']);
    expect(bad({ account: 'javascript:alert({id})' })[0]).toMatch(/^links\.account: must be an https: URL/);
    expect(bad({ opportunity: 'https://acme.example/opp' })).toEqual(["links.opportunity: must contain {id}, where the record's ID goes"]);
    expect(bad({ contract: 'https://acme.example/{id}' })[0]).toMatch(/contract/);
    // The roster has no record ID of a person to link with: `person` is no kind of link.
    expect(bad({ person: 'https://acme.example/user/{id}' })[0]).toMatch(/person/);
  });
});

describe('csvText', () => {
  it('writes a header and rows with CRLF, quoting as needed, empty cells for null', () => {
    expect(csvText({ header: ['Name', 'ARR'], rows: [['Acme, Inc.', 1200], ['Say "hi"', null]] })).toBe('Name,ARR\r\n"Acme, Inc.",1200\r\n"Say ""hi""",\r\n');
  });

  it("neutralises every cell beginning with = + - @ tab or CR with a leading ', and leaves others alone", () => {
    const text = csvText({ header: ['A'], rows: [['=1+1'], ['+SUM(A1)'], ['-2'], ['@cmd'], ['\tx'], ['\rx'], ['a=b'], [-5]] });
    expect(text.split('\r\n').slice(1, 9)).toEqual(["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tx", `"'\rx"`, 'a=b', "'-5"]);
  });
});
