/** Search: an account's name typed into the header search finds its page (Pagefind, in the browser). */
import { describe, expect, it } from 'vitest';
import { browser, openPage, page, pathOf, routeOf, site, smallestPageUnder, useChromium } from './site.ts';

useChromium();

describe('search', () => {
  it('finds an account by its name from the header search and follows the result to its page', async () => {
    await page.goto(`${site.url}${smallestPageUnder('csm')}`);
    const account = page.locator('table.book tbody th a').first();
    const name = (await account.textContent())!;
    const href = (await account.getAttribute('href'))!;

    await page.goto(`${site.url}/`);
    await page.getByRole('search', { name: 'Site' }).getByLabel('Search').fill(name);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(await page.getByLabel('Account, CSM or team').inputValue()).toBe(name);
    await page.locator('#search-status', { hasText: /\d+ results? for/ }).waitFor();

    const result = page.locator(`#search-results a[href="${href}"]`);
    expect(await result.count()).toBe(1);
    expect(await result.textContent()).toBe(name);
    await result.click();
    await page.waitForURL((url) => url.pathname === href);
    expect(pathOf(page)).toBe(routeOf(href));
    expect(await page.locator('h1').textContent()).toBe(name);
  });
});
