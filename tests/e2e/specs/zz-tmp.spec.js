const { test, expect } = require('@playwright/test');
const { open, signIn, readyApplication, appReady } = require('./helpers');
for (const lang of ['ru', 'kk']) {
  test(`tmp shots ${lang}`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, lang === 'ru' ? '801102300202' : '770412400302');
    const id = await readyApplication(page);
    await open(page, `/services/end-user-certificate/apply/check?application=${id}`, lang);
    await page.screenshot({ path: `/tmp/shot-check-${lang}.png`, fullPage: true });
    await page.locator('main button.button').last().click();
    await expect(page).toHaveURL(/\/sign/);
    await expect(page.locator('main h1')).toBeVisible();
    await page.screenshot({ path: `/tmp/shot-sign-${lang}.png`, fullPage: true });
    await page.getByRole('radio').last().check();
    await page.locator('.sign-method button.button').first().click();
    await expect(page).toHaveURL(/\/done/, { timeout: 15000 });
    await expect(page.locator('.panel__title')).toBeVisible();
    await page.screenshot({ path: `/tmp/shot-done-${lang}.png`, fullPage: true });
  });
}
