// The slower paths of the procedure, on a case recorded 15 months ago through the API: the
// officer keeps up the case follow-up (overdue return visits), the credit office works its repair
// queues (an objection, then the repair; the public list follows), its departments' signing
// secrets and whether notices are pushed to their endpoints.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { monthsAgo, randomIdNumber, randomUscc } from './fixtures.mjs';
import { assertNoProblems, call, config, keys, openBrowser, screenshot, signIn } from './lib.mjs';

const unit = { uscc: randomUscc(), name: `南通崇川修复测试有限公司${Math.floor(Math.random() * 10_000)}` };
let violation;
let listingId;

describe('case follow-up, credit repair and the credit office', { concurrency: false }, () => {
  let browser;
  let page;

  before(async () => {
    // A listing decided 13 months ago, the unit's commitment on record, a repair applied for.
    violation = await call(keys.enforcement, 'POST', '/api/v1/violations', {
      caseNumber: `崇应急罚〔2025〕修复${Date.now()}号`, decisionNumber: '崇应急罚决〔2025〕12号',
      decisionDate: monthsAgo(15), criterionCode: 'OM11-03', description: '发生一般生产安全事故，被处以二倍罚款',
      fineAmount: 500000, accidentDate: monthsAgo(17), accidentGrade: 'GENERAL', fineMultiple: 2, especiallySerious: true,
      unit, persons: [{ name: '修复测试人', idNumber: randomIdNumber(), responsibility: 'PRINCIPAL' }],
    });
    listingId = violation.listings.find((l) => l.subjectType === 'UNIT').listingId;
    // Dates more than 30 days ago: the credit office confirms each one first.
    for (const [step, date] of [['NOTICE', monthsAgo(14)], ['DECISION', monthsAgo(13)]]) {
      await call(keys.admin, 'POST', `/api/v1/listings/${listingId}/backdating-confirmations`,
        { step, date, reason: '纸质案卷补录' });
    }
    await call(keys.enforcement, 'POST', `/api/v1/listings/${listingId}/notice`, { noticeDate: monthsAgo(14), servedOn: monthsAgo(14), serviceMethod: 'DIRECT', reason: '拟列入告知', evidence: ['行政处罚决定书'] });
    await call(keys.enforcement, 'POST', `/api/v1/listings/${listingId}/decision`,
      { decisionNumber: '崇应急失信〔2025〕12号', decisionDate: monthsAgo(13) });
    await call(keys.enforcement, 'POST', `/api/v1/violations/${violation.id}/follow-up/commitment`,
      { uscc: unit.uscc, signedOn: monthsAgo(14), text: '本单位承诺依法整改，不再发生同类违法行为' });
    await call(keys.enforcement, 'POST', `/api/v1/listings/${listingId}/objections`,
      { filedBy: '该单位法定代表人', content: '认为事故等级认定有误，请求复核。' });
    await call(keys.enforcement, 'POST', `/api/v1/listings/${listingId}/repairs`, {
      conditions: { penaltyFulfilled: true, rectified: true, creditCommitment: true, trainingCompleted: true },
      evidence: ['罚款缴纳凭证', '整改验收报告'],
    });
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('the officer sees the overdue return visits and records one', async () => {
    await signIn(page, keys.enforcement);
    await page.goto(`${config.url}/console/#/enforcement/follow-ups`);
    const overdue = page.getByRole('row', { name: new RegExp(unit.name) }).first();
    await overdue.waitFor();
    // The repeat report by area: this unit's area (320602) has this year's cases of the flow test;
    // its CSV export shows its progress.
    const report = page.locator('#repeat-report');
    assert.match(await report.innerText(), new RegExp(unit.uscc.slice(2, 8)));
    const [csv] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: '导出 CSV' }).click()]);
    assert.match(await readFile(await csv.path(), 'utf8'), /^\uFEFF区划代码,情形代码,情形/);
    assert.match(await report.locator('.progress').innerText(), /(\d+) \/ \1/);
    await screenshot(page, 'enforcement-follow-ups');
    await overdue.getByRole('link').click();
    await page.waitForURL(new RegExp(`#/enforcement/case/${violation.id}$`));

    await page.getByLabel('第 1 次回访结果').selectOption('RECTIFIED');
    await page.getByRole('button', { name: '记录回访' }).first().click();
    await page.getByLabel('第 1 次回访结果').waitFor({ state: 'detached' });
    const firstVisit = page.getByRole('row', { name: /第 1 次/ });
    assert.match(await firstVisit.innerText(), /已整改/);
    await screenshot(page, 'enforcement-case');
    // Chromium reports a body read through a stream reader (the export's progress) as ERR_ABORTED
    // even when every byte arrived, as the file's content and the progress at its total show above.
    assertNoProblems(browser, /request failed: GET .*\/api\/v1\/follow-ups\/repeat-report\.csv \(net::ERR_ABORTED\)/);
  });

  test('the credit office answers the objection, approves the repair and the unit leaves the public list', async () => {
    await signIn(page, keys.admin);
    await page.goto(`${config.url}/console/#/admin/queues`);
    const objection = page.locator('form[data-objection]', { has: page.locator(`a[href="#/listing/${listingId}"]`) });
    await objection.waitFor();
    await objection.getByLabel(/答复$/).fill('经复核，事故等级认定无误，列入依据充分。');
    await objection.getByRole('button', { name: '答复' }).click();
    await objection.waitFor({ state: 'detached' });

    await page.goto(`${config.url}/console/#/public`);
    await page.getByLabel('统一社会信用代码').fill(unit.uscc);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('cell', { name: unit.name }).waitFor();

    await page.goto(`${config.url}/console/#/admin/queues`);
    const application = page.locator('article[data-repair]', { has: page.locator(`a[href="#/listing/${listingId}"]`) });
    await application.waitFor();
    await screenshot(page, 'admin-queues');
    await application.getByLabel(/审核意见$/).fill('修复条件齐备');
    await application.getByRole('button', { name: '同意修复' }).click();
    await application.waitFor({ state: 'detached' });

    await page.goto(`${config.url}/console/#/listing/${listingId}`);
    await page.getByText('信用修复移出').first().waitFor();

    await page.goto(`${config.url}/console/#/public`);
    await page.getByLabel('统一社会信用代码').fill(unit.uscc);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有符合条件的记录').waitFor();
    assertNoProblems(browser);
  });

  test('a new signing secret for a department is shown once, then only its key id and fingerprint', async () => {
    await page.goto(`${config.url}/console/#/admin/departments`);
    const rfb = page.locator('form[data-department="RFB"]');
    await rfb.waitFor();
    const before = await rfb.locator('.secrets tbody tr').count();
    await rfb.getByRole('button', { name: '生成新密钥' }).click();
    const secret = rfb.locator('.secret code');
    await secret.waitFor();
    assert.match(await secret.innerText(), /^whsec_/);
    await page.reload();
    await page.locator('form[data-department="RFB"] .secrets tbody tr').nth(before).waitFor();
    assert.equal(await page.locator('form[data-department="RFB"] .secret').count(), 0, 'a secret is shown once only');
    await screenshot(page, 'admin-departments');
    assertNoProblems(browser);
  });

  test('an Ed25519 key pair for a department shows its whpk_ public key, and can be removed', async () => {
    await page.goto(`${config.url}/console/#/admin/departments`);
    const rows = () => page.locator('form[data-department="RFB"] .ed25519-keys tbody tr');
    await page.locator('form[data-department="RFB"]').waitFor();
    const before = await rows().count();
    await page.locator('form[data-department="RFB"]').getByRole('button', { name: '生成 Ed25519 密钥对' }).click();
    await rows().nth(before).waitFor();
    const newest = rows().first();   // newest first
    assert.match(await newest.locator('code').innerText(), /^whpk_[A-Za-z0-9+/]{43}=$/);
    await newest.getByRole('button', { name: '删除' }).click();
    await rows().nth(before).waitFor({ state: 'detached' });
    assertNoProblems(browser);
  });

  test('the credit office sees whether notices are pushed to a department, stops it and enables it again', async () => {
    await page.goto(`${config.url}/console/#/admin/departments`);
    const rfb = page.locator('form[data-department="RFB"]');
    await rfb.locator('[data-endpoint="enabled"]').waitFor();
    await rfb.getByRole('button', { name: '停止推送' }).click();
    const disabled = page.locator('form[data-department="RFB"] [data-endpoint="disabled"][data-reason="ADMIN"]');
    await disabled.waitFor();
    assert.match(await disabled.innerText(), /已停止推送/);
    assert.match(await disabled.innerText(), /信用办停用/);
    const state = await call(keys.admin, 'GET', '/api/v1/departments/RFB/endpoint');
    assert.equal(state.enabled, false);
    assert.equal(state.disabledReason, 'ADMIN');
    await screenshot(page, 'admin-department-endpoint-disabled');

    await page.locator('form[data-department="RFB"]').getByRole('button', { name: '恢复推送' }).click();
    await page.locator('form[data-department="RFB"] [data-endpoint="enabled"]').waitFor();
    assert.equal((await call(keys.admin, 'GET', '/api/v1/departments/RFB/endpoint')).enabled, true);
    assertNoProblems(browser);
  });
});
