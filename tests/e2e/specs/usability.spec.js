// Findings of the usability pass (issue #17) that are not a whole journey: the wait after too
// many sign-in attempts in words, the start button near the top of a service page on a phone,
// and where the focus goes after a page change.
const { test, expect } = require('@playwright/test');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors, untranslated } = require('./helpers');

// A valid ИИН that no spec registers: its sign-in attempts are ours to spend.
const ATTEMPTED = '790303402568';

const TEXT = {
  // The wait is the backend's Retry-After (per account: one try every few minutes), in words.
  ru: { submit: 'Войти', wait: /Подождите \d+ секунд[уы]? /, start: 'Начать' },
  kk: { submit: 'Кіру', wait: /\d+ секунд күтіп/, start: 'Бастау' },
};

test.describe.configure({ mode: 'serial' });

for (const lang of LANGUAGES) {
  test(`too many sign-in attempts say how long to wait, in words (${lang})`, async ({ page }) => {
    const t = TEXT[lang];
    const errors = watchErrors(page);
    await open(page, '/sign-in', lang);
    const summary = page.locator('.error-summary');
    await page.locator('.account-password summary').click();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await page.locator('#account-iin-bin').fill(ATTEMPTED);
      await page.locator('#account-password').fill(`not the pass phrase ${attempt}`);
      await page.locator('.account-password').getByRole('button', { name: t.submit, exact: true }).click();
      await expect(summary).toBeVisible();
      if (t.wait.test(await summary.innerText())) break;
    }
    await expect(summary).toContainText(t.wait);
    await expect(summary).not.toContainText('{');
    await expect(summary).not.toContainText('retry_after');
    if (lang === 'kk') expect(await untranslated(page)).toEqual([]);
    // The browser logs each refused request; the page itself logs nothing.
    expect(errors.filter((e) => !/status of (401|429)/.test(e))).toEqual([]);
  });

  test(`on a phone, a service page starts with what you get, who can apply and the start button (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await open(page, '/services/medical-licence', lang);
    const start = page.getByRole('button', { name: TEXT[lang].start });
    const box = await start.boundingBox();
    // Within two screens, where it was five to eight.
    expect(box.y).toBeLessThan(2 * 640);
    // The details follow the button.
    const after = await page.evaluate(() => {
      const button = document.querySelector('main .button--start');
      const documents = [...document.querySelectorAll('main h2')].at(-1);
      return Boolean(button.compareDocumentPosition(documents) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(after).toBe(true);
    await expectNoAxeViolations(page);
  });
}

for (const lang of LANGUAGES) {
  test(`after a move to another page the focus is on its heading (${lang})`, async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '/', lang);
    // A link followed inside the app: the router's move, not a page load.
    await page.locator('main a[href^="/services/"]').first().click();
    await expect(page).toHaveURL(/\/services\/[a-z-]+$/);
    await expect(page.locator('main h1')).toBeFocused();
    // The next Tab goes into the page's content, not the footer.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement.closest('main')))).toBe(true);
    expect(errors).toEqual([]);
  });
}
