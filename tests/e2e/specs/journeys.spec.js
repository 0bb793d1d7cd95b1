// Whole journeys, from the catalog to the confirmation, against the reference backend: one
// service of each kind in both languages, paid and free, a declined then retried payment, a
// reload and an outage halfway, a submission under injected network failures, and a
// keyboard-only journey. Every page on the way is scanned by axe (and, in Kazakh, for
// untranslated text).
const { test, expect } = require('@playwright/test');
const { LANGUAGES, tabTo, open, appReady, expectNoAxeViolations, watchErrors, untranslated, signIn, api, settlePayment } = require('./helpers');

const TEXT = {
  ru: {
    start: 'Начать', next: 'Продолжить', checkOk: 'Всё верно, продолжить', pay: 'Перейти к оплате', retry: 'Оплатить ещё раз', paid: 'Сбор оплачен', testSigner: 'Тестовая подпись', sign: 'Подписать и отправить', done: 'Заявление отправлено', declined: 'Платёж не прошёл',
    result: { licence: 'Результат — лицензию', permit: 'Результат — разрешение', certificate: 'Результат — сертификат', conclusion: 'Результат — заключение' },
    notify: 'Мы не присылаем сообщений по SMS или электронной почте', print: 'Распечатать или сохранить эту страницу',
    feeDue: 'Ставку для вашего вида деятельности мы не нашли', feeChoose: 'Выберите, как вы уплатите сбор', feeWhole: 'Введите сумму в целых тенге', byGateway: 'оплата через платёжный шлюз', byReceipt: 'Уплачен в банке или через терминал',
  },
  kk: {
    start: 'Бастау', next: 'Жалғастыру', checkOk: 'Бәрі дұрыс, жалғастыру', pay: 'Төлеуге өту', retry: 'Қайта төлеу', paid: 'Алым төленді', testSigner: 'Сынақ қолтаңбасы', sign: 'Қол қою және жіберу', done: 'Өтініш жіберілді', declined: 'Төлем өтпеді',
    result: { licence: 'Нәтижені — лицензияны', permit: 'Нәтижені — рұқсатты', certificate: 'Нәтижені — сертификатты', conclusion: 'Нәтижені — қорытындыны' },
    notify: 'Біз SMS немесе электрондық пошта арқылы хабарлама жібермейміз', print: 'Осы бетті басып шығару немесе сақтау',
    feeDue: 'қызмет түріңіз бойынша мөлшерлеме бірде-бір дереккөзде табылмады', feeChoose: 'Алымды қалай төлейтініңізді таңдаңыз', feeWhole: 'Соманы бүтін теңгемен', byGateway: 'төлем шлюзі арқылы төленеді', byReceipt: 'Банкте немесе терминал арқылы төленді',
  },
};

/** The amount an applicant enters for a licence fee whose rate no source gives. */
const ENTERED = '30 000';
const ENTERED_SHOWN = '30\u00a0000\u00a0₸';

// Accounts from the seeded test registry that no spec signs up through the form; their
// sessions are shared by the run (helpers.signIn).
const PERSON = '870615300102';
const OTHER_PERSON = '930920400100';
const COMPANY = '081140000005';

/** A small but real PDF: the backend judges files by their first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function scan(page, lang) {
  await expectNoAxeViolations(page);
  if (lang === 'kk') expect(await untranslated(page), page.url()).toEqual([]);
}

/** Answers every visible question of a form page with something valid for its kind. */
async function answerPage(page) {
  for (const input of await page.locator('main form input.input, main form textarea').all()) {
    if ((await input.inputValue()) !== '') continue;
    const type = await input.getAttribute('type');
    const name = (await input.getAttribute('name')) || '';
    let value = 'Өскемен қаласы, Абай даңғылы, 64';
    if (type === 'tel') value = '8 (701) 234-56-78';
    else if (type === 'email') value = 'applicant@example.kz';
    // The date input's three boxes: day, month, year.
    else if (name.endsWith('-day')) value = '15';
    else if (name.endsWith('-month')) value = '1';
    else if (name.endsWith('-year')) value = '2020';
    else if (name.includes('postcode')) value = '070000';
    else if (name.includes('number') || name.includes('quantity')) value = '12';
    await input.fill(value);
  }
  for (const group of await page.locator('main form .checkboxes').all()) {
    if (await group.locator('input:checked').count()) continue;
    const first = group.locator('label').first();
    if (await first.count()) await first.click();
  }
  for (const select of await page.locator('main form select').all()) {
    if ((await select.inputValue()) === '') await select.selectOption({ index: 1 });
  }
}

/**
 * Walks the wizard from wherever it is to the confirmation, answering each step. Options:
 * `subCase`, `decline` (decline the first payment, then retry), `onPage` (called on each
 * step's address before answering it).
 */
async function walk(page, lang, options = {}) {
  const t = TEXT[lang];
  const seen = [];
  for (let guard = 0; guard < 25; guard += 1) {
    await expect(page.locator('main h1')).toBeVisible();
    const url = new URL(page.url());
    const step = url.pathname.split('/').pop();
    if (step === 'done') return seen;
    if (!seen.includes(step)) {
      seen.push(step);
      await scan(page, lang);
    }
    if (options.onPage) await options.onPage(step);
    const next = page.getByRole('button', { name: t.next, exact: true });
    if (step === 'case') {
      await page.locator(`label[for="choice-${options.subCase || 'issue'}"]`).click();
      await next.click();
    } else if (step === 'targets') {
      await page.locator('label[for="choice-licence"]').click();
      await next.click();
    } else if (step === 'provider') {
      if (!(await page.locator('main input[type=radio]:checked').count())) {
        await page.locator('main .checkboxes label').first().click();
      }
      await next.click();
    } else if (step === 'applicant') {
      await next.click();
    } else if (step.startsWith('page-')) {
      await answerPage(page);
      await next.click();
    } else if (step === 'fee') {
      await settleFee(page, t, options.fee);
      await next.click();
    } else if (step === 'documents') {
      for (const input of await page.locator('main input[type=file]').all()) {
        const slot = input.locator('xpath=ancestor::div[contains(@class, "document-slot")]');
        if (await slot.locator('.attachment').count()) continue;
        await input.setInputFiles({ name: 'құжат.pdf', mimeType: 'application/pdf', buffer: PDF });
        await expect(slot.locator('.attachment')).toHaveCount(1);
      }
      await next.click();
    } else if (step === 'check') {
      await page.getByRole('button', { name: t.checkOk }).click();
    } else if (step === 'payment') {
      await pay(page, t, options.decline);
      options.decline = false;
    } else if (step === 'sign') {
      // Nothing is chosen for the applicant (test mode: the test signer, by its label).
      await page.getByText(t.testSigner, { exact: true }).click();
      await expect(page.getByRole('radio', { name: t.testSigner })).toBeChecked();
      await page.getByRole('button', { name: t.sign }).click();
      await expect(page).toHaveURL(/\/apply\/done$/, { timeout: 20_000 });
      continue;
    }
    // Each step moves on, or the page shows why not (then the next round answers again).
    await expect.poll(() => new URL(page.url()).pathname.split('/').pop() !== step
      || page.locator('.error-summary').isVisible()).toBe(true);
  }
  throw new Error(`the journey did not end: ${seen.join(' → ')}`);
}

/**
 * A licence fee whose rate no source gives: the page says it is due and set by the provider,
 * shows the budget codes, and takes a way (validated on Continue): `gateway` with an amount
 * (a wrong one first), or `receipt`.
 */
async function settleFee(page, t, way) {
  const main = page.locator('main');
  await expect(main).toContainText(t.feeDue);
  await expect(main).toContainText('105402');
  await expect(main).toContainText('911');
  await expect(main.locator('input[type=radio]:checked')).toHaveCount(0);
  await page.getByRole('button', { name: t.next, exact: true }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText(t.feeChoose);
  await expectNoAxeViolations(page);
  if (way === 'receipt') {
    await page.locator('label[for="fee-way-receipt"]').click();
    return;
  }
  await page.locator('label[for="fee-way-gateway"]').click();
  await page.locator('#fee-tenge').fill('30 000,50');
  await page.getByRole('button', { name: t.next, exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText(t.feeWhole);
  await page.locator('.error-summary a').first().click();
  await expect(page.locator('#fee-tenge')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.locator('#fee-tenge').fill(ENTERED);
}

/**
 * Presses Pay and follows the app to the gateway the backend named; the gateway's callback
 * then reports `outcome` (helpers.settlePayment: the contract's test mode, never the
 * backend's own gateway page), and the browser comes back to the address the app gave.
 */
async function payAtGateway(page, t, outcome) {
  const creating = page.waitForRequest((r) => r.method() === 'POST' && /\/payments$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: t.pay }).click();
  const request = await creating;
  const { return_url: back } = request.postDataJSON();
  // The answer's body is gone once the browser has left for the gateway: the payment is the
  // application's newest, read through the API.
  await page.waitForURL((url) => !url.pathname.includes('/apply/'));
  const listed = await page.request.get(request.url());
  expect(listed.status(), await listed.text()).toBe(200);
  const [payment] = (await listed.json()).items;
  expect(payment.status).toBe('pending');
  expect(page.url()).toBe(payment.redirect_url);
  await settlePayment(page.request, payment, outcome);
  await page.goto(back);
  // Back from the gateway, the host's fallback page (the prerendered catalog, hidden) is
  // there until the app draws: wait for the app before reading the page.
  await expect(page).toHaveURL(/\/apply\//);
  await appReady(page);
}

/** Pays at the gateway; with `decline`, declines first and then retries. */
async function pay(page, t, decline) {
  await expect(page.getByRole('button', { name: t.pay })).toBeVisible();
  if (decline) {
    await payAtGateway(page, t, 'declined');
    await expect(page.locator('main h2')).toHaveText(t.declined);
    await expectNoAxeViolations(page);
    await expect(page.getByRole('button', { name: t.retry })).toBeVisible();
  }
  await payAtGateway(page, decline ? { pay: t.retry } : t, 'paid');
  await expect(page.locator('.panel__title')).toHaveText(t.paid);
  await expect(page.locator('main')).toContainText('105402');
  await expectNoAxeViolations(page);
  // Back after paying never pays twice: the page shows the receipt, not the button.
  await page.goBack();
  await page.goForward();
  await expect(page.locator('.panel__title')).toHaveText(t.paid);
  await expect(page.getByRole('button', { name: t.pay })).toHaveCount(0);
  await page.getByRole('button', { name: t.next, exact: true }).click();
}

/** Opens the catalog, finds the service by its link, and starts. */
async function startFromCatalog(page, lang, service) {
  await open(page, '/', lang);
  await page.locator(`main a[href^="/services/${service}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/services/${service}`));
  await page.getByRole('button', { name: TEXT[lang].start }).click();
}

/** The confirmation: a reference number, and the application in the cabinet's API. */
/** What each service gives, as the confirmation words it ("a permit is not a licence"). */
const KIND = { 'medical-licence': 'licence', 'pesticides-licence': 'licence', 'mining-chemical-licence': 'licence', 'pharmaceutical-licence': 'licence', 'controlled-transit-permit': 'permit', 'end-user-certificate': 'certificate', 'export-control-conclusion': 'conclusion' };

/**
 * The confirmation: its reference number, the result named as what the service gives, how
 * the applicant hears of the outcome, and a button that prints the page (the browser's print
 * dialog itself is not the app's, so it is only counted).
 */
async function expectConfirmation(page, lang, service = 'end-user-certificate') {
  const t = TEXT[lang];
  await expect(page.locator('.panel__title')).toHaveText(t.done);
  const reference = (await page.locator('.reference-number').innerText()).trim();
  expect(reference).toMatch(/^[A-HJ-NPR-Y2-9]{8}$/);
  await expect(page.locator('main')).toContainText(t.result[KIND[service]]);
  for (const other of Object.values(t.result).filter((words) => words !== t.result[KIND[service]])) {
    await expect(page.locator('main')).not.toContainText(other);
  }
  await expect(page.locator('main')).toContainText(t.notify);
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.getByRole('button', { name: t.print }).click();
  expect(await page.evaluate(() => window.printed)).toBe(1);
  await scan(page, lang);
  return reference;
}

const JOURNEYS = [
  { kind: 'licence issue (paid, declined then retried)', service: 'medical-licence', subCase: 'issue', account: PERSON, decline: true },
  { kind: 'licence reissue (paid)', service: 'pesticides-licence', subCase: 'reissue', account: COMPANY },
  { kind: 'licence duplicate (paid)', service: 'mining-chemical-licence', subCase: 'duplicate', account: PERSON },
  { kind: 'permit (no fee paid here)', service: 'controlled-transit-permit', account: COMPANY },
  { kind: 'end-user certificate (no fee paid here)', service: 'end-user-certificate', account: PERSON },
  { kind: 'conclusion (no fee paid here)', service: 'export-control-conclusion', account: COMPANY },
  // A licence fee whose rate no source gives: paid in the amount the provider set, or by a
  // receipt of a payment made elsewhere, and "check your answers" says which.
  { kind: 'licence fee without a sourced rate, paid in the amount entered', service: 'pharmaceutical-licence', subCase: 'duplicate', account: PERSON, fee: 'gateway', pays: true, check: (t) => [t.byGateway, ENTERED_SHOWN] },
  { kind: 'licence fee without a sourced rate, settled by a receipt', service: 'pharmaceutical-licence', subCase: 'duplicate', account: OTHER_PERSON, fee: 'receipt', pays: false, check: (t) => [t.byReceipt] },
];

for (const lang of ['ru', 'kk']) {
  for (const journey of JOURNEYS) {
    test(`${journey.kind}: ${journey.service} from the catalog to confirmation in ${lang}`, async ({ page }) => {
      test.setTimeout(90_000);
      const errors = watchErrors(page);
      await signIn(page, journey.account);
      await startFromCatalog(page, lang, journey.service);
      const onPage = journey.check && (async (step) => {
        if (step !== 'check') return;
        for (const text of journey.check(TEXT[lang])) await expect(page.locator('main')).toContainText(text);
      });
      const seen = await walk(page, lang, { subCase: journey.subCase, decline: journey.decline, fee: journey.fee, onPage });
      const reference = await expectConfirmation(page, lang, journey.service);
      // Back from the confirmation: the submitted application's form leads to its
      // confirmation, never to a live "sign" button.
      await page.goBack();
      await expect(page).toHaveURL(/\/apply\/done$/);
      await expect(page.locator('.panel__title')).toHaveText(TEXT[lang].done);
      await expect(page.getByRole('button', { name: TEXT[lang].sign })).toHaveCount(0);
      const list = await page.request.get(api('/applications'));
      const mine = (await list.json()).items.filter((a) => a.reference_number === reference);
      expect(mine).toHaveLength(1);
      expect(mine[0].status).toBe('delivered');
      if (journey.pays ?? (journey.decline || journey.subCase)) expect(seen).toContain('payment');
      else expect(seen).not.toContain('payment');
      // 4xx answers the app expects (e.g. a first /auth/me) are not errors of the page.
      expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    });
  }
}

test('a journey that reloads and goes offline halfway finishes with every answer intact', async ({ page, context }) => {
  test.setTimeout(90_000);
  await signIn(page, OTHER_PERSON);
  await startFromCatalog(page, 'ru', 'end-user-certificate');
  let cut = false;
  const seen = await walk(page, 'ru', {
    onPage: async (step) => {
      if (!step.startsWith('page-') || cut) return;
      cut = true;
      await answerPage(page);
      const typed = await page.locator('main form input.input, main form textarea').evaluateAll((els) => els.map((e) => e.value));
      // Offline: the answers stay in the browser; the page says so and nothing breaks.
      await context.setOffline(true);
      await page.locator('main form input.input, main form textarea').first().press('End');
      await page.locator('main form input.input, main form textarea').first().type(' ');
      await expect(page.locator('.save-state')).toContainText('Нет связи', { timeout: 10_000 });
      await context.setOffline(false);
      await page.reload();
      await expect(page.locator('main h1')).toBeVisible();
      const kept = await page.locator('main form input.input, main form textarea').evaluateAll((els) => els.map((e) => e.value.trim()));
      expect(kept).toEqual(typed.map((v) => v.trim()));
    },
  });
  expect(cut).toBe(true);
  expect(seen).toContain('check');
  const reference = await expectConfirmation(page, 'ru');
  const list = await (await page.request.get(api('/applications'))).json();
  const application = list.items.find((a) => a.reference_number === reference);
  const full = await (await page.request.get(api(`/applications/${application.id}`))).json();
  // What was typed before the outage reached the backend after it.
  expect(JSON.stringify(full.answers)).toContain('applicant@example.kz');
});

test('a submission under injected network failures yields exactly one application', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, COMPANY);
  await startFromCatalog(page, 'kk', 'export-control-conclusion');
  let failures = 0;
  await page.route('**/api/v1/applications/*/submission', async (route) => {
    if (failures < 2) {
      failures += 1;
      // The request reaches the backend, but its answer is lost on the way back.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await walk(page, 'kk');
  expect(failures).toBe(2);
  const reference = await expectConfirmation(page, 'kk', 'export-control-conclusion');
  const list = await (await page.request.get(api('/applications'))).json();
  const submitted = list.items.filter((a) => a.reference_number === reference);
  expect(submitted).toHaveLength(1);
  // No second application was made for this service by the retries.
  const history = await (await page.request.get(api(`/applications/${submitted[0].id}/history`))).json();
  expect(history.items.filter((s) => s.status === 'delivered')).toHaveLength(1);
});

/** Whether the focus is where a page change should put it: the page's `h1` or its error summary. */
async function focusAtPageStart(page) {
  return page.evaluate(() => document.activeElement?.matches('main h1, main .error-summary') ?? false);
}

// Keyboard only: every control is reached with Tab, radios chosen with the arrows, buttons
// pressed with Enter; nothing is clicked or focused by the test.
const KEYBOARD = { ru: OTHER_PERSON, kk: PERSON };
for (const lang of LANGUAGES) {
  test(`a keyboard-only journey reaches the confirmation, the focus at each new page's start (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    const t = TEXT[lang];
    await signIn(page, KEYBOARD[lang]);
    await open(page, '/services/end-user-certificate', lang);
    await tabTo(page, page.getByRole('button', { name: t.start }));
    await page.keyboard.press('Enter');
    for (let guard = 0; guard < 20; guard += 1) {
      await expect(page.locator('main h1')).toBeVisible();
      const step = new URL(page.url()).pathname.split('/').pop();
      if (step === 'done') break;
      if (step.startsWith('page-')) {
        // Tab through the form, typing into each empty field, to its Continue button.
        const next = page.locator('main form button[type=submit]');
        for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i += 1) {
          await page.keyboard.press('Tab');
          const field = await page.evaluate(() => {
            const el = document.activeElement;
            return el?.matches('main form input.input, main form textarea') && el.value === '' ? el.getAttribute('type') || 'text' : null;
          });
          if (field) await page.keyboard.type(field === 'tel' ? '87012345678' : field === 'email' ? 'a@example.kz' : 'Астана, Мәңгілік Ел, 8');
        }
        await expect(next).toBeFocused();
        await page.keyboard.press('Enter');
      } else if (step === 'sign') {
        // Nothing is chosen for the applicant: Tab into the signers, the arrows to the test
        // signer, then Tab to the NCALayer column's button (eGov mobile's is beside it).
        const signer = page.getByRole('radio', { name: t.testSigner });
        await tabTo(page, page.getByRole('radio').first());
        for (let i = 0; i < 5 && !(await signer.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
        await expect(signer).toBeChecked();
        await tabTo(page, page.getByRole('button', { name: t.sign }));
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, page.locator('main button.button').last());
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => new URL(page.url()).pathname.split('/').pop()).not.toBe(step);
      // As a full page load would: the next Tab goes to the new page's content, not the footer.
      await expect.poll(() => focusAtPageStart(page)).toBe(true);
    }
    await expectConfirmation(page, lang);
    expect(errors).toEqual([]);
  });
}

test('a draft resumes from the service page where the applicant left off, and can start again', async ({ page }) => {
  await signIn(page, PERSON);
  await open(page, '/services/processing-abroad-permit', 'kk');
  await page.getByRole('button', { name: 'Бастау' }).click();
  await walk(page, 'kk', { onPage: async (step) => { if (step.startsWith('page-')) throw new Error(`stop at ${step}`); } })
    .catch((error) => expect(String(error)).toContain('stop at page-'));
  const left = new URL(page.url()).pathname;
  await answerPage(page);
  const typed = await page.locator('main form input.input, main form textarea').first().inputValue();
  await open(page, '/services/processing-abroad-permit', 'kk');
  await scan(page, 'kk');
  await page.getByRole('button', { name: 'Өтінішті жалғастыру' }).click();
  await expect(page).toHaveURL(new RegExp(`${left}(\\?|$)`));
  await expect(page.locator('main form input.input, main form textarea').first()).toHaveValue(typed);
  // "Start a new application" begins at the first step with nothing carried over.
  await open(page, '/services/processing-abroad-permit', 'kk');
  await page.getByRole('button', { name: 'Жаңа өтініш бастау' }).click();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`${left}(\\?|$)`));
});

test('a document slot says what is wrong with a file, in the chosen language, and a file can be replaced and removed', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, OTHER_PERSON);
  await open(page, '/services/medical-licence/apply?provider=vko-health', 'kk');
  await walk(page, 'kk', { subCase: 'issue', onPage: async (step) => { if (step === 'documents') throw new Error('at documents'); } })
    .catch((error) => expect(String(error)).toContain('at documents'));
  const input = page.locator('main input[type=file]').first();
  const slot = input.locator('xpath=ancestor::div[contains(@class, "document-slot")]');
  // With a mouse, files may be dropped on the slot too, and the slot says so.
  await expect(slot.locator('.document-slot__drop')).toBeVisible();
  // Not a PDF, JPG or PNG by its content, whatever its name says.
  await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') });
  await expect(slot.locator('.error-message')).toContainText('PDF, JPG, PNG');
  await expect(slot.locator('.attachment')).toHaveCount(0);
  await scan(page, 'kk');
  // Over the document's limit (10 MB): refused before a byte is sent.
  await input.setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]) });
  await expect(slot.locator('.error-message')).toContainText('10 МБ');
  await input.setInputFiles({ name: 'бірінші.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(slot.locator('.attachment')).toHaveCount(1);
  await expect(slot.locator('.error-message')).toHaveCount(0);
  // Replace: the new file takes the old one's place.
  const chooser = page.waitForEvent('filechooser');
  await slot.getByRole('button', { name: /Ауыстыру/ }).click();
  await (await chooser).setFiles({ name: 'екінші.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(slot.locator('.attachment__name')).toHaveText(['екінші.pdf']);
  await slot.getByRole('button', { name: /Жою/ }).click();
  await expect(slot.locator('.attachment')).toHaveCount(0);
});

// On a touch screen nothing can be dragged: the slot offers its button alone, and nothing on
// the page is wider than the phone.
test.describe('documents on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const ACCOUNT = { ru: PERSON, kk: OTHER_PERSON };
  for (const lang of LANGUAGES) {
    test(`no drag-and-drop hint on a touch screen; the button attaches the file (${lang})`, async ({ page }) => {
      test.setTimeout(60_000);
      await signIn(page, ACCOUNT[lang]);
      await open(page, '/services/medical-licence/apply?provider=vko-health', lang);
      await walk(page, lang, { subCase: 'issue', onPage: async (step) => { if (step === 'documents') throw new Error('at documents'); } })
        .catch((error) => expect(String(error)).toContain('at documents'));
      const slots = page.locator('main .document-slot');
      expect(await slots.count()).toBeGreaterThan(0);
      await expect(page.locator('main .document-slot__drop')).toHaveCount(await slots.count());
      for (const hint of await page.locator('main .document-slot__drop').all()) await expect(hint).toBeHidden();
      const input = page.locator('main input[type=file]').first();
      await input.setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect(slots.first().locator('.attachment')).toHaveCount(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // The viewport alone: a full-page screenshot resizes the screen and loses the touch
      // emulation, and with it the media query that hides the hint.
      await slots.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`documents-phone-${lang}.png`) });
    });
  }
});

for (const lang of ['ru', 'kk']) {
  test(`the error summary of the documents step follows the uploads (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = watchErrors(page);
    await signIn(page, OTHER_PERSON);
    await open(page, '/services/medical-licence/apply?provider=vko-health', lang);
    await walk(page, lang, { subCase: 'issue', onPage: async (step) => { if (step === 'documents') throw new Error('at documents'); } })
      .catch((error) => expect(String(error)).toContain('at documents'));
    await page.getByRole('button', { name: TEXT[lang].next, exact: true }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    // Above the heading, where GOV.UK puts it.
    expect(await page.evaluate(() => {
      const s = document.querySelector('main .error-summary');
      const h1 = document.querySelector('main h1');
      return Boolean(s.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
    })).toBe(true);
    const before = await summary.locator('li').count();
    expect(before).toBeGreaterThan(0);
    const first = page.locator('main input[type=file]').first();
    await first.setInputFiles({ name: 'құжат.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(first.locator('xpath=ancestor::div[contains(@class, "document-slot")]').locator('.attachment')).toHaveCount(1);
    // The attached document leaves the summary; the others stay.
    await expect(summary.locator('li')).toHaveCount(before - 1);
    await scan(page, lang);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  test(`answers typed offline reach the backend by themselves once back online (${lang})`, async ({ page, context }) => {
    test.setTimeout(60_000);
    const errors = watchErrors(page);
    await signIn(page, OTHER_PERSON);
    await startFromCatalog(page, lang, 'end-user-certificate');
    await walk(page, lang, { onPage: async (step) => { if (step.startsWith('page-')) throw new Error(`at ${step}`); } })
      .catch((error) => expect(String(error)).toContain('at page-'));
    await answerPage(page);
    await context.setOffline(true);
    const email = page.locator('input[type=email]');
    await email.fill(`offline-${lang}@example.kz`);
    await expect(page.locator('.save-state')).toContainText(lang === 'ru' ? 'Нет связи' : 'байланыс жоқ', { timeout: 10_000 });
    await context.setOffline(false);
    // No reload, no "Continue": the message clears and the backend has the answer.
    await expect(page.locator('.save-state')).toHaveText(lang === 'ru' ? 'Ответы сохранены в личном кабинете.' : 'Жауаптар жеке кабинетте сақталды.', { timeout: 8_000 });
    const id = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith('end-user-certificate'));
      return JSON.parse(localStorage.getItem(key)).remote.id;
    });
    const saved = await (await page.request.get(`/api/v1/applications/${id}`)).json();
    expect(JSON.stringify(saved.answers)).toContain(`offline-${lang}@example.kz`);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|status of 4\d\d/.test(e))).toEqual([]);
  });
}

for (const lang of ['ru', 'kk']) {
  // Creating the backend copy is single-flight (src/pages/wizard/remote.rs, `ensure`): the
  // documents page asks for it on arrival and a file chosen at once asks again; both must get
  // the one application, never one each.
  test(`two callers at once create one application, and the file goes to it (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = watchErrors(page);
    await signIn(page, OTHER_PERSON);
    // Until the documents: the backend is out of reach for creating, so the draft arrives
    // there with no backend copy (the applicant step moves on offline).
    let phase = 'unreachable';
    let created = 0;
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\/api\/v1\/applications$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (phase === 'unreachable') return route.abort('connectionrefused');
      created += 1;
      // Held until the second caller has asked: both are then waiting on one creation.
      await held;
      return route.continue();
    });
    await open(page, '/services/medical-licence/apply?provider=vko-health', lang);
    await walk(page, lang, {
      subCase: 'issue',
      onPage: async (step) => {
        if (step.startsWith('page-')) phase = 'held';
        if (step === 'documents') throw new Error('at documents');
      },
    }).catch((error) => expect(String(error)).toContain('at documents'));
    expect(phase).toBe('held');
    const input = page.locator('main input[type=file]').first();
    const slot = input.locator('xpath=ancestor::div[contains(@class, "document-slot")]');
    await input.setInputFiles({ name: 'құжат.pdf', mimeType: 'application/pdf', buffer: PDF });
    // The page's own request is on its way; give the file's a moment to ask too.
    await page.waitForTimeout(1_000);
    release();
    await expect(slot.locator('.attachment')).toHaveCount(1);
    expect(created).toBe(1);
    // The browser's copy names the application once it is written (after the change settles).
    let id;
    await expect.poll(async () => {
      id = await page.evaluate(() => Object.keys(localStorage)
        .filter((k) => k.endsWith('medical-licence'))
        .map((k) => JSON.parse(localStorage.getItem(k)).remote?.id)
        .find(Boolean));
      return id;
    }).toBeTruthy();
    const application = await (await page.request.get(`/api/v1/applications/${id}`)).json();
    expect(application.documents.map((d) => d.file_name)).toEqual(['құжат.pdf']);
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|ERR_FAILED|status of 4\d\d/.test(e))).toEqual([]);
  });
}
