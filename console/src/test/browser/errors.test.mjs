// What a person sees when something is wrong: a wrong key, a form sent incomplete, a code with a
// wrong check character. Each time the page says what and where, and nothing is recorded.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, config, keys, openBrowser, screenshot, signIn } from './lib.mjs';

describe('errors are shown where they happen', { concurrency: false }, () => {
  let browser;
  let page;

  before(async () => {
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('a wrong key is refused on the sign-in screen and nothing is kept', async () => {
    await page.goto(`${config.url}/console/#/sign-in`);
    await page.getByLabel('API 密钥').fill('not-a-department-key');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /API key/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.locator('#who').isVisible(), false);
    await screenshot(page, 'sign-in-refused');
    assertNoProblems(browser, /HTTP 401/, /status of 401/);
  });

  test('the key never appears in a URL and goes away with sign-out', async () => {
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await signIn(page, keys.enforcement);
    await page.goto(`${config.url}/console/#/enforcement/listings`);
    await page.locator('#listings').waitFor();
    assert.ok(requests.every((url) => !url.includes(keys.enforcement)), 'the key was sent in a URL');
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/#\/public$/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });

  test('an incomplete penalty decision is refused with every missing field named', async () => {
    await signIn(page, keys.enforcement);
    await page.goto(`${config.url}/console/#/enforcement/record`);
    await page.getByLabel('统一社会信用代码').fill('91310110666007217T');
    await page.getByLabel('居民身份证号').fill('320611196702048134');
    await page.getByRole('button', { name: '提交处罚决定' }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    const text = await problem.innerText();
    for (const field of ['caseNumber', 'decisionNumber', 'criterionCode', 'description', 'unit.name', 'persons[0].name']) {
      assert.ok(text.includes(field), `the problem should name ${field}:\n${text}`);
    }
    await screenshot(page, 'enforcement-refused');
    assertNoProblems(browser, /HTTP 400/, /status of 400/);
  });

  test('a code with a wrong check character is caught before sending, with the expected character', async () => {
    await page.goto(`${config.url}/console/#/enforcement/record`);
    const uscc = page.getByLabel('统一社会信用代码');
    await uscc.fill('91310110666007217A');
    const message = page.locator(`#${await uscc.getAttribute('id')}-message`);
    assert.match(await message.innerText(), /第 18 位是“A”，按前 17 位应为“T”/);
    await page.getByRole('button', { name: '提交处罚决定' }).click();
    assert.match(await page.getByRole('alert').innerText(), /更正/);
    assertNoProblems(browser);
  });

  test('the approval check of a wrong code answers with the server naming the character', async () => {
    await signIn(page, keys.approval);
    await page.goto(`${config.url}/console/#/check`);
    await page.getByLabel('统一社会信用代码或居民身份证号').fill('91310110666007217A');
    await page.getByRole('button', { name: '核查', exact: true }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    assert.match(await problem.innerText(), /T/);
    assertNoProblems(browser, /HTTP 400/, /status of 400/);
  });
});
