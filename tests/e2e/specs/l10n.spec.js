// Kazakh pages show no Russian and no message ids; no page in either language shows a raw
// message id, a `{ $placeholder }` or an untranslated problem code; translator mode shows the ids.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { open, untranslated, RUSSIAN_ONLY } = require('./helpers');

// Every code the app has words for (`error-<code>`): a page must never show one bare.
const PROBLEM_CODES = [...fs.readFileSync(path.join(__dirname, '../../../locales/ru/errors.ftl'), 'utf8').matchAll(/^error-([a-z0-9-]+) =/gm)]
  .map((m) => m[1])
  .filter((code) => code.includes('-'));
const MESSAGE_ID = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+){1,}\b/g;

/** Raw ids, `{ $… }` placeables and problem codes in the page's visible text. */
async function leftovers(page) {
  const text = await page.locator('body').innerText();
  const placeables = text.match(/\{\s*[$-][^}]*\}?/g) || [];
  const ids = (text.match(MESSAGE_ID) || []).filter((id) => !/^(egov|elicense)\b/.test(id));
  const codes = PROBLEM_CODES.filter((code) => new RegExp(`(^|[^\\p{L}-])${code}($|[^\\p{L}-])`, 'u').test(text));
  return [...new Set([...placeables, ...ids, ...codes])];
}

async function kazakhPages(page) {
  await open(page, '/', 'kk');
  const services = await page.locator('.service-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return ['/', '/cabinet', '/no-such-page', ...services, ...services.map((s) => `${s}/apply`)];
}

test('Kazakh pages show no Russian-only words and no message ids', async ({ page }) => {
  test.setTimeout(120_000);
  expect(RUSSIAN_ONLY.size).toBeGreaterThan(100);
  const problems = [];
  for (const url of await kazakhPages(page)) {
    await open(page, url, 'kk');
    // The language switch names Russian in Russian on purpose (`untranslated` allows it).
    const found = await untranslated(page);
    if (found.length) problems.push(`${url}: ${found.join(', ')}`);
  }
  expect(problems).toEqual([]);
});

test('no page in Russian or Kazakh shows a message id, a { $placeholder } or a raw problem code', async ({ page }) => {
  test.setTimeout(240_000);
  expect(PROBLEM_CODES.length).toBeGreaterThan(30);
  const problems = [];
  for (const lang of ['ru', 'kk']) {
    const urls = [...(await kazakhPages(page)), '/sign-in', '/register'];
    for (const url of urls) {
      await open(page, url, lang);
      const found = await leftovers(page);
      if (found.length) problems.push(`${lang} ${url}: ${found.join(', ')}`);
    }
    // A problem from the server (a wrong password) is shown in words, not as its code.
    await open(page, '/sign-in', lang);
    // An ИИН no spec registers, so that no other spec's sign-in budget is spent.
    await page.locator('.account-password summary').click();
    await page.locator('#account-iin-bin').fill('850101300005');
    await page.locator('#account-password').fill('not the right pass phrase at all');
    await page.locator('.account-password form button[type=submit]').click();
    await expect(page.locator('.error-summary')).toBeVisible();
    const found = await leftovers(page);
    if (found.length) problems.push(`${lang} /sign-in after a refusal: ${found.join(', ')}`);
  }
  expect(problems).toEqual([]);
});

test('translator mode shows each text with its message id', async ({ page }) => {
  await page.goto('/?lang=kk&l10n-ids=1');
  await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар [catalog-title]');
  await expect(page.locator('.header__nav')).toContainText('[nav-cabinet]');
});
