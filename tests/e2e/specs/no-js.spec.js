// Without JavaScript the public pages are the prerendered HTML (src/prerender.rs): the
// catalog, its search as a plain GET form, and every service page read in both languages,
// and their links lead to pages that read too. Runs against the reference backend and
// against nginx (scripts/e2e-static).
const { test, expect } = require('@playwright/test');

test.use({ javaScriptEnabled: false });

test('without JavaScript the catalog and a service page read in Russian and Kazakh, links working', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('main h1')).toHaveText('Лицензии и разрешения');
  await expect(page).toHaveTitle(/Өтініш/);
  const services = page.locator('main .service-list a');
  expect(await services.count()).toBeGreaterThan(10);

  await page.getByRole('link', { name: 'Лицензия на медицинскую деятельность' }).click();
  await expect(page).toHaveURL(/\/services\/medical-licence$/);
  await expect(page.locator('main h1')).toHaveText('Лицензия на медицинскую деятельность');
  await expect(page).toHaveTitle('Лицензия на медицинскую деятельность — Өтініш');
  await expect(page.locator('main')).toContainText('Кто может подать заявление');

  // The language switch leads to the same page in Kazakh, and its links stay in Kazakh.
  await page.getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk\/services\/medical-licence$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('main h1')).toHaveText('Медициналық қызметке лицензия');
  await page.locator('main a.back-link').click();
  await expect(page).toHaveURL(/\/kk$/);
  await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар');
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('without JavaScript the catalog search is a plain GET form', async ({ page }) => {
  await page.goto('/kk');
  await page.locator('#catalog-search').fill('лицензия');
  await page.locator('#catalog-search').press('Enter');
  await expect(page).toHaveURL(/\/kk\?q=/);
  await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар');
});
