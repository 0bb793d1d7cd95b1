// Signing in without ЭЦП: the test sign-in (test mode only, labelled), and a password as a
// second way in, set in the cabinet by someone signed in. Signing in with ЭЦП through the
// fake NCALayer is in signing.spec.js, beside the fake.
const { test, expect } = require('@playwright/test');
const { open, expectNoAxeViolations, watchErrors, untranslated, PASSPHRASE, api } = require('./helpers');

test('the test sign-in is labelled, and a password set in the cabinet is a second way in (ru)', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '/sign-in', 'ru');
  await expect(page.getByRole('button', { name: 'Войти с ЭЦП' })).toBeVisible();
  const testArea = page.locator('.account-test');
  await expect(testArea.getByRole('heading', { name: 'Тестовый вход без ЭЦП' })).toBeVisible();
  await expect(testArea).toContainText('не имеет юридической силы');
  await expectNoAxeViolations(page);

  // The same rules as the server, before any round trip.
  await page.locator('#test-iin-bin').fill('900521400008');
  await testArea.getByRole('button', { name: 'Войти без ЭЦП' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();

  await page.locator('#test-iin-bin').fill('9005 2140 0007');
  await testArea.getByRole('button', { name: 'Войти без ЭЦП' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.locator('.header__account')).toHaveText('Жумабаева Айгерим Маратовна');

  // A password as a second way in.
  await page.getByRole('link', { name: 'Пароль для входа без ЭЦП' }).click();
  await expect(page.locator('main h1')).toHaveText('Пароль для входа');
  await page.locator('#account-password').fill('short');
  await page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await page.locator('#account-password').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await expect(page.locator('main')).toContainText('Пароль сохранён');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('link', { name: 'Войти', exact: true })).toBeVisible();
  await open(page, '/sign-in', 'ru');
  await page.locator('summary', { hasText: 'Войти по паролю' }).click();
  await page.locator('#account-iin-bin').fill('900521400007');
  await page.locator('#account-password').fill(PASSPHRASE);
  await page.locator('.account-password').getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.locator('main')).toContainText('Жумабаева Айгерим Маратовна');
  expect(errors.filter((e) => !/status of (4\d\d)/.test(e))).toEqual([]);
});

test('signing in by password (kk), with a wrong password first; registering is signing in', async ({ page, request }) => {
  // The account and its password, made as a person would: signed in, then the password set.
  const signedIn = await request.post(api('/auth/test-sign-in'), { data: { iin_bin: '950808400006', session: 'bearer' } });
  expect(signedIn.status()).toBeLessThan(300);
  const { token } = await signedIn.json();
  const set = await request.put(api('/auth/password'), {
    data: { password: PASSPHRASE },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(set.status()).toBe(204);
  await page.context().clearCookies();

  // The old address of registering shows signing in: the first sign-in creates the account.
  await open(page, '/register', 'kk');
  await expect(page.locator('main h1')).toHaveText('Кіру');

  await open(page, '/sign-in?next=/cabinet', 'kk');
  await expectNoAxeViolations(page);
  expect(await untranslated(page)).toEqual([]);
  await page.locator('summary', { hasText: 'Құпиясөзбен кіру' }).click();
  await page.locator('#account-iin-bin').fill('950808400006');
  await page.locator('#account-password').fill('not the right pass phrase');
  await page.locator('.account-password').getByRole('button', { name: 'Кіру' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  expect(await untranslated(page)).toEqual([]);

  await page.locator('#account-password').fill(PASSPHRASE);
  await page.locator('.account-password').getByRole('button', { name: 'Кіру' }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.locator('main')).toContainText('Сейткали Әсел Қайратқызы');
  await expectNoAxeViolations(page);

  // The session is a cookie: a reload keeps the applicant signed in.
  await page.reload();
  await expect(page.locator('.header__account')).toHaveText('Сейткали Әсел Қайратқызы');
  await page.getByRole('button', { name: 'Шығу' }).click();
  await expect(page.getByRole('link', { name: 'Кіру', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Кіру', exact: true })).toBeVisible();
});
