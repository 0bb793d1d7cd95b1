// The application form, driven by the catalog: choices, questions, validation with the error
// summary, "check your answers" with change links; drafts survive a reload and a language switch.
const { test, expect } = require('@playwright/test');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors, untranslated, signIn, readyApplication, appReady } = require('./helpers');

const TEXT = {
  ru: { phoneRequired: 'Введите контактный телефон', declaration: 'Продолжая, вы подтверждаете, что сведения в заявлении', checkBoth: 'Проверьте ответы и документы.', checkAnswersOnly: 'Проверьте ответы. Дальше', opening: 'Открываем заявление…', start: 'Начать', next: 'Продолжить', issue: 'Выдача', reissue: 'Переоформление', error: 'Ошибка: ', check: 'Проверьте ответы', change: 'Изменить', notAnswered: 'Не указано' },
  kk: { phoneRequired: 'Байланыс телефонын енгізіңіз', declaration: 'Жалғастыра отырып, сіз өтініштегі мәліметтердің', checkBoth: 'Жауаптар мен құжаттарды тексеріңіз.', checkAnswersOnly: 'Жауаптарыңызды тексеріңіз. Одан әрі', opening: 'Өтініш ашылып жатыр…', start: 'Бастау', next: 'Жалғастыру', issue: 'Лицензия беру', reissue: 'Қайта ресімдеу', error: 'Қате: ', check: 'Жауаптарыңызды тексеріңіз', change: 'Өзгерту', notAnswered: 'Көрсетілмеген' },
};

/**
 * Signs a seeded applicant in through the sign-in page's test sign-in (test mode), which
 * creates the account the first time. Signing in with ЭЦП is signing.spec.js's.
 */
async function signUp(page, lang, iinBin) {
  await open(page, '/sign-in', lang);
  await page.locator('#test-iin-bin').fill(iinBin);
  await page.locator('.account-test form button[type=submit]').click();
  await expect(page).toHaveURL(/\/cabinet$/);
}

const APPLICANTS = { ru: '780101300006', kk: '061211600012' };

/** On a Kazakh page: no Russian-only words and no raw message ids. */
async function expectTranslated(page, lang) {
  if (lang === 'kk') expect(await untranslated(page), page.url()).toEqual([]);
}

async function answerPage(page) {
  for (const input of await page.locator('main form input.input, main form textarea').all()) {
    const type = await input.getAttribute('type');
    const name = (await input.getAttribute('name')) || '';
    // Words the Kazakh texts also use, so the check page's echo of them passes the Kazakh scan.
    let value = 'Өскемен қаласы, Абай даңғылы, 64';
    if (type === 'tel') value = '8 (701) 234-56-78';
    else if (type === 'email') value = 'applicant@example.kz';
    // The date input's three boxes: day, month, year.
    else if (name.endsWith('-day')) value = '15';
    else if (name.endsWith('-month')) value = '1';
    else if (name.endsWith('-year')) value = '2020';
    else if (name.includes('postcode')) value = '070000';
    else if (name.includes('number')) value = 'KZ12VKO00001';
    await input.fill(value);
  }
  for (const group of await page.locator('main form .checkboxes').all()) {
    const first = group.locator('label').first();
    if (await first.count()) await first.click();
  }
  for (const input of await page.locator('main input[type=file]').all()) {
    await input.setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect(input.locator('xpath=ancestor::div[contains(@class, "document-slot")]').locator('.attachment')).toHaveCount(1);
  }
}

for (const lang of LANGUAGES) {
  test(`a licence form from the service page to "check your answers" in ${lang}`, async ({ page }) => {
    test.setTimeout(60_000);
    const t = TEXT[lang];
    const errors = watchErrors(page);
    await signUp(page, lang, APPLICANTS[lang]);
    await open(page, '/services/medical-licence', lang);
    await page.getByRole('button', { name: t.start }).click();
    await expect(page).toHaveURL(/\/apply\/case/);
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);

    // Continue without a choice: the error summary takes focus and the title says so.
    await page.getByRole('button', { name: t.next }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page).toHaveTitle(new RegExp(`^${t.error}`));
    await expectNoAxeViolations(page);

    await page.locator('label', { hasText: new RegExp(`^${t.issue}$`) }).click();
    await page.getByRole('button', { name: t.next }).click();
    // A licence with annexes asks which: the licence, the annex, or both.
    await expect(page).toHaveURL(/\/apply\/targets/);
    await page.locator('label[for="choice-both"]').click();
    await page.getByRole('button', { name: t.next }).click();
    // Nothing is chosen for the applicant: the service page showed a provider, but the
    // applicant did not pick one there.
    await expect(page).toHaveURL(/\/apply\/provider/);
    await expect(page.locator('main input[type=radio]:checked')).toHaveCount(0);
    await page.locator('label[for="choice-vko-health"]').click();
    await page.getByRole('button', { name: t.next }).click();

    // The applicant is shown from the registry, never typed.
    await expect(page).toHaveURL(/\/apply\/applicant/);
    await expect(page.locator('main .summary-list')).toContainText(APPLICANTS[lang]);
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);
    await page.getByRole('button', { name: t.next }).click();

    let pages = 0;
    // The step indicator's total, page after page: it must not change on the way.
    const totals = new Set();
    const summaries = [];
    while (!page.url().endsWith('/check')) {
      await expect(page.locator('main h1')).toBeVisible();
      const indicator = await page.locator('main nav p').first().textContent();
      totals.add(Math.max(...[...indicator.matchAll(/\d+/g)].map(Number)));
      await page.getByRole('button', { name: t.next }).click();
      const summary = page.locator('.error-summary');
      if (await summary.isVisible()) {
        summaries.push(await summary.textContent());
        // Each error links to its field.
        const link = summary.locator('a').first();
        await link.click();
        await expect(page.locator(':focus')).toHaveAttribute('id', /^(field|document)-/);
        await expectNoAxeViolations(page);
        await expectTranslated(page, lang);
        await answerPage(page);
        await page.getByRole('button', { name: t.next }).click();
      }
      await expect(page.locator('.error-summary')).toHaveCount(0);
      pages += 1;
      expect(pages).toBeLessThan(10);
    }
    await expect(page.locator('main h1')).toHaveText(t.check);
    expect([...totals]).toHaveLength(1);
    // Each empty field is named in its own words, not one message for all.
    expect(summaries.join(' ')).toContain(t.phoneRequired);
    // The declaration the applicant makes by going on, before the signature.
    await expect(page.locator('main')).toContainText(t.declaration);
    await expect(page.locator('main')).toContainText('+7 701 234 56 78');
    // A licence form attaches documents: they are to be checked too.
    await expect(page.locator('main')).toContainText(t.checkBoth);
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);

    // Change an answer and come back to the check page.
    const changePhone = page.locator('.summary-list div', { hasText: '+7 701 234 56 78' }).getByRole('link', { name: new RegExp(t.change) });
    await changePhone.click();
    await page.locator('input[type=tel]').fill('+7 702 000 00 00');
    await page.getByRole('button', { name: t.next }).click();
    await expect(page).toHaveURL(/\/check$/);
    await expect(page.locator('main')).toContainText('+7 702 000 00 00');

    // A change that opens new questions goes through them before coming back, and keeps the
    // answers that still apply.
    await page.locator('.summary-list div', { hasText: t.issue }).getByRole('link', { name: new RegExp(t.change) }).first().click();
    await page.locator('label', { hasText: new RegExp(`^${t.reissue}$`) }).click();
    await page.getByRole('button', { name: t.next }).click();
    await expect(page).not.toHaveURL(/\/check$/);
    await expect(page).toHaveURL(/\/page-[^?]*\?return=check/);
    let datesTried = 0;
    for (let guard = 0; guard < 5 && !page.url().endsWith('/check'); guard += 1) {
      await answerPage(page);
      // A date from before the state's registers began (1850) is refused, then corrected.
      const year = page.locator('main input[name$="-year"]').first();
      if (await year.count()) {
        datesTried += 1;
        await year.fill('1850');
        await page.getByRole('button', { name: t.next }).click();
        await expect(page.locator('.error-summary')).toBeVisible();
        await expect(page).toHaveURL(/\?return=check/);
        await year.fill('2020');
      }
      await page.getByRole('button', { name: t.next }).click();
      await expect(page.locator('.error-summary')).toHaveCount(0);
    }
    await expect(page).toHaveURL(/\/check$/);
    expect(datesTried).toBeGreaterThan(0);
    await expect(page.locator('main')).toContainText('+7 702 000 00 00');
    await expect(page.locator('main')).not.toContainText(t.notAnswered);
    expect(errors).toEqual([]);
  });
}

test('without an account the form asks to sign in, and keeps the answers meanwhile', async ({ page }) => {
  await open(page, '/services/end-user-certificate/apply', 'ru');
  await expect(page).toHaveURL(/\/apply\/applicant/);
  await expect(page.getByRole('link', { name: 'Войти' }).last()).toHaveAttribute('href', /\/sign-in\?next=\/services\/end-user-certificate\/apply\/applicant/);
  await expectNoAxeViolations(page);
  // Followed, it leads there (the form, on its way out, once sent it back to its first step).
  await page.getByRole('link', { name: 'Войти' }).last().click();
  await expect(page).toHaveURL(/\/sign-in\?next=\/services\/end-user-certificate\/apply\/applicant$/);
  await expect(page.locator('main h1')).toHaveText('Вход');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

for (const lang of LANGUAGES) {
  test(`"check your answers" reached with no draft leads to the first question in ${lang}`, async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '/services/medical-licence/apply/check', lang);
    await expect(page.locator('main h1')).toHaveText(TEXT[lang].check);
    // Not every question of every sub-case, unanswered: a sentence and the way on.
    await expect(page.locator('main .summary-list')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(TEXT[lang].notAnswered);
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);
    await page.locator('main a.button').click();
    await expect(page).toHaveURL(/\/apply\/case$/);
    await expect(page.locator('main input[type=radio]')).not.toHaveCount(0);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
}

// An application opened by its address (from the cabinet, or on another device) is shown only
// once it has arrived: a button pressed before would have gone to a new, empty application.
for (const lang of LANGUAGES) {
  test(`an application opened by its address is shown once it has arrived, not a new one meanwhile (${lang})`, async ({ page }) => {
    const errors = watchErrors(page);
    await signIn(page, APPLICANTS[lang]);
    const id = await readyApplication(page);
    const created = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/applications')) created.push(r.url()); });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route((url) => url.pathname.endsWith(`/applications/${id}`), async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    await page.goto(`/services/end-user-certificate/apply/check?application=${id}&lang=${lang}`);
    await appReady(page);
    await expect(page.getByRole('status').filter({ hasText: TEXT[lang].opening })).toBeVisible();
    await expect(page.locator('main h1')).toHaveCount(0);
    await expect(page.locator('main button, main form')).toHaveCount(0);
    release();
    await expect(page.locator('main h1')).toHaveText(TEXT[lang].check);
    await expect(page.locator('main')).toContainText('abenov@example.kz');
    // Nothing is attached to this form: the page asks to check the answers, not documents.
    await expect(page.locator('main')).toContainText(TEXT[lang].checkAnswersOnly);
    await expect(page.locator('main')).not.toContainText(TEXT[lang].checkBoth);
    await expectNoAxeViolations(page);
    expect(created).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('a draft survives a reload and a language switch', async ({ page }) => {
  await signUp(page, 'ru', '010203500008');
  await page.goto('/services/end-user-certificate/apply/page-contacts?lang=ru');
  const phone = page.locator('input[type=tel]');
  await expect(phone).toBeVisible();
  await phone.fill('8 701 111 22 33');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.locator('input[type=tel]')).toHaveValue('8 701 111 22 33');

  await page.locator('input[type=email]').fill('draft@example.kz');
  await page.getByRole('link', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('input[type=email]')).toHaveValue('draft@example.kz');
  await expect(page.locator('input[type=tel]')).toHaveValue('8 701 111 22 33');

  // Errors on the page, then a language switch: the title says so in the language shown,
  // never the other one's «Қате:» / «Ошибка:».
  await page.locator('input[type=tel]').fill('');
  await page.getByRole('button', { name: 'Жалғастыру', exact: true }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Қате: /);
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page).not.toHaveTitle(/Қате/);
});

test('answers are judged on Continue, not when a field is left, in the chosen language', async ({ page }) => {
  const errors = watchErrors(page);
  await signUp(page, 'kk', '120340000004');
  await page.goto('/services/end-user-certificate/apply/page-contacts?lang=kk');
  const email = page.locator('input[type=email]');
  await email.fill('not-an-email');
  await email.blur();
  await expect(page.locator('.error-message')).toHaveCount(0);
  // Enter submits the form as "Continue" does, and the page stays whole (no panic).
  await email.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  const emailError = page.locator('.field--error', { has: email }).locator('.error-message');
  await expect(emailError).toBeVisible();
  const kazakh = await emailError.innerText();
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(emailError).not.toHaveText(kazakh);
  // An answer marked wrong is judged again as it is put right.
  await email.fill('fixed@example.kz');
  await expect(page.locator('.field--error', { has: email })).toHaveCount(0);
  // Enter on a whole page moves on; the field it was pressed in goes with the page, and
  // nothing runs after the page is gone.
  const phone = page.locator('input[type=tel]');
  await phone.fill('8 701 234 56 78');
  await phone.press('Enter');
  await expect(page).not.toHaveURL(/page-contacts/);
  await expect(page.locator('main h1')).toBeFocused();
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
});
