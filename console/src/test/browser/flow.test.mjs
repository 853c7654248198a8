// The whole loop in the browser, one role after another, as DESIGN §2 has it: an enforcement
// officer records a penalty and decides the listing, the approval bureau checks the applicant (one
// code and a list of 1,000), a partner department acknowledges its notice and reports back, and
// the credit office sees the case delivered, acknowledged and answered.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { assertText, daysAgo, eventually, randomIdNumber, randomUscc } from './fixtures.mjs';
import { assertNoProblems, config, keys, openBrowser, screenshot, signIn } from './lib.mjs';

const unit = { uscc: randomUscc(), name: `南通崇川浏览器测试化工有限公司${Math.floor(Math.random() * 10_000)}`,
  principalId: randomIdNumber() };
let listingId;

describe('the joint-sanction loop in the browser', { concurrency: false }, () => {
  let browser;
  let page;

  before(async () => {
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('an enforcement officer records a penalty, the unit code checked while typing', async () => {
    await signIn(page, keys.enforcement);
    await page.goto(`${config.url}/console/#/enforcement/record`);
    const uscc = page.getByLabel('统一社会信用代码');
    const wrongCheck = unit.uscc.slice(0, 17) + (unit.uscc[17] === '0' ? '1' : '0');
    await uscc.fill(wrongCheck);
    await assertText(page.locator(`#${await uscc.getAttribute('id')}-message`), `应为“${unit.uscc[17]}”`);
    assert.equal(await uscc.getAttribute('aria-invalid'), 'true');
    await uscc.fill(unit.uscc);
    await assertText(page.locator(`#${await uscc.getAttribute('id')}-message`), '校验通过');

    await page.getByLabel('案件编号').fill(`崇应急罚〔2026〕浏览器${Date.now()}号`);
    await page.getByLabel('处罚决定书文号').fill('崇应急罚决〔2026〕77号');
    await page.getByLabel('决定日期').fill(daysAgo(40));
    await page.getByLabel('罚款金额（元）').fill('600000');
    // The facts decide the criterion: a 一般 accident fined twice the amount of 第一百一十四条第一款 for
    // an accident 情节特别严重、影响特别恶劣 is situation 3, which the officer then confirms.
    await page.getByLabel('事故等级').selectOption('GENERAL');
    await page.getByLabel('事故发生日期').fill(daysAgo(70));
    await page.getByLabel('罚款倍数').fill('2');
    await page.getByLabel('处罚决定认定情节特别严重、影响特别恶劣').check();
    const suggested = page.locator('#criterion-suggestions tbody tr').first();
    await assertText(suggested, 'OM11-03');
    await assertText(suggested, '符合');
    await assertText(suggested, '第六条第（三）项');
    await suggested.getByRole('button', { name: '选用' }).click();
    assert.equal(await page.getByLabel('适用的失信情形').inputValue(), 'OM11-03');
    await page.getByLabel('违法事实').fill('发生一般生产安全事故，被处以二倍罚款');
    await page.getByLabel('单位名称').fill(unit.name);
    await page.getByLabel('姓名').fill('浏览器测试人');
    await page.getByLabel('居民身份证号').fill(unit.principalId);
    await page.getByRole('button', { name: '提交处罚决定' }).click();

    const recorded = page.locator('#recorded');
    await recorded.waitFor();
    await assertText(recorded, '符合列入条件');
    await screenshot(page, 'enforcement-recorded');
    await recorded.getByRole('row', { name: new RegExp(unit.name) }).getByRole('link', { name: '办理' }).click();
    await page.waitForURL(/#\/listing\/\d+$/);
    listingId = Number(page.url().match(/#\/listing\/(\d+)$/)[1]);
    assertNoProblems(browser);
  });

  test('the officer notifies the party and, after the defence period, decides the listing', async () => {
    await assertText(page.locator('main'), '拟列入');
    const notify = page.locator('form[data-action="NOTIFY"]');
    await notify.getByLabel('告知日期').fill(daysAgo(30));
    await notify.getByLabel('送达日期').fill(daysAgo(29));
    await notify.getByLabel('送达方式').selectOption('POSTAL');
    await notify.getByLabel('证据材料').fill('行政处罚决定书\n现场检查笔录');
    await notify.getByRole('button').click();

    const decide = page.locator('form[data-action="DECIDE"]');
    await decide.waitFor();
    await decide.getByLabel('列入决定书文号').fill('崇应急失信〔2026〕77号');
    await decide.getByLabel('决定日期').fill(daysAgo(20));
    await decide.getByRole('button').click();

    await page.locator('form[data-action="DECIDE"]').waitFor({ state: 'detached' });
    await assertText(page.locator('main article').first(), '已列入');
    await assertText(page.locator('#case-delivery'), 'FGW');
    await screenshot(page, 'enforcement-listed');
    // The page asks for the sanction case until sanction-service has it: 404s until then.
    assertNoProblems(browser, /404.*\/api\/v1\/cases\/\d+/, /status of 404 .*\/api\/v1\/cases\/\d+/);
  });

  test('the approval bureau checks the applicant and downloads the signed receipt', async () => {
    await signIn(page, keys.approval);
    await page.goto(`${config.url}/console/#/check`);
    await page.getByLabel('统一社会信用代码或居民身份证号').fill(unit.uscc);
    await page.getByRole('button', { name: '核查', exact: true }).click();
    const answer = page.locator('#check-answer article[data-status="LISTED"]');
    await answer.waitFor();
    await assertText(answer, '崇应急失信〔2026〕77号');
    await assertText(answer, 'M-XZSPJ-01');

    const [download] = await Promise.all([page.waitForEvent('download'), answer.getByRole('button', { name: '下载回执' }).click()]);
    const receipt = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(receipt.status, 'LISTED');
    assert.equal(receipt.code, unit.uscc);
    assert.match(receipt.receipt.signature, /^[A-Za-z0-9+/=]{40,}$/);
    await screenshot(page, 'approval-check');

    // The person is checked too, and the ID number goes in a POST body, never in a URL.
    const requests = [];
    const seen = (request) => requests.push(`${request.method()} ${request.url()}`);
    page.on('request', seen);
    await page.getByLabel('统一社会信用代码或居民身份证号').fill(unit.principalId);
    await page.getByRole('button', { name: '核查', exact: true }).click();
    const masked = `${unit.principalId.slice(0, 6)}********${unit.principalId.slice(14)}`;
    await assertText(page.locator('#check-answer article'), masked);
    page.off('request', seen);
    assert.ok(requests.some((r) => r.startsWith('POST ') && r.endsWith('/api/v1/checks/single')), requests.join('\n'));
    assert.ok(!requests.some((r) => r.includes(unit.principalId)), requests.join('\n'));

    // A time before the register began: the answer says so in red, not a bare CLEAR.
    await page.getByLabel('统一社会信用代码或居民身份证号').fill(unit.uscc);
    await page.getByLabel('核查时点（可选，查询历史状态）').fill('1990-01-01T08:00');
    await page.getByRole('button', { name: '核查', exact: true }).click();
    const early = page.locator('#check-answer article[data-status="CLEAR"]');
    await early.waitFor();
    await assertText(early.locator('[data-register-since]'), '所查时点早于本登记簿的第一条记录');
    await page.getByLabel('核查时点（可选，查询历史状态）').fill('');
    assertNoProblems(browser);
  });

  test('a list of 1,000 codes is checked with its progress shown, bad codes as items', async () => {
    const codes = Array.from({ length: 998 }, randomUscc);
    codes.splice(500, 0, unit.uscc);
    codes.push('91320602ABCDEFGHI0');
    await page.getByLabel('代码列表').fill(codes.join('\n'));
    await page.getByRole('button', { name: '批量核查' }).click();
    await page.locator('#batch-result .progress').waitFor();
    await assertText(page.locator('#batch-result .progress'), '1000 / 1000', 60_000);
    const summary = page.locator('#batch-result .summary');
    await assertText(summary, '已列入 1');
    await assertText(summary, '代码有误 1');
    await screenshot(page, 'approval-batch');
    assertNoProblems(browser);
  });

  test('a partner department acknowledges the notice and reports what it applied', async () => {
    await signIn(page, keys.partner);
    const card = page.locator(`article[data-listing="${listingId}"]`);
    await eventually(async () => {
      await page.goto(`${config.url}/console/#/inbox/NEW`);
      await page.locator('#notices').waitFor();
      return (await card.count()) > 0;
    }, 'the notice to reach the partner department');
    await assertText(card, unit.name);
    await screenshot(page, 'partner-inbox');
    await card.getByRole('button', { name: '确认收到（响应）' }).click();
    await card.waitFor({ state: 'detached' });

    await page.goto(`${config.url}/console/#/inbox/ACKNOWLEDGED`);
    const acknowledged = page.locator(`article[data-listing="${listingId}"]`);
    await acknowledged.waitFor();
    const references = acknowledged.getByLabel(/文书号$/);
    for (let i = 0; i < await references.count(); i++) {
      await references.nth(i).fill('崇发改〔2026〕9号');
    }
    await acknowledged.getByRole('button', { name: '提交反馈' }).click();
    await acknowledged.waitFor({ state: 'detached' });

    await page.goto(`${config.url}/console/#/inbox/ANSWERED`);
    await page.locator(`article[data-listing="${listingId}"]`).waitFor();
    await screenshot(page, 'partner-answered');
    assertNoProblems(browser);
  });

  test('the credit office sees the case delivered, acknowledged and answered', async () => {
    await signIn(page, keys.admin);
    await page.goto(`${config.url}/console/#/listing/${listingId}`);
    const partnerRow = page.locator('#case-delivery tr', { hasText: 'FGW' }).first();
    await partnerRow.waitFor();
    await assertText(partnerRow, '已送达');
    const cells = await partnerRow.locator('td').allInnerTexts();
    assert.notEqual(cells[4], '—', `acknowledged: ${cells}`);
    assert.notEqual(cells[5], '—', `answered: ${cells}`);
    await screenshot(page, 'admin-case');

    await page.goto(`${config.url}/console/#/admin/deliveries`);
    await page.locator('svg.chart').waitFor();
    const fgw = page.getByRole('table', { name: '各成员单位投递情况' }).getByRole('row', { name: /^FGW/ });
    await fgw.waitFor();
    const figures = await fgw.locator('td').allInnerTexts();
    assert.ok(Number(figures[2]) >= 1 && Number(figures[4]) >= 1 && Number(figures[5]) >= 1,
      `FGW delivered, acknowledged and answered at least one notice: ${figures}`);
    // Today's row of the chart's figures: at least this listing's notices, one per department.
    await page.getByText('按日数据').click();
    const today = await page.getByRole('row', { name: new RegExp(`^${daysAgo(0)}`) }).locator('td').allInnerTexts();
    assert.ok(Number(today[1]) >= 16 && Number(today[2]) >= 16 && Number(today[3]) >= 1 && Number(today[4]) >= 1,
      `today's created, delivered, acknowledged, answered: ${today}`);
    await screenshot(page, 'admin-deliveries');
    assertNoProblems(browser);
  });
});
