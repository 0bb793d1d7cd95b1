// Kazakh pages show no Russian and no message ids; no page in either language shows a raw
// message id, a `{ $placeholder }` or an untranslated problem code; translator mode shows the ids.
const { test, expect } = require('@playwright/test');
const { open, untranslated, RUSSIAN_ONLY, rawTexts: leftovers, PROBLEM_CODES } = require('./helpers');

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
  // The scan every spec's accessibility check runs (helpers.js) finds them: it can fail.
  expect(await leftovers(page)).toEqual(expect.arrayContaining(['catalog-title', 'nav-cabinet']));
});
