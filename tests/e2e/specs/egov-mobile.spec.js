// Signing and signing in with eGov mobile, against a fake phone app
// (tests/e2e/fake-egov-mobile.js) that reads the QR code from the page's pixels, follows
// API №1 and №2 as the app does and signs with the test PKI's keys; the backend verifies
// every signature in full (chain, key usage, whose key, OCSP from the real responder of
// global-setup.js). On a computer the page shows the QR code; on a phone (360×780, touch,
// mobile emulation) the link that opens the app comes first, and its inner link is what the
// fake follows. Each state is checked with axe and photographed, in Russian and Kazakh.
const { test, expect } = require('@playwright/test');
const { scanQr, api1Of, api1OfAppLink, signOnPhone } = require('../fake-egov-mobile');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors, untranslated, signIn, readyApplication, api } = require('./helpers');

test.describe.configure({ mode: 'default' });

const PERSON = '850314300003';
// A seeded company whose head's employee key (ИИН + OU=BIN) the test PKI holds.
const COMPANY = '050440000002';
const SERVICE = 'end-user-certificate';

const TEXT = {
  ru: {
    showQr: 'Показать QR-код', startPhone: 'Подписать в eGov mobile', newCode: 'Получить новый QR-код',
    signInTitle: 'Войти через eGov mobile', open: 'Открыть eGov mobile', mismatch: 'ЭЦП выдана на другой ИИН/БИН',
    expired: 'Время на подписание истекло', digest: 'Подписано не это заявление', done: 'Заявление отправлено',
    cancel: 'Отменить', signInCancelled: 'Вход через eGov mobile отменён', openBusiness: 'Открыть eGov Business',
  },
  kk: {
    showQr: 'QR-кодты көрсету', startPhone: 'eGov mobile арқылы қол қою', newCode: 'Жаңа QR-код алу',
    signInTitle: 'eGov mobile арқылы кіру', open: 'eGov mobile қолданбасын ашу', mismatch: 'ЭЦҚ басқа ЖСН/БСН бойынша берілген',
    expired: 'Қол қою уақыты өтіп кетті', digest: 'Бұл өтінішке қол қойылмаған', done: 'Өтініш жіберілді',
    cancel: 'Бас тарту', signInCancelled: 'eGov mobile арқылы кіруден бас тартылды', openBusiness: 'eGov Business қолданбасын ашу',
  },
};

const DEVICES = {
  computer: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true },
};

/** Each state's screen: axe, no untranslated text in Kazakh, and a screenshot. */
async function checkScreen(page, lang, name) {
  await expectNoAxeViolations(page);
  if (lang === 'kk') expect(await untranslated(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`${name}-${lang}.png`), fullPage: true });
}

/**
 * Starts a session with the page's button and reads it as the phone would: on a computer
 * from the QR code's pixels; on a phone from the same-device link (checked to be the exact
 * mgovsign.page.link form), after checking that the QR code below it says the same.
 */
async function startSession(page, lang, device, button) {
  // The browser's poll secret, from the backend's answer, for the test-mode hook `expire`.
  const started = page.waitForResponse((r) => r.request().method() === 'POST' && /\/egov-mobile$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: button }).click();
  const { poll } = await (await started).json();
  const image = page.locator('.egov-mobile__qr img');
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('alt', /.+/);
  const fromQr = api1Of(await scanQr(image));
  polls.set(fromQr, poll);
  if (device !== 'phone') return fromQr;
  const link = page.getByRole('link', { name: TEXT[lang].open, exact: true });
  const href = await link.getAttribute('href');
  expect(href).toBe(`https://mgovsign.page.link/?link=${encodeURIComponent(fromQr)}&isi=1476128386&ibi=kz.egov.mobile&apn=kz.mobile.mgov`);
  const api1 = api1OfAppLink(href);
  polls.set(api1, poll);
  return api1;
}

// The poll secret of each session started, by its API №1 URL.
const polls = new Map();

/**
 * Ends the session of `api1` now, as if its minutes were over: the contract's test-mode hook
 * (`POST /egov-mobile/expire`), so that any backend in test mode can be tested alike.
 */
async function expire(request, api1) {
  const response = await request.post(api('/egov-mobile/expire'), { data: { poll: polls.get(api1) } });
  expect(response.status(), await response.text()).toBe(204);
}

/** The outcome screen titled `heading`, focused so that a screen reader reads it. */
async function expectOutcome(page, heading) {
  const title = page.locator('.signer-outcome__title');
  await expect(title).toHaveText(heading, { timeout: 10_000 });
  await expect(title).toBeFocused();
}

for (const [device, use] of Object.entries(DEVICES)) {
  test.describe(`on a ${device}`, () => {
    test.use(use);

    for (const lang of LANGUAGES) {
      test(`an application signed in eGov mobile: another person refused in words, an expired code renewed, then submitted (${device}, ${lang})`, async ({ page }) => {
        const errors = watchErrors(page);
        const t = TEXT[lang];
        const start = device === 'phone' ? t.startPhone : t.showQr;
        await signIn(page, PERSON);
        const id = await readyApplication(page);
        await open(page, `/services/${SERVICE}/apply/sign?application=${id}`, lang);
        await expect(page.getByRole('button', { name: start })).toBeVisible();
        await checkScreen(page, lang, `${device}-sign-choice`);

        // Another person's key: the phone hears 403 in words, the page shows the refusal.
        let api1 = await startSession(page, lang, device, start);
        await checkScreen(page, lang, `${device}-sign-waiting`);
        const wrong = await signOnPhone(page.request, api1, { mode: 'wrong-person', language: lang });
        expect(wrong.put.status).toBe(403);
        expect(wrong.put.body.code).toBe('signer-mismatch');
        expect(wrong.put.body.message).not.toContain('signer-mismatch');
        await expectOutcome(page, t.mismatch);
        await checkScreen(page, lang, `${device}-sign-refused`);

        // A new code, left to expire: the phone is told so, the page offers a new one.
        api1 = await startSession(page, lang, device, t.newCode);
        await expire(page.request, api1);
        const late = await signOnPhone(page.request, api1, { language: lang });
        expect(late.api1.status).toBe(410);
        expect(late.api1.body.message).toBeTruthy();
        await expectOutcome(page, t.expired);
        await checkScreen(page, lang, `${device}-sign-expired`);

        // Renewed and signed: the application is submitted with the phone's CMS.
        api1 = await startSession(page, lang, device, t.newCode);
        const signed = await signOnPhone(page.request, api1, { language: lang });
        expect(signed.put.status).toBe(200);
        await expect(page).toHaveURL(/\/apply\/done/, { timeout: 15_000 });
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.done);
        const application = await (await page.request.get(`/api/v1/applications/${id}`)).json();
        expect(application.status).toBe('delivered');
        expect(errors.filter((e) => !/status of 40[134]/.test(e))).toEqual([]);
      });

      test(`signing in with eGov mobile, and a cancelled and a tampered code (${device}, ${lang})`, async ({ page }) => {
        const t = TEXT[lang];
        await open(page, '/sign-in?next=/cabinet', lang);
        await expect(page.getByRole('heading', { name: t.signInTitle })).toBeVisible();
        const button = page.getByRole('button', { name: device === 'phone' ? t.signInTitle : t.showQr });
        await checkScreen(page, lang, `${device}-sign-in`);

        // Cancelled in the browser: closed to the phone too.
        await button.click();
        await expect(page.locator('.egov-mobile__qr img')).toBeVisible();
        const cancelledApi1 = api1Of(await scanQr(page.locator('.egov-mobile__qr img')));
        await page.getByRole('button', { name: t.cancel }).click();
        await expectOutcome(page, t.signInCancelled);
        await checkScreen(page, lang, `${device}-sign-in-cancelled`);
        const closed = await signOnPhone(page.request, cancelledApi1, { language: lang });
        expect(closed.api1.status).toBe(409);

        // Tampered bytes: refused as a signature over something else.
        let api1 = await startSession(page, lang, device, t.newCode);
        const tampered = await signOnPhone(page.request, api1, { mode: 'tampered', language: lang });
        expect(tampered.put.status).toBe(403);
        expect(tampered.put.body.code).toBe('digest-mismatch');
        await expect(page.locator('.signer-outcome__title')).toBeVisible({ timeout: 10_000 });
        await checkScreen(page, lang, `${device}-sign-in-refused`);

        // Signed with the authentication key: this browser is signed in.
        api1 = await startSession(page, lang, device, t.newCode);
        const signed = await signOnPhone(page.request, api1, { language: lang, signInAs: PERSON });
        expect(signed.put.status).toBe(200);
        await expect(page).toHaveURL(/\/cabinet/, { timeout: 15_000 });
      });
    }
  });
}

test.describe('a company on a phone', () => {
  test.use(DEVICES.phone);

  for (const lang of LANGUAGES) {
    test(`a company's application is signed in eGov Business, the app for legal entities (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      const t = TEXT[lang];
      await signIn(page, COMPANY);
      const id = await readyApplication(page);
      await open(page, `/services/${SERVICE}/apply/sign?application=${id}`, lang);
      const started = page.waitForResponse((r) => r.request().method() === 'POST' && /\/egov-mobile$/.test(new URL(r.url()).pathname));
      await page.getByRole('button', { name: t.startPhone }).click();
      const { qr_text: qrText } = await (await started).json();
      // A legal entity signs in eGov Business: its link alone, not eGov mobile's.
      const link = page.getByRole('link', { name: t.openBusiness, exact: true });
      await expect(link).toBeVisible();
      await expect(page.getByRole('link', { name: t.open, exact: true })).toHaveCount(0);
      const href = await link.getAttribute('href');
      const fromQr = api1Of(await scanQr(page.locator('.egov-mobile__qr img')));
      expect(fromQr).toBe(api1Of(qrText));
      expect(href).toBe(`https://egovbusiness.page.link/?link=${encodeURIComponent(fromQr)}&isi=1597880144&ibi=kz.mobile.mgov.business&apn=kz.mobile.mgov.business`);
      await checkScreen(page, lang, 'company-phone-sign-waiting');

      // The employee's key carries the company's БИН: accepted, and the application is sent.
      const signed = await signOnPhone(page.request, api1OfAppLink(href), { language: lang });
      expect(signed.put.status, JSON.stringify(signed.put.body)).toBe(200);
      await expect(page).toHaveURL(/\/apply\/done/, { timeout: 15_000 });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.done);
      expect(errors.filter((e) => !/status of 40[134]/.test(e))).toEqual([]);
    });
  }
});
