// A browser shared by several people: a draft belongs to the account that made it, signing out
// forgets it, a shared device keeps it only for the browser's life, and a backend copy that is
// gone is made again instead of leaving the applicant stuck (issue #17, the blocker).
const { test, expect } = require('@playwright/test');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors, untranslated, signIn } = require('./helpers');

const TEXT = {
  ru: { signOut: 'Выйти', signIn: 'Войти', saved: 'Ответы сохранены в личном кабинете.', offline: 'Нет связи', shared: 'Это общий или чужой компьютер', already: 'Вы уже вошли' },
  kk: { signOut: 'Шығу', signIn: 'Кіру', saved: 'Жауаптар жеке кабинетте сақталды.', offline: 'Сервермен байланыс жоқ', shared: 'Бұл ортақ немесе бөгде компьютер', already: 'Сіз жүйеге кіріп тұрсыз' },
};

// Seeded registry people no other spec uses: the first leaves a draft, the second comes next.
// Each account signs in at most five times in the run (the backend's limit before it slows down).
const FIRST = '801102300202';
const SECOND = '770412400302';
const CONTACTS = '/services/end-user-certificate/apply/page-contacts';

// Signing out ends the shared session of an account, so the languages take turns.
test.describe.configure({ mode: 'serial' });

/** The drafts kept in a storage of the page, by key. */
async function drafts(page, storage = 'localStorage') {
  return page.evaluate((name) => {
    const store = window[name];
    return Object.keys(store).filter((k) => k.startsWith('otinish.draft.')).map((k) => JSON.parse(store.getItem(k)));
  }, storage);
}

async function openContacts(page, lang) {
  await open(page, CONTACTS, lang);
  await expect(page.locator('input[type=tel]')).toBeVisible();
}

for (const lang of LANGUAGES) {
  test(`the next person at a shared browser never sees or sends the previous person's draft (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const t = TEXT[lang];
    const errors = watchErrors(page);

    await signIn(page, FIRST);
    await openContacts(page, lang);
    await page.locator('input[type=tel]').fill('8 701 555 44 33');
    await page.locator('input[type=email]').fill('first@example.kz');
    await expect.poll(async () => (await drafts(page)).map((d) => d.owner)).toEqual([FIRST]);

    // Signing out forgets every draft in the browser at once (the form left open may start
    // a new, empty one: nothing of the first person's is in it).
    await page.getByRole('button', { name: t.signOut }).click();
    await expect(page.getByRole('link', { name: t.signIn })).toBeVisible();
    await page.waitForTimeout(500);
    for (const storage of ['localStorage', 'sessionStorage']) {
      const left = (await drafts(page, storage)).filter((d) => d.owner || JSON.stringify(d).includes('first@example.kz') || JSON.stringify(d).includes('555'));
      expect(left).toEqual([]);
    }

    await signIn(page, SECOND);
    await openContacts(page, lang);
    await expect(page.locator('input[type=tel]')).toHaveValue('');
    await expect(page.locator('input[type=email]')).toHaveValue('');
    await expect(page.locator('main')).not.toContainText('first@example.kz');
    await expectNoAxeViolations(page);
    if (lang === 'kk') expect(await untranslated(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`a session that ended without signing out leaves nothing for the next account (${lang})`, async ({ page, context }) => {
    test.setTimeout(60_000);
    const errors = watchErrors(page);
    await signIn(page, SECOND);
    await openContacts(page, lang);
    await page.locator('input[type=email]').fill('second@example.kz');
    await expect.poll(async () => (await drafts(page)).map((d) => d.owner)).toEqual([SECOND]);

    // The session ends (expired, or the browser was closed) and someone else signs in.
    await context.clearCookies();
    await signIn(page, FIRST);
    await openContacts(page, lang);
    await expect(page.locator('input[type=email]')).toHaveValue('');
    // The other account's draft is gone from the browser, not only hidden.
    await expect.poll(async () => (await drafts(page)).filter((d) => d.owner === SECOND)).toEqual([]);
    expect(JSON.stringify(await drafts(page))).not.toContain('second@example.kz');
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  test(`on a device said to be shared, drafts live only as long as the browser (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const t = TEXT[lang];
    const errors = watchErrors(page);
    // Signed in already (helpers.signIn: the test sign-in).
    await signIn(page, SECOND);
    await open(page, '/sign-in', lang);
    // Signed in already: the page says so, and offers to sign out first.
    await expect(page.locator('main h1')).toHaveText(t.already);
    await expectNoAxeViolations(page);
    if (lang === 'kk') expect(await untranslated(page)).toEqual([]);
    await page.locator('main').getByRole('button').click();
    await expect(page.locator('#test-iin-bin')).toBeVisible();

    // The question is asked once, for every way in on the page (here the test sign-in).
    await page.locator('label[for="account-shared-device"]', { hasText: t.shared }).click();
    await expect(page.getByLabel(t.shared)).toBeChecked();
    await page.locator('#test-iin-bin').fill(SECOND);
    await expectNoAxeViolations(page);
    await page.locator('.account-test form button[type=submit]').click();
    await expect(page).toHaveURL(/\/cabinet$/);

    await openContacts(page, lang);
    await page.locator('input[type=tel]').fill('8 701 555 44 33');
    await expect.poll(async () => (await drafts(page, 'sessionStorage')).length).toBe(1);
    expect(await drafts(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`an application the backend no longer has is made again, never a dead end (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const t = TEXT[lang];
    const errors = watchErrors(page);
    await signIn(page, FIRST);
    await openContacts(page, lang);
    await page.locator('input[type=email]').fill('first@example.kz');
    await expect.poll(async () => (await drafts(page)).length).toBe(1);

    // The draft points at an application that does not exist (discarded on another device).
    // Written from another page: the form saves its own copy as it is left.
    await open(page, '/', lang);
    const gone = '3f0c1a52-8d3e-4b6a-9a57-6d1f2e0b9c41';
    await page.evaluate((id) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('otinish.draft.'));
      const draft = JSON.parse(localStorage.getItem(key));
      draft.remote = { id, version: 3, provider: draft.provider, sub_case: draft.sub_case, targets: draft.targets, base: {} };
      localStorage.setItem(key, JSON.stringify(draft));
    }, gone);
    await openContacts(page, lang);
    await expect(page.locator('input[type=email]')).toHaveValue('first@example.kz');
    await page.locator('input[type=tel]').fill('8 701 555 44 33');
    await expect(page.locator('.save-state')).toHaveText(t.saved);
    await expect(page.locator('.save-state')).not.toContainText(t.offline);
    // Kept in the browser a moment later (drafts are written 300 ms after a change).
    await expect.poll(async () => (await drafts(page))[0].remote?.id).not.toBe(gone);
    const [draft] = await drafts(page);
    const saved = await page.request.get(`/api/v1/applications/${draft.remote.id}`);
    expect(saved.status()).toBe(200);
    expect(JSON.stringify((await saved.json()).answers)).toContain('first@example.kz');
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
}
