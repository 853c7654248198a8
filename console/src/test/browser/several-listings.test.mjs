// A unit listed under two cases (issue 12, point 3): the approval bureau's answer shows both bases
// and says each stands on its own; when the credit office revokes one, the partner department's
// end-of-sanction notice says the unit stays listed under the other.

import { after, before, describe, test } from 'node:test';
import { assertText, daysAgo, eventually, randomIdNumber, randomUscc } from './fixtures.mjs';
import { assertNoProblems, call, config, keys, openBrowser, screenshot, signIn } from './lib.mjs';

const unit = { uscc: randomUscc(), name: `南通崇川两案列入有限公司${Math.floor(Math.random() * 10_000)}` };
const listings = [];

async function listUnderACase(n) {
  const violation = await call(keys.enforcement, 'POST', '/api/v1/violations', {
    caseNumber: `崇应急罚〔2026〕两案${n}-${Date.now()}号`, decisionNumber: `崇应急罚决〔2026〕两案${n}号`,
    decisionDate: daysAgo(0), criterionCode: 'OM11-03', description: `第${n}起案件：发生一般生产安全事故，被处以二倍罚款`,
    fineAmount: 500000, accidentDate: daysAgo(30), accidentGrade: 'GENERAL', fineMultiple: 2, especiallySerious: true,
    unit, persons: [{ name: `两案测试人${n}`, idNumber: randomIdNumber(), responsibility: 'PRINCIPAL' }],
  });
  const listingId = violation.listings.find((l) => l.subjectType === 'UNIT').listingId;
  await call(keys.enforcement, 'POST', `/api/v1/listings/${listingId}/notice`,
    { noticeDate: daysAgo(0), servedOn: daysAgo(0), serviceMethod: 'DIRECT', reason: '拟列入告知', evidence: ['行政处罚决定书'] });
  await call(keys.enforcement, 'POST', `/api/v1/listings/${listingId}/decision`,
    { decisionNumber: `崇应急失信〔2026〕两案${n}号`, decisionDate: daysAgo(0), defenceWaived: true,
      waiverReference: `放弃陈述申辩声明书（两案${n}）` });
  return listingId;
}

describe('a unit listed under two cases', { concurrency: false }, () => {
  let browser;
  let page;

  before(async () => {
    listings.push(await listUnderACase(1), await listUnderACase(2));
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('the check shows both listings, each in force on its own', async () => {
    await signIn(page, keys.approval);
    await page.goto(`${config.url}/console/#/check`);
    await page.getByLabel('统一社会信用代码或居民身份证号').fill(unit.uscc);
    await page.getByRole('button', { name: '核查', exact: true }).click();
    const answer = page.locator('#check-answer article[data-status="LISTED"]');
    await answer.waitFor();
    await assertText(answer.locator('[data-bases="2"]'), '每一项均独立有效');
    for (const listingId of listings) {
      await answer.locator(`dl.basis[data-listing="${listingId}"]`).waitFor();
    }
    await assertText(answer, '崇应急失信〔2026〕两案1号');
    await assertText(answer, '崇应急失信〔2026〕两案2号');
    await screenshot(page, 'approval-two-listings');
    assertNoProblems(browser);
  });

  test('revoking one: the partner is told to lift it, and that the other still stands', async () => {
    await call(keys.admin, 'POST', `/api/v1/listings/${listings[0]}/revocation`, { reason: '主体认定错误，撤销列入' });
    await signIn(page, keys.partner);
    // The end notice travels credit-service → outbox → sanction-service; wait for it through the
    // API (the page at the same address would not render again), then open the inbox once.
    await eventually(async () => {
      const notices = await call(keys.partner, 'GET', '/api/v1/notices?status=NEW&limit=100');
      return notices.some((n) => n.listingId === listings[0] && n.kind === 'SANCTION_END');
    }, 'the end-of-sanction notice to reach the partner department', 120_000);
    await page.goto(`${config.url}/console/#/inbox/NEW`);
    await page.locator('#notices').waitFor();
    const card = page.locator(`article[data-listing="${listings[0]}"]:has([data-other-listings])`);
    await assertText(card.locator(`[data-other-listings="${listings[1]}"]`), '其他记录要求的措施继续实施');
    await screenshot(page, 'partner-end-notice-other-listing');
    assertNoProblems(browser);
  });
});
