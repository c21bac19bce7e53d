import { describe, expect, it } from 'vitest';
import { uniqueSlugs } from '../../src/report/build-report.ts';

describe('uniqueSlugs: page names the file system accepts', () => {
  it('a 300-character name becomes a slug of at most 60 characters: its start and a stable hash', () => {
    const long = 'Very Long Team Name '.repeat(15);
    const a = uniqueSlugs([['k', long]]).get('k')!;
    expect(long.length).toBe(300);
    expect(a.length).toBeLessThanOrEqual(60);
    expect(a).toMatch(/^very-long-team-name-very-long-team-name-very-long-t-[0-9a-f]{8}$/);
    expect(uniqueSlugs([['other', 'x'], ['k', long]]).get('k')).toBe(a);
  });

  it('a name of exactly 60 slug characters is kept as it is; 61 gets the hash', () => {
    expect(uniqueSlugs([['k', 'a'.repeat(60)]]).get('k')).toBe('a'.repeat(60));
    expect(uniqueSlugs([['k', 'a'.repeat(61)]]).get('k')).toMatch(/^a{51}-[0-9a-f]{8}$/);
  });

  it('reserved device names (CON, NUL, COM1, LPT9) and names of dots only never become a page name of their own', () => {
    const s = uniqueSlugs([['1', 'CON'], ['2', 'nul'], ['3', 'Com1'], ['4', 'LPT9'], ['5', '.'], ['6', '..'], ['7', 'Conan']]);
    for (const k of ['1', '2', '3', '4']) expect(s.get(k)).toMatch(/^[a-z0-9]+-[0-9a-f]{8}$/);
    expect(s.get('5')).toBe('x');
    expect(s.get('6')).toBe('x-2');
    expect(s.get('7')).toBe('conan');
  });

  it('two records never share a slug, however their names clash', () => {
    const long = 'b'.repeat(200);
    const entries: [string, string][] = [['a', long], ['b', long], ['c', 'x'], ['d', 'X'], ['e', 'x-2'], ['f', 'CON'], ['g', 'con']];
    const s = uniqueSlugs(entries);
    expect(new Set(s.values()).size).toBe(entries.length);
  });
});
