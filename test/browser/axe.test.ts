/** Accessibility: axe-core finds no violation on any page type. */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, urlOf } from './pages.ts';
import { browser, closePage, openPage, useChromium } from './site.ts';

useChromium();

describe('axe-core', () => {
  for (const type of PAGE_TYPES) {
    it(`finds no violation on the ${type.name} page`, async () => {
      const page = await openPage(browser);
      await page.goto(urlOf(type));
      if (type.name === 'search') await page.locator('#search-results li').first().waitFor(); // audit the results too
      const { violations } = await new AxeBuilder({ page }).analyze();
      await closePage(page);
      // One line per violation and element, so a failure says what to fix where.
      const found = violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
      expect(found).toEqual([]);
    });
  }
});
