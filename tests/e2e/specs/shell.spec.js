// The page shell: header, language switch, footer, routes, and accessibility in both languages.
const { test, expect } = require('@playwright/test');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors } = require('./helpers');

const HEADINGS = {
  ru: { '/': 'Лицензии и разрешения', '/cabinet': 'Личный кабинет', '/no-such-page': 'Страница не найдена' },
  kk: { '/': 'Лицензиялар мен рұқсаттар', '/cabinet': 'Жеке кабинет', '/no-such-page': 'Бет табылмады' },
};

for (const lang of LANGUAGES) {
  for (const [path, heading] of Object.entries(HEADINGS[lang])) {
    test(`${path} in ${lang}: heading, title, footer and no axe violations`, async ({ page }) => {
      const errors = watchErrors(page);
      await open(page, path, lang);
      await expect(page.locator('main h1')).toContainText(heading);
      await expect(page).toHaveTitle(new RegExp(`${heading}.* — Өтініш`));
      await expect(page.locator('footer a[href="tel:1414"]')).toHaveText('1414');
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  }
}

test('switching language keeps the page and remembers the choice', async ({ page }) => {
  await open(page, '/cabinet', 'ru');
  await page.getByRole('link', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page).toHaveURL(/\/cabinet\?lang=kk$/);
  await expect(page.locator('main h1')).toHaveText('Жеке кабинет');
  await expect(page.getByRole('link', { name: 'Қазақша' })).toHaveAttribute('aria-current', 'true');

  // Without ?lang= the stored choice wins over the browser's Russian.
  await page.goto('/cabinet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('main h1')).toHaveText('Жеке кабинет');
});

test('?lang= in the address wins over the stored choice', async ({ page }) => {
  await open(page, '/', 'kk');
  await page.goto('/?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test.describe('a Kazakh browser', () => {
  test.use({ locale: 'kk-KZ' });
  test('gets Kazakh when nothing else is chosen', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар');
  });
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await open(page, '/', 'ru');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Перейти к основному содержанию' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the server sends security headers and a CSP that the app runs under', async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto('/?lang=ru');
  const headers = response.headers();
  // The one page has no inline script (boot.js is a file): our own scripts and nothing else.
  expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(headers['x-content-type-options']).toBe('nosniff');
  await expect(page.locator('main h1')).toBeVisible();
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test('unknown API paths answer 404 problem+json', async ({ request }) => {
  const response = await request.get('/api/v1/no-such-thing');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toBe('application/problem+json');
  expect((await response.json()).code).toBe('not-found');
});
