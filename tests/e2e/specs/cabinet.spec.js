// The personal cabinet against the reference backend: applications are made and submitted
// through the API (so these tests do not depend on the wizard's pages), moved by the officer
// API, and followed in the cabinet as each step happens, without a reload.
const { test, expect } = require('@playwright/test');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors, untranslated, signIn, PASSPHRASE, api, settlePayment } = require('./helpers');

// The token the e2e server is started with (playwright.config.js).
const OFFICER = { Authorization: 'Bearer e2e-officer-token' };
// Seeded companies no other spec registers; the third one plays the stranger.
const APPLICANTS = { ru: '081140000005', kk: '151040100008' };
const STRANGER = '990140004654';
// Signed out by the session test, so no other test shares it.
const IDLE = '850314300003';

const TEXT = {
  ru: {
    status: {
      delivered: 'Доставлено услугодателю', registered: 'Зарегистрировано', 'executor-assigned': 'Назначен исполнитель',
      'under-review': 'На рассмотрении', 'agreement-requested': 'На согласовании в госорганах',
      'agreement-received': 'Согласование получено', decision: 'Принято решение', issued: 'Выдано', refused: 'Отказано',
    },
    ready: 'Результат готов', downloadLicence: 'Скачать лицензию', downloadRefusal: 'Скачать мотивированный отказ',
    reason: 'представлен неполный пакет документов', comment: 'Не приложена форма сведений о соответствии квалификационным требованиям.',
    inProgress: 'выполняется', notFound: 'Заявление не найдено', overdue: 'Срок прошёл', drafts: 'Черновики',
    discard: 'Удалить', confirm: 'Да, удалить', cancel: 'Отмена', resume: 'Продолжить', inBrowser: 'Сохранён в этом браузере',
    stay: 'Продолжить работу', ended: 'Вы вышли из личного кабинета', signInAgain: 'Войти снова', signIn: 'Войти',
    filter: 'Показать', noApplications: 'Вы ещё не подали ни одного заявления.', month: /\d{1,2} [а-я]+ 20\d\d\sг\./,
    appeal: 'Если вы не согласны с отказом', appealUnknown: 'в регламенте услуги не сказано',
  },
  kk: {
    status: {
      delivered: 'Көрсетілетін қызметті берушіге жеткізілді', registered: 'Тіркелді', 'executor-assigned': 'Орындаушы тағайындалды',
      'under-review': 'Қаралуда', 'agreement-requested': 'Мемлекеттік органдармен келісілуде',
      'agreement-received': 'Келісім алынды', decision: 'Шешім қабылданды', issued: 'Берілді', refused: 'Бас тартылды',
    },
    ready: 'Нәтиже дайын', downloadLicence: 'Лицензияны жүктеп алу', downloadRefusal: 'Дәлелді бас тарту хатын жүктеп алу',
    reason: 'құжаттар топтамасы толық ұсынылмаған', comment: 'Біліктілік талаптарына сәйкестігі туралы мәліметтер нысаны қоса берілмеген.',
    inProgress: 'орындалуда', notFound: 'Өтініш табылмады', overdue: 'Мерзімі өтіп кетті', drafts: 'Өтініш жобалары',
    discard: 'Жою', confirm: 'Иә, жою', cancel: 'Болдырмау', resume: 'Жалғастыру', inBrowser: 'Осы браузерде сақталған',
    stay: 'Жұмысты жалғастыру', ended: 'Сіз жеке кабинеттен шықтыңыз', signInAgain: 'Қайта кіру', signIn: 'Кіру',
    filter: 'Көрсету', noApplications: 'Сіз әлі бірде-бір өтініш берген жоқсыз.', month: /20\d\d\sж\. \d{1,2} [а-яәғқңөұүһі]+/,
    appeal: 'Егер бас тартумен келіспесеңіз', appealUnknown: 'регламентінде',
  },
};

// Answers in words the Kazakh texts also use, so that their echo passes the Kazakh scan.
const CONTACTS = { 'contact-phone': '+77011234567', 'contact-email': 'applicant@example.kz' };
const MEDICAL_ANSWERS = {
  'annex-subtypes': { 'activity-subtypes': 'Жалпы дәрігерлік практика' },
  'activity-address': { 'activity-address': 'Өскемен қаласы, Абай даңғылы, 64', 'activity-postcode': '070000' },
  contacts: CONTACTS,
};
// A medical licence in East Kazakhstan asks the sanitary authority: every step, agreement included.
const MEDICAL_PATH = ['delivered', 'registered', 'executor-assigned', 'under-review',
  'agreement-requested', 'agreement-received', 'decision', 'issued'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
  '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** `method path` as the signed-in applicant; fails the test on an unexpected status. */
async function call(page, method, path, options = {}, expected = [200, 201, 204]) {
  const response = await page.request.fetch(api(path), { method, ...options });
  expect(expected, `${method} ${path}: ${response.status()} ${await response.text()}`).toContain(response.status());
  return response.status() === 204 ? null : response.json();
}

async function draft(page, service, provider, answers) {
  const created = await call(page, 'POST', '/applications', { data: { service, provider, sub_case: 'issue', ...(service === 'medical-licence' ? { targets: ['licence'] } : {}) } });
  const saved = await call(page, 'PUT', `/applications/${created.id}/answers`, { data: { version: created.version, answers } });
  return { ...created, version: saved.version };
}

/** Pays: created through the API, settled by the gateway's callback (helpers.settlePayment). */
async function pay(page, id, baseURL) {
  const payment = await call(page, 'POST', `/applications/${id}/payments`, { data: { return_url: `${baseURL}/cabinet` } });
  await settlePayment(page.request, payment);
}

/** Signs with the test signer and submits with a fresh idempotency key. */
async function submit(page, id) {
  const signing = await call(page, 'GET', `/applications/${id}/signing-data`);
  return call(page, 'POST', `/applications/${id}/submission`, {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: { version: signing.version, signature: { method: 'test' } },
  });
}

/** A submitted medical licence (paid, with its qualification form attached). */
async function submittedLicence(page, baseURL) {
  const application = await draft(page, 'medical-licence', 'vko-health', MEDICAL_ANSWERS);
  await call(page, 'POST', `/applications/${application.id}/documents`, {
    multipart: { document: 'qualification-form', file: { name: 'qualification.pdf', mimeType: 'application/pdf', buffer: PDF } },
  });
  await pay(page, application.id, baseURL);
  const submission = await submit(page, application.id);
  return { id: application.id, reference: submission.reference_number };
}

/** A submitted end-user certificate: no fee, no file. */
async function submittedCertificate(page) {
  const application = await draft(page, 'end-user-certificate', 'mint-industry-committee', { contacts: CONTACTS });
  const submission = await submit(page, application.id);
  return { id: application.id, reference: submission.reference_number };
}

/** The officer moves the application on (officer API, its own token). */
async function move(request, id, to, reason) {
  const response = await request.post(api(`/officer/applications/${id}/transitions`), {
    headers: OFFICER, data: reason ? { to, reason } : { to },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function expectTranslated(page, lang) {
  if (lang === 'kk') expect(await untranslated(page), page.url()).toEqual([]);
}

/**
 * The text of a PDF the backend wrote (crates/server/src/result_document/pdf.rs): each line's
 * hex glyph codes read through the font's ToUnicode map, lines joined by spaces.
 */
function pdfText(bytes) {
  const source = bytes.toString('latin1');
  const glyphs = new Map();
  for (const [, block] of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, unicode] of block.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>/g)) {
      glyphs.set(glyph.toUpperCase(), String.fromCharCode(...unicode.match(/.{4}/g).map((h) => parseInt(h, 16))));
    }
  }
  return [...source.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)]
    .map(([, codes]) => codes.match(/.{4}/g).map((g) => glyphs.get(g.toUpperCase()) ?? '\uFFFD').join(''))
    .join(' ')
    .replace(/\s+/g, ' ');
}

for (const lang of LANGUAGES) {
  const t = TEXT[lang];

  test(`an application followed step by step to its licence, live, in ${lang}`, async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await signIn(page, APPLICANTS[lang]);
    const licence = await submittedLicence(page, baseURL);

    await open(page, `/cabinet/applications/${licence.id}`, lang);
    await expect(page.locator('main h1')).toContainText(licence.reference);
    const timeline = page.locator('.timeline > li');
    await expect(timeline).toHaveCount(MEDICAL_PATH.length);
    await expect(timeline.first()).toHaveClass(/timeline__item--done/);
    await expect(timeline.first()).toContainText(t.status.delivered);
    await expect(timeline.nth(1)).toHaveAttribute('aria-current', 'step');
    await expect(timeline.nth(1)).toContainText(t.inProgress);
    // Dates as the language writes them, the due date in working days, the receipt and the file.
    await expect(timeline.first().locator('.timeline__when')).toHaveText(new RegExp(`${t.month.source}, \\d\\d:\\d\\d`));
    await expect(page.locator('main .summary-list').first()).toContainText(lang === 'ru' ? '15 рабочих дней' : '15 жұмыс күні');
    // The steps' due dates agree: each no earlier than the one before, none after the
    // application's own deadline (a term "included in" another adds nothing on top).
    const { due_date: deadline } = await (await page.request.get(api(`/applications/${licence.id}`))).json();
    expect(deadline).toMatch(/^\d{4}-\d\d-\d\d$/);
    const dues = await page.locator('.timeline__due').evaluateAll((ps) => ps.map((p) => p.dataset.due));
    expect(dues.length).toBeGreaterThan(1);
    expect([...dues].sort()).toEqual(dues);
    expect(dues.every((due) => due <= deadline)).toBe(true);
    expect(dues[dues.length - 1]).toBe(deadline);
    await expect(page.locator('main')).toContainText('qualification.pdf');
    await expect(page.locator('main')).toContainText(lang === 'ru' ? 'Квитанция об оплате' : 'Төлем түбіртегі');
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);

    // Every step, as the officer makes it, shows up without a reload and is announced.
    await page.evaluate(() => { window.notReloaded = true; });
    for (const [index, status] of MEDICAL_PATH.entries()) {
      if (index === 0) continue;
      await move(request, licence.id, status);
      await expect(timeline.nth(index)).toHaveClass(/timeline__item--done/, { timeout: 20_000 });
      await expect(page.locator('main [aria-live="polite"]')).toContainText(t.status[status]);
    }
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);

    await expect(page.locator('.outcome--issued')).toContainText(t.ready);
    await expect(page.locator('.outcome--issued')).toContainText(`TEST-${licence.reference}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t.downloadLicence }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`licence-${licence.reference}.pdf`);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);

    // The list has it issued; the filter finds it.
    await open(page, '/cabinet?status=issued', lang);
    const card = page.locator('.card', { hasText: licence.reference });
    await expect(card).toContainText(t.status.issued);
    await expect(page.locator('#status-filter')).toHaveValue('issued');
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);
    await page.locator('#status-filter').selectOption('refused');
    await page.getByRole('button', { name: t.filter }).click();
    await expect(page).toHaveURL(/status=refused/);
    await expect(page.locator('.card', { hasText: licence.reference })).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test(`a refusal shows in the list as it happens, with its reason and letter, in ${lang}`, async ({ page, request, baseURL }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await signIn(page, APPLICANTS[lang]);
    const certificate = await submittedCertificate(page);

    await open(page, '/cabinet', lang);
    const card = page.locator('.card', { hasText: certificate.reference });
    await expect(card).toContainText(t.status.delivered);
    await expect(card.getByRole('link')).toHaveAttribute('href', `/cabinet/applications/${certificate.id}`);
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);

    await move(request, certificate.id, 'registered');
    await expect(card).toContainText(t.status.registered, { timeout: 20_000 });
    await move(request, certificate.id, 'refused', { code: 'incomplete-package', comment: t.comment });
    await expect(card).toContainText(t.status.refused, { timeout: 20_000 });
    const announcement = page.locator('main [aria-live="polite"]');
    await expect(announcement).toContainText(certificate.reference);
    await expect(announcement).toContainText(t.status.refused);

    await card.getByRole('link').click();
    await expect(page.locator('main h1')).toContainText(certificate.reference);
    const outcome = page.locator('.outcome--refused');
    await expect(outcome).toContainText(t.reason);
    await expect(outcome).toContainText(t.comment);
    // Where to appeal: what the sources say (nothing), never a guessed authority; and the way
    // to apply again.
    await expect(outcome.locator('h3')).toHaveText(t.appeal);
    await expect(outcome).toContainText(t.appealUnknown);
    await expect(outcome.locator('a[href$="/apply?new=1"]')).toHaveCount(1);
    const timeline = page.locator('.timeline > li');
    await expect(timeline).toHaveCount(3);
    await expect(timeline.last()).toHaveClass(/timeline__item--refused/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t.downloadRefusal }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`refusal-${certificate.reference}.pdf`);
    // The letter is in both state languages, Kazakh first: the reason in words, never its
    // code, and the officer's own words carried into it.
    const letter = pdfText(fs.readFileSync(await download.path())).toLowerCase();
    for (const language of ['kk', 'ru']) {
      expect(letter).toContain(TEXT[language].reason.toLowerCase());
    }
    expect(letter.indexOf(TEXT.kk.reason.toLowerCase())).toBeLessThan(letter.indexOf(TEXT.ru.reason.toLowerCase()));
    expect(letter).toContain(t.comment.toLowerCase().split(' ').slice(0, 3).join(' '));
    expect(letter).not.toContain('incomplete-package');
    expect(letter).not.toContain('\ufffd');
    await expectNoAxeViolations(page);
    await expectTranslated(page, lang);
    expect(errors).toEqual([]);
  });
}

// On a 360 px phone, signed in as a company with a long name: the header in three rows at
// most, the name on its own row (cut with an ellipsis if need be, whole in its title), and the
// status filter's controls one under another, nothing wider than the screen.
test.describe('the cabinet on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  for (const lang of LANGUAGES) {
    test(`a company's cabinet fits a 360 px screen (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      await signIn(page, '151040100008');
      await open(page, '/cabinet', lang);
      const name = page.locator('.header__account');
      await expect(name).toHaveAttribute('title', /Агро-Защита/);
      // Three rows at most (the name and the languages; the navigation; who is signed in),
      // and the name readable, not cut to a letter.
      const header = await page.locator('header').boundingBox();
      expect(header.height).toBeLessThan(170);
      expect((await name.boundingBox()).width).toBeGreaterThan(160);
      const filter = page.locator('#status-filter');
      await expect(filter).toBeVisible();
      for (const control of [filter, page.getByRole('button', { name: TEXT[lang].filter })]) {
        const box = await control.boundingBox();
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`cabinet-phone-${lang}.png`) });
      expect(errors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
    });
  }
});

test('drafts: resume links, and discarding asks first (kk)', async ({ page, baseURL }) => {
  const t = TEXT.kk;
  await signIn(page, APPLICANTS.kk);
  const server = await draft(page, 'medical-licence', 'vko-health', { contacts: CONTACTS });
  // A draft only this browser has.
  await page.addInitScript(() => window.localStorage.setItem('otinish.draft.end-user-certificate', JSON.stringify({
    service: 'end-user-certificate', sub_case: 'issue', provider: 'mint-industry-committee',
    answers: { contacts: { 'contact-phone': '+77011234567' } },
  })));
  await open(page, '/cabinet', 'kk');
  const drafts = page.locator('section', { has: page.getByRole('heading', { name: t.drafts }) });
  const serverCard = drafts.locator('.card', { has: page.locator(`a[href*="application=${server.id}"]`) });
  const localCard = drafts.locator('.card', { hasText: t.inBrowser });
  await expect(serverCard).toBeVisible();
  await expect(serverCard.getByRole('link', { name: new RegExp(t.resume) }))
    .toHaveAttribute('href', `/services/medical-licence/apply?application=${server.id}`);
  await expect(localCard.getByRole('link', { name: new RegExp(t.resume) })).toHaveAttribute('href', '/services/end-user-certificate/apply');
  await expectNoAxeViolations(page);
  expect(await untranslated(page)).toEqual([]);

  // Asked first; "cancel" keeps it and gives focus back.
  await serverCard.getByRole('button', { name: new RegExp(t.discard) }).click();
  const confirmation = serverCard.locator('.confirm');
  await expect(confirmation).toBeFocused();
  await expectNoAxeViolations(page);
  await confirmation.getByRole('button', { name: t.cancel }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(serverCard.getByRole('button', { name: new RegExp(t.discard) })).toBeFocused();

  await serverCard.getByRole('button', { name: new RegExp(t.discard) }).click();
  await confirmation.getByRole('button', { name: t.confirm }).click();
  await expect(serverCard).toHaveCount(0);
  await expect(page.getByRole('heading', { name: t.drafts })).toBeFocused();
  await call(page, 'GET', `/applications/${server.id}`, {}, [404]);

  await localCard.getByRole('button', { name: new RegExp(t.discard) }).click();
  await localCard.locator('.confirm').getByRole('button', { name: t.confirm }).click();
  await expect(localCard).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem('otinish.draft.end-user-certificate'))).toBeNull();
});

test('another applicant gets nothing: not in the list, not by guessing addresses', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await signIn(page, APPLICANTS.ru);
  const licence = await submittedLicence(page, baseURL);
  const documents = (await call(page, 'GET', `/applications/${licence.id}`)).documents;
  const unsent = await draft(page, 'end-user-certificate', 'mint-industry-committee', { contacts: CONTACTS });

  const context = await browser.newContext({ baseURL, locale: 'ru-RU' });
  const stranger = await context.newPage();
  await signIn(stranger, STRANGER, baseURL);
  for (const path of [
    `/applications/${licence.id}`, `/applications/${licence.id}/history`, `/applications/${licence.id}/payments`,
    `/applications/${licence.id}/result`, `/applications/${licence.id}/documents/${documents[0].id}`,
    `/applications/${unsent.id}`,
  ]) {
    await call(stranger, 'GET', path, {}, [404]);
  }
  await call(stranger, 'DELETE', `/applications/${unsent.id}`, {}, [404]);
  const list = await call(stranger, 'GET', '/applications');
  expect(list.items.map((item) => item.id)).not.toContain(licence.id);

  await open(stranger, `/cabinet/applications/${licence.id}`, 'ru');
  await expect(stranger.locator('main h1')).toHaveText(TEXT.ru.notFound);
  await expect(stranger.locator('main')).not.toContainText(licence.reference);
  await expectNoAxeViolations(stranger);
  await open(stranger, '/cabinet', 'ru');
  await expect(stranger.locator('main')).toContainText(TEXT.ru.noApplications);
  await expect(stranger.locator('main')).not.toContainText(licence.reference);
  await context.close();
  // The owner still has both.
  await call(page, 'GET', `/applications/${unsent.id}`);
});

test('an overdue application stands out (the browser two months on)', async ({ page, baseURL }) => {
  const t = TEXT.ru;
  await signIn(page, APPLICANTS.ru);
  const certificate = await submittedCertificate(page);
  // The provider has ten working days; two months later they are long gone.
  await page.clock.setFixedTime(new Date(Date.now() + 60 * 24 * 3600 * 1000));
  await open(page, '/cabinet', 'ru');
  const card = page.locator('.card', { hasText: certificate.reference });
  await expect(card).toHaveClass(/card--overdue/);
  await expect(card).toContainText(t.overdue);
  await expectNoAxeViolations(page);
  await card.getByRole('link').click();
  await expect(page.locator('main .summary-list').first()).toContainText(t.overdue);
  await expect(page.locator('.timeline__item--current')).toContainText(t.overdue);
});

test('the session ends after a warning, and what was typed is there after signing back in', async ({ page, baseURL }) => {
  const t = TEXT.ru;
  await page.clock.install();
  await signIn(page, IDLE, baseURL);
  const form = '/services/end-user-certificate/apply/page-contacts';
  await open(page, form, 'ru');
  await page.locator('input[type=tel]').fill('8 701 111 22 33');
  // The limit comes from the backend's /config.
  await expect(page.locator('dialog')).toHaveAttribute('data-idle-seconds', '1800');

  // 30 minutes of idleness: the warning comes before the end, and "stay" renews the session.
  await page.clock.fastForward('27:30');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('timer')).toBeVisible();
  await expect(dialog.getByRole('button', { name: t.stay })).toBeFocused();
  await expectNoAxeViolations(page);
  const renewed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.status() === 200);
  await dialog.getByRole('button', { name: t.stay }).click();
  // The session and the browser's cookie both start their half hour again.
  expect(await (await renewed).headerValue('set-cookie')).toContain('Max-Age=1800');
  await expect(dialog).toBeHidden();

  // Left alone again: signed out, told so, and offered to come back to the same page.
  await page.clock.fastForward('29:30');
  await expect(dialog).toContainText(t.ended);
  await expect(page.locator('.header__account')).toHaveCount(0);
  const again = dialog.getByRole('link', { name: t.signInAgain });
  await expect(again).toHaveAttribute('href', /\/sign-in\?next=%2Fservices%2Fend-user-certificate%2Fapply%2Fpage-contacts/);
  await expectNoAxeViolations(page);
  expect((await page.request.get(api('/auth/me'))).status()).toBe(401);

  // Back in (the test sign-in here; signing in with ЭЦП is signing.spec.js's).
  await again.click();
  await page.locator('#test-iin-bin').fill(IDLE);
  await page.locator('.account-test form button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`${form}(\\?lang=ru)?$`));
  await expect(page.locator('input[type=tel]')).toHaveValue('8 701 111 22 33');
});
