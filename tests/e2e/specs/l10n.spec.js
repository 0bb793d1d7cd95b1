// Kazakh pages show no Russian and no message ids; translator mode shows the ids.
const { test, expect } = require('@playwright/test');
const { open, untranslated, RUSSIAN_ONLY } = require('./helpers');

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

test('translator mode shows each text with its message id', async ({ page }) => {
  await page.goto('/?lang=kk&l10n-ids=1');
  await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар [catalog-title]');
  await expect(page.locator('.header__nav')).toContainText('[nav-cabinet]');
});
