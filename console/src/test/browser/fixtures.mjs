// Test data and waiting helpers shared by the browser tests: fresh valid codes (so a test can run
// again on the same system), dates relative to today in China, and polling assertions.

import assert from 'node:assert/strict';
import { idCheckCharacter, usccCheckCharacter } from '../../main/resources/META-INF/resources/console/js/codes.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 of a company registered in 崇川区 (320602), random otherwise. */
export function randomUscc() {
  let body = '91320602';
  for (let i = 0; i < 9; i++) {
    body += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  }
  return body + usccCheckCharacter(body);
}

/** A valid 居民身份证号 of a person born in 1960–1999. */
export function randomIdNumber() {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const body = `320602${year}${month}${day}${100 + Math.floor(Math.random() * 900)}`;
  return body + idCheckCharacter(body);
}

/** The date (YYYY-MM-DD, Asia/Shanghai) some days before today. */
export function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The date some months before today. */
export function monthsAgo(months) {
  const date = new Date();
  date.setMonth(date.getMonth() - months);
  return date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/**
 * Waits, with Playwright's own waiting, until the locator's element shows `text` (case-sensitive);
 * fails showing what it said instead. Like `innerText`, the locator must match one element.
 */
export async function assertText(locator, text, timeout = 15_000) {
  const literal = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  try {
    await locator.filter({ hasText: literal }).waitFor({ state: 'visible', timeout });
  } catch (timedOut) {
    const seen = await locator.innerText({ timeout: 1_000 }).catch(() => '');
    assert.fail(`expected "${text}" in:\n${seen}`);
  }
}

/**
 * Polls `condition` (async, true when done) every second: for state behind the API (a notice
 * delivered, a job run), which no page element waits for; pages wait with Playwright's own waiting.
 */
export async function eventually(condition, what, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await condition()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.fail(`timed out waiting for ${what}`);
}
