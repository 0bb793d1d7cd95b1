// Registering, signing in and out, against the reference backend and its seeded registry.
const { test, expect } = require('@playwright/test');
const { open, expectNoAxeViolations, watchErrors, untranslated, api } = require('./helpers');

const PASSPHRASE = 'a long enough pass phrase';

async function fill(page, iinBin, password) {
  await page.locator('#account-iin-bin').fill(iinBin);
  await page.locator('#account-password').fill(password);
}

test('registering prefills the applicant from the registry and signs in (ru)', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '/register', 'ru');
  await expectNoAxeViolations(page);

  // The same rules as the server, before any round trip.
  await fill(page, '900521400008', 'short');
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary li')).toHaveCount(2);
  await expect(page).toHaveTitle(/^Ошибка: /);
  await expectNoAxeViolations(page);

  await fill(page, '9005 2140 0007', PASSPHRASE);
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.locator('main')).toContainText('Жумабаева Айгерим Маратовна');
  await expect(page.locator('.header__account')).toHaveText('Жумабаева Айгерим Маратовна');

  // A second registration for the same ИИН is refused by the server, in words.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible();
  await open(page, '/register', 'ru');
  await fill(page, '900521400007', PASSPHRASE);
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.locator('.error-summary')).toContainText('уже есть учётная запись');
  expect(errors.filter((e) => !/status of (409|401)/.test(e))).toEqual([]);
});

test('signing in and out (kk), with a wrong password first', async ({ page, request }) => {
  const registered = await request.post(api('/auth/register'), { data: { iin_bin: '950808400006', password: PASSPHRASE } });
  expect(registered.status()).toBe(201);
  await page.context().clearCookies();

  await open(page, '/sign-in?next=/cabinet', 'kk');
  await expectNoAxeViolations(page);
  expect(await untranslated(page)).toEqual([]);
  await fill(page, '950808400006', 'not the right pass phrase');
  await page.getByRole('button', { name: 'Кіру' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  expect(await untranslated(page)).toEqual([]);

  await page.locator('#account-password').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Кіру' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.locator('main')).toContainText('Сейткали Әсел Қайратқызы');
  await expectNoAxeViolations(page);

  // The session is a cookie: a reload keeps the applicant signed in.
  await page.reload();
  await expect(page.locator('.header__account')).toHaveText('Сейткали Әсел Қайратқызы');
  await page.getByRole('button', { name: 'Шығу' }).click();
  await expect(page.getByRole('link', { name: 'Кіру' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Кіру' })).toBeVisible();
});
