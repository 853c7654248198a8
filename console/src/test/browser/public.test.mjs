// The public disclosure page: anyone can read the blacklist without a key.

import { after, before, test } from 'node:test';
import { assertNoProblems, config, openBrowser, screenshot } from './lib.mjs';

let browser;

before(async () => {
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
});

test('the public list opens without signing in', async () => {
  const { page } = browser;
  await page.goto(`${config.url}/console/#/public`);
  await page.getByRole('heading', { name: '安全生产失信名单' }).first().waitFor();
  // The list and the typical cases come from the API: wait for both answers before judging.
  await page.locator('#public-results .summary').waitFor();
  await page.locator('#typical-cases > *').first().waitFor();
  await screenshot(page, 'public');
  assertNoProblems(browser);
});
