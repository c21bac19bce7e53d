/** Screenshots of every page type (screen, and a CSM page in print), saved for a person to look at. */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, urlOf } from './pages.ts';
import { browser, closePage, openPage, site, smallestPageUnder, useChromium } from './site.ts';

useChromium();
const folder = mkdtempSync(path.join(tmpdir(), 'cs-report-screens-'));

describe('screenshots', () => {
  it(`saves a full-page PNG of every page type in ${folder}`, async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    for (const type of PAGE_TYPES) {
      await page.goto(urlOf(type));
      if (type.name === 'search') await page.locator('#search-results li').first().waitFor();
      const file = path.join(folder, `${type.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size, file).toBeGreaterThan(10_000);
      console.log(`screenshot: ${file}`);
    }
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 740, height: 980 }); // a Letter page inside 10 mm margins
    await page.goto(`${site.url}${smallestPageUnder('csm')}`);
    const file = path.join(folder, 'csm-print.png');
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
    await closePage(page);
  });
});
