// Signing in and signing with ЭЦП through NCALayer, against a fake NCALayer that speaks its
// JSON protocol and makes real detached CMS signatures with the test PKI's keys
// (tests/e2e/fake-ncalayer.js, scripts/test-pki), which the backend verifies in full: the
// signature, the chain to the test trust store, key usage, and OCSP from a real responder
// (global-setup.js). The app finds the fake through config.json's ncalayerUrl, which
// playwright.config.js points at E2E_NCALAYER_PORT.
//
// The application is made ready through the API (a free end-user certificate needs only the
// contacts), then opened at its sign step with ?application=, as from the cabinet.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { startFakeNcaLayer, STRANGER_IIN } = require('../fake-ncalayer');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors, untranslated, api, readyApplication } = require('./helpers');

// One fake on one port for the whole file: its tests run one after another in one worker.
test.describe.configure({ mode: 'default' });
test.use({ viewport: { width: 360, height: 800 } });

const PERSON = '850314300003';
const SERVICE = 'end-user-certificate';
const NCALAYER_PORT = Number(process.env.E2E_NCALAYER_PORT);
// The token the e2e backend is started with (playwright.config.js).
const OFFICER = { Authorization: 'Bearer e2e-officer-token' };

const SUBMIT = { ru: 'Подписать и отправить', kk: 'Қол қою және жіберу' };
const FILE = { ru: 'Файл на компьютере', kk: 'Компьютердегі файл' };
const DONE = { ru: 'Заявление отправлено', kk: 'Өтініш жіберілді' };

let fake;
/**
 * The applicant's session cookies (the test sign-in), made once a run and kept in a file for
 * the workers that follow a failed test. Signing in with ЭЦП has tests of its own below.
 */
let cookies;
const SESSION_FILE = path.join(process.env.E2E_DATA_DIR || '', 'signing-session.json');
test.beforeAll(async ({ playwright }) => {
  fake = await startFakeNcaLayer({ port: NCALAYER_PORT });
  if (fs.existsSync(SESSION_FILE)) {
    cookies = JSON.parse(fs.readFileSync(SESSION_FILE, 'utf8'));
    return;
  }
  const api = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT || 8099}` });
  const signedIn = await api.post('/api/v1/auth/test-sign-in', { data: { iin_bin: PERSON } });
  expect(signedIn.status()).toBeLessThan(300);
  ({ cookies } = await api.storageState());
  fs.writeFileSync(SESSION_FILE, JSON.stringify(cookies));
  await api.dispose();
});
test.afterAll(async () => {
  if (fake) await fake.close();
});

/** Signs the page in as PERSON, as an applicant who signed in before would be. */
async function signIn(page) {
  await page.context().addCookies(cookies);
  await page.addInitScript(() => localStorage.setItem('otinish.signed-in', '1'));
}

/**
 * Opens the application at its sign step, once the draft is taken from the backend (the
 * wizard does not send back answers the backend already holds, so nothing races the
 * signature for the answers' version).
 */
async function openSignStep(page, lang, id) {
  const adopted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/applications/${id}`) && r.ok());
  await open(page, `/services/${SERVICE}/apply/sign?application=${id}`, lang);
  await adopted;
  // The adopted draft is in the browser once it is saved there.
  await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{}').remote?.id, `otinish.draft.${SERVICE}`)).toBe(id);
  await expect(page.getByRole('radio', { name: FILE[lang] })).toBeVisible();
}

/** Chooses the key file (by its label, as a person would) and presses "Sign and send". */
async function signWithFile(page, lang) {
  await page.getByText(FILE[lang], { exact: true }).click();
  await expect(page.getByRole('radio', { name: FILE[lang] })).toBeChecked();
  await page.getByRole('button', { name: SUBMIT[lang] }).click();
}

async function statusOf(page, id) {
  const response = await page.request.get(`/api/v1/applications/${id}`);
  return (await response.json()).status;
}

/** What the backend stored as the application's signature, as the officer API shows it. */
async function storedSignature(page, id) {
  const response = await page.request.get(api(`/officer/applications/${id}`), { headers: OFFICER });
  expect(response.status()).toBe(200);
  const { signature } = await response.json();
  return { method: signature.method, cms: Buffer.from(signature.cms || '', 'base64') };
}

/** Each state's screen: axe, no untranslated text in Kazakh, and a 360 px screenshot. */
async function checkScreen(page, lang, name) {
  await expectNoAxeViolations(page);
  if (lang === 'kk') expect(await untranslated(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`${name}-${lang}.png`), fullPage: true });
}

/** A signed-in applicant on the sign step of a new, complete application: its id. */
async function atSignStep(page, lang) {
  await signIn(page);
  const id = await readyApplication(page);
  await openSignStep(page, lang, id);
  return id;
}

/**
 * Signs (`again`: with the button the outcome screen leaves, as the applicant would retry)
 * and expects the outcome screen titled `heading`, focused so that it is read out, then
 * checks the screen as `name`. The application stays a draft.
 */
async function expectOutcome(page, lang, id, { heading, name, again = false }) {
  if (again) await page.getByRole('button', { name: SUBMIT[lang] }).click();
  else await signWithFile(page, lang);
  const title = page.locator('.signer-outcome__title');
  await expect(title).toHaveText(heading[lang]);
  await expect(title).toBeFocused();
  await checkScreen(page, lang, name);
  expect(await statusOf(page, id)).toBe('draft');
}

/** Signs again from an outcome screen, and expects the confirmation. */
async function retrySucceeds(page, lang, id) {
  await page.getByRole('button', { name: SUBMIT[lang] }).click();
  await expect(page).toHaveURL(/\/apply\/done/);
  expect(await statusOf(page, id)).toBe('delivered');
}

for (const lang of LANGUAGES) {
  test(`the CMS NCALayer makes is submitted and stored as it came (${lang})`, async ({ page }) => {
    const errors = watchErrors(page);
    fake.mode = 'success';
    const id = await atSignStep(page, lang);
    await checkScreen(page, lang, 'choice');

    const asked = fake.requests.length;
    await signWithFile(page, lang);
    await expect(page.locator('main h1')).toHaveText(DONE[lang]);
    await expect(page).toHaveURL(new RegExp(`/services/${SERVICE}/apply/done`));
    await checkScreen(page, lang, 'success');

    // NCALayer was asked for a detached CMS over the signing data, from a key file, in the
    // applicant's language.
    expect(fake.requests.length).toBe(asked + 1);
    const request = fake.requests[asked];
    expect(request.args.allowedStorages).toEqual(['PKCS12']);
    expect(request.args.locale).toBe(lang);
    const signed = JSON.parse(Buffer.from(request.args.data, 'base64').toString('utf8'));
    expect(signed.application).toBe(id);

    expect(await statusOf(page, id)).toBe('delivered');
    const stored = await storedSignature(page, id);
    expect(stored.method).toBe('cms');
    expect(stored.cms.equals(Buffer.from(fake.signatures.get(id), 'base64'))).toBe(true);
    expect(stored.cms.includes(Buffer.from(`IIN${PERSON}`))).toBe(true);
    expect(errors).toEqual([]);
  });

  test(`cancelling in NCALayer leaves the application unsigned (${lang})`, async ({ page }) => {
    fake.mode = 'cancel';
    const id = await atSignStep(page, lang);
    await expectOutcome(page, lang, id, {
      heading: { ru: 'Подписание отменено', kk: 'Қол қоюдан бас тартылды' },
      name: 'cancelled',
    });
    fake.mode = 'success';
    await retrySucceeds(page, lang, id);
  });

  test(`without NCALayer running the page says what to install and start (${lang})`, async ({ page }) => {
    await fake.close();
    try {
      const id = await atSignStep(page, lang);
      await expectOutcome(page, lang, id, {
        heading: { ru: 'NCALayer не запущен', kk: 'NCALayer іске қосылмаған' },
        name: 'not-running',
      });
      await expect(page.getByRole('link', { name: 'ncl.pki.gov.kz' })).toHaveAttribute('href', 'https://ncl.pki.gov.kz/');
      fake = await startFakeNcaLayer({ port: NCALAYER_PORT });
      await retrySucceeds(page, lang, id);
    } finally {
      if (fake.closed) fake = await startFakeNcaLayer({ port: NCALAYER_PORT });
    }
  });

  test(`a key of another ИИН is refused by the backend, in words (${lang})`, async ({ page }) => {
    fake.mode = 'mismatch';
    const id = await atSignStep(page, lang);
    await expectOutcome(page, lang, id, {
      heading: { ru: 'ЭЦП выдана на другой ИИН/БИН', kk: 'ЭЦҚ басқа ЖСН/БСН бойынша берілген' },
      name: 'mismatch',
    });
    expect(Buffer.from(fake.signatures.get(id), 'base64').includes(Buffer.from(`IIN${STRANGER_IIN}`))).toBe(true);
  });

  test(`a revoked certificate is refused by the backend after asking OCSP, in words (${lang})`, async ({ page }) => {
    fake.mode = 'revoked';
    const id = await atSignStep(page, lang);
    await expectOutcome(page, lang, id, {
      heading: { ru: 'Сертификат ЭЦП отозван', kk: 'ЭЦҚ тіркеу куәлігі кері қайтарып алынған' },
      name: 'revoked',
    });
    expect(fake.keys.at(-1)).toBe(`revoked-${PERSON}-sign`);
    // The authentication key is not for signing applications.
    fake.mode = 'wrong-key';
    await expectOutcome(page, lang, id, {
      heading: { ru: 'Выбран ключ для входа, а не для подписи', kk: 'Қол қоюға емес, кіруге арналған кілт таңдалған' },
      name: 'wrong-key',
      again: true,
    });
    fake.mode = 'success';
    await retrySucceeds(page, lang, id);
  });

  test(`a key that cannot sign, and an expired certificate (${lang})`, async ({ page }) => {
    fake.mode = 'wrong-certificate';
    const id = await atSignStep(page, lang);
    await expectOutcome(page, lang, id, {
      heading: { ru: 'Не удалось подписать выбранным ключом', kk: 'Таңдалған кілтпен қол қою мүмкін болмады' },
      name: 'wrong-certificate',
    });
    fake.mode = 'expired';
    await expectOutcome(page, lang, id, {
      heading: { ru: 'Срок действия сертификата ЭЦП истёк', kk: 'ЭЦҚ тіркеу куәлігінің қолданылу мерзімі өтіп кеткен' },
      name: 'expired',
      again: true,
    });
  });
}

// ── Signing in with ЭЦП ─────────────────────────────────────────────────────────────────

const SIGN_IN = { ru: 'Войти с ЭЦП', kk: 'ЭЦҚ-мен кіру' };
const NAME = 'Абенов Нурлан Серикович';

/** On the sign-in page (no session), signs in with the key file through NCALayer. */
async function signInWithEcp(page, lang, next = '/cabinet') {
  await open(page, `/sign-in?next=${next}`, lang);
  await page.getByText(FILE[lang], { exact: true }).click();
  await expect(page.getByRole('radio', { name: FILE[lang] })).toBeChecked();
  await page.getByRole('button', { name: SIGN_IN[lang] }).click();
}

for (const lang of LANGUAGES) {
  test(`signing in with ЭЦП: the authentication key signs the challenge, the backend verifies it (${lang})`, async ({ page }) => {
    const errors = watchErrors(page);
    fake.mode = 'success';
    fake.signInAs = PERSON;
    await open(page, '/sign-in', lang);
    await checkScreen(page, lang, 'sign-in');
    const asked = fake.requests.length;
    await signInWithEcp(page, lang);
    await expect(page).toHaveURL(/\/cabinet$/);
    await expect(page.locator('.header__account')).toHaveText(NAME);
    // NCALayer was asked for the authentication key (TLS client) over the backend's challenge.
    const request = fake.requests[asked];
    expect(request.args.signerParams.extKeyUsageOids).toEqual(['1.3.6.1.5.5.7.3.2']);
    const challenge = JSON.parse(Buffer.from(request.args.data, 'base64').toString('utf8'));
    expect(challenge.format).toBe('otinish-sign-in/1');
    expect(fake.keys.at(-1)).toBe(`${PERSON}-auth`);
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  test(`signing in with a revoked certificate, and with the signing key, is refused in words (${lang})`, async ({ page }) => {
    fake.signInAs = PERSON;
    fake.mode = 'revoked';
    await signInWithEcp(page, lang);
    const title = page.locator('.signer-outcome__title');
    await expect(title).toHaveText({ ru: 'Сертификат ЭЦП отозван', kk: 'ЭЦҚ тіркеу куәлігі кері қайтарып алынған' }[lang]);
    await expect(title).toBeFocused();
    await checkScreen(page, lang, 'sign-in-revoked');
    await expect(page).toHaveURL(/\/sign-in/);
    fake.mode = 'wrong-key';
    await page.getByRole('button', { name: SIGN_IN[lang] }).click();
    await expect(title).toHaveText({ ru: 'Выбран ключ для подписи, а не для входа', kk: 'Кіруге емес, қол қоюға арналған кілт таңдалған' }[lang]);
    await checkScreen(page, lang, 'sign-in-wrong-key');
    fake.mode = 'success';
    await page.getByRole('button', { name: SIGN_IN[lang] }).click();
    await expect(page).toHaveURL(/\/cabinet$/);
  });

  test(`a whole journey with ЭЦП: signed in and the application signed with the test PKI, both verified (${lang})`, async ({ page }) => {
    fake.mode = 'success';
    fake.signInAs = PERSON;
    await signInWithEcp(page, lang);
    await expect(page).toHaveURL(/\/cabinet$/);
    // The session the ЭЦП sign-in began carries the draft through to submission.
    const id = await readyApplication(page);
    await openSignStep(page, lang, id);
    await signWithFile(page, lang);
    await expect(page.locator('main h1')).toHaveText(DONE[lang]);
    expect(await statusOf(page, id)).toBe('delivered');
    expect(fake.keys.slice(-2)).toEqual([`${PERSON}-auth`, `${PERSON}-sign`]);
    const stored = await storedSignature(page, id);
    expect(stored.cms.equals(Buffer.from(fake.signatures.get(id), 'base64'))).toBe(true);
  });

  test(`an employee signs in with ЭЦП to the company's account (${lang})`, async ({ page }) => {
    fake.mode = 'success';
    fake.signInAs = '050440000002';
    try {
      await signInWithEcp(page, lang);
      await expect(page).toHaveURL(/\/cabinet$/);
      await expect(page.locator('.header__account')).toHaveText('ТОО «Медицинский центр Шипагер»');
    } finally {
      fake.signInAs = PERSON;
    }
  });
}
