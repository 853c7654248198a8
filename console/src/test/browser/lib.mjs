// Helpers for the console's browser tests (node:test + Playwright driving the system's Chromium).
// e2e's BrowserTest runs each *.test.mjs file against the running stack and sets the environment
// read here; to run one by hand against ./local-run, export the same variables (the keys are in
// target/local-run/demo-keys.env) and run `node --test src/test/browser/<file>` in console/.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: e2e's BrowserTest sets it; by hand, export it first`);
  }
  return value;
}

function optional(name) {
  return process.env[name] || undefined;
}

/** Where the system is and who may sign in; read once from the environment. */
export const config = Object.freeze({
  url: required('CONSOLE_URL').replace(/\/+$/, ''),
  screenshotDir: process.env.SCREENSHOT_DIR || join(process.cwd(), 'target', 'browser-screenshots'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
});

/** Department API keys by what the department may do (undefined when not set). */
export const keys = Object.freeze({
  admin: optional('KEY_AWB'), // 区安委办, the credit office: ADMIN
  approval: optional('KEY_XZSPJ'), // 区行政审批局: APPROVAL + PARTNER
  enforcement: optional('KEY_AJJ'), // 区应急管理局: ENFORCEMENT + PARTNER
  otherEnforcement: optional('KEY_ZJJ'), // 区住建局: ENFORCEMENT + PARTNER
  partner: optional('KEY_FGW'), // 区发改委: PARTNER only
});

/** Sets a scene through the gateway's API (as a department's system would), failing on any error. */
export async function call(key, method, path, body) {
  const response = await fetch(`${config.url}${path}`, {
    method,
    headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * A fresh headless Chromium with a profile of its own (nothing carried over between tests: no
 * stored key, no cache). `problems` collects what a user would not see but a test should: console
 * errors, uncaught exceptions, and same-origin requests that failed or were answered with 4xx/5xx.
 */
export async function openBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'console-browser-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: config.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const problems = [];
  for (const page of context.pages()) {
    watch(page, problems);
  }
  context.on('page', (page) => watch(page, problems));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    async close() {
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}

function sameOrigin(url) {
  try {
    return new URL(url).origin === new URL(config.url).origin;
  } catch {
    return false;
  }
}

/** Chromium asks for /favicon.ico by itself when a page names no icon: not the console's doing. */
function ownFavicon(url) {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/** Same-origin requests of each page still waiting for an answer, to tell why a wait timed out. */
const unanswered = new WeakMap();

function watch(page, problems) {
  const waiting = new Set();
  unanswered.set(page, waiting);
  page.on('request', (request) => {
    if (sameOrigin(request.url())) {
      waiting.add(request);
    }
  });
  page.on('requestfinished', (request) => waiting.delete(request));
  page.on('console', (message) => {
    const where = message.location()?.url;
    if (message.type() === 'error' && !ownFavicon(where)) {
      problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack || error.message}`));
  page.on('requestfailed', (request) => {
    waiting.delete(request);
    if (sameOrigin(request.url()) && !ownFavicon(request.url())) {
      problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && sameOrigin(response.url()) && !ownFavicon(response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
}

/**
 * Fails unless nothing went wrong in the browser since the last check: the problems checked are
 * taken off the list, so that tests sharing a browser each answer for their own. `allowed` are
 * patterns of problems a test provokes on purpose (e.g. /HTTP 401/ and /status of 401/ for a
 * wrong key).
 */
export function assertNoProblems(browser, ...allowed) {
  const seen = browser.problems.splice(0);
  const unexpected = seen.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
  assert.deepEqual(unexpected, [], `problems in the browser:\n${unexpected.join('\n')}`);
}

/**
 * Signs in on the console's sign-in screen and waits until it shows the department. Goes to
 * #/sign-in: /console/ alone opens the public list for a visitor who has not signed in.
 */
export async function signIn(page, key) {
  assert.ok(key, 'no API key given to signIn: is its KEY_* variable set?');
  await page.goto(`${config.url}/console/#/sign-in`);
  await page.getByLabel('API 密钥').fill(key);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  try {
    await page.locator('#who').waitFor({ state: 'visible' });
  } catch (error) {
    throw new Error(`signing in did not show the department (#who)${await whatHappened(page)}`, { cause: error });
  }
}

/** What a page shows and still waits for: to add to the message of a failed wait. */
export async function whatHappened(page) {
  const shown = await page.locator('main').innerText({ timeout: 1000 }).catch(() => '(nothing)');
  const waiting = [...(unanswered.get(page) ?? [])].map((request) => `${request.method()} ${request.url()}`);
  return `; the page says:\n${shown}${waiting.length ? `\nno answer yet to: ${waiting.join(', ')}` : ''}`;
}

/** A full-page PNG at SCREENSHOT_DIR/<name>.png, for people to look at after the run. */
export async function screenshot(page, name) {
  await mkdir(config.screenshotDir, { recursive: true });
  const path = join(config.screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
