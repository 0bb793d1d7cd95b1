// Both apps come in parts (src/split.rs, scripts/build-app). The public app's service page is
// a wasm module of its own: reached directly, the prerendered page stays until that module is
// there; from the catalog, a module that does not arrive gives a page that says so, not a dead
// app. The applicant's app fetches the form's later steps while the applicant is on its first,
// and its signing-in pages, should their module not arrive, say so too.
const { test, expect } = require('@playwright/test');
const { appReady, expectNoAxeViolations, expectNoRawTexts } = require('./helpers');

const SERVICE_MODULE = /\/split_public_pages-[0-9a-f]{16}\.wasm$/;
const FORM_STEPS_MODULE = /\/applicant\/split_form_steps-[0-9a-f]{16}\.wasm$/;
const ACCOUNT_MODULE = /\/applicant\/split_account-[0-9a-f]{16}\.wasm$/;
const SIGN_IN = { ru: 'Вход', kk: 'Кіру' };
const UNAVAILABLE = { ru: 'Страница не загрузилась', kk: 'Бет жүктелмеді' };
const RELOAD = { ru: 'Обновить страницу', kk: 'Бетті жаңарту' };

test('the catalog comes without the service page\'s module, which a link then uses', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // The module is held: the catalog must draw and work without it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(SERVICE_MODULE, async (route) => { await held; await route.continue(); });
  await page.goto('/?lang=ru');
  await appReady(page);
  await page.locator('#catalog-search').fill('фармацевт');
  await expect(page).toHaveURL(/[?&]q=/);
  const link = page.locator('main .service-list a').first();
  const title = (await link.textContent()).trim();
  await page.evaluate(() => { window.sameDocument = true; });
  await link.click();
  release();
  await expect(page.locator('main h1')).toHaveText(title);
  // The router drew it: no page load, and the module was fetched once.
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
  expect(fetched.filter((path) => SERVICE_MODULE.test(path))).toHaveLength(1);
});

test('a service page reached directly stays as prerendered until its module is there', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(SERVICE_MODULE, async (route) => { await held; await route.continue(); });
  await page.goto('/services/end-user-certificate?lang=ru');
  const heading = (await page.locator('main h1').textContent()).trim();
  // The first module and the messages are long there; the app waits for the page's own.
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await page.waitForTimeout(500);
  await expect(page.locator('html')).toHaveAttribute('data-page', '/services/end-user-certificate');
  await expect(page.locator('main h1')).toHaveText(heading);
  release();
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText(heading);
});

for (const lang of ['ru', 'kk']) {
  test(`a service page whose module does not arrive says so, and loads on a reload (${lang})`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(SERVICE_MODULE, (route) => route.abort());
    await page.goto(`/?lang=${lang}`);
    await appReady(page);
    const link = page.locator('main .service-list a').first();
    const title = (await link.textContent()).trim();
    await link.click();
    const heading = page.locator('main h1');
    await expect(heading).toHaveText(UNAVAILABLE[lang]);
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle(new RegExp(`^${UNAVAILABLE[lang]}`));
    await expectNoAxeViolations(page);
    await expectNoRawTexts(page);
    // Loaded again, the page fetches its module anew.
    await page.unroute(SERVICE_MODULE);
    await page.getByRole('button', { name: RELOAD[lang] }).click();
    await expect(page.locator('main h1')).toHaveText(title);
    expect(errors).toEqual([]);
  });
}

test('the form\'s later steps are fetched while the applicant is on its first', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/services/end-user-certificate/apply?lang=ru');
  await appReady(page);
  await expect(page.locator('main h1')).toBeVisible();
  // Not needed to draw the first step: asked for once the browser is idle, without a click.
  await expect.poll(() => fetched.filter((path) => FORM_STEPS_MODULE.test(path)).length).toBe(1);
  expect(fetched.filter((path) => ACCOUNT_MODULE.test(path))).toEqual([]);
});

test('signing in fetches its own module, not the form\'s', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/sign-in?lang=ru');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText(SIGN_IN.ru);
  expect(fetched.filter((path) => ACCOUNT_MODULE.test(path))).toHaveLength(1);
  // Long enough for an idle prefetch to have started, as on the form's first step above.
  await page.waitForTimeout(1500);
  expect(fetched.filter((path) => FORM_STEPS_MODULE.test(path))).toEqual([]);
});

for (const lang of ['ru', 'kk']) {
  test(`signing in, its module not arriving, says so and loads on a reload (${lang})`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(ACCOUNT_MODULE, (route) => route.abort());
    await page.goto(`/sign-in?lang=${lang}`);
    await appReady(page);
    await expect(page.locator('main h1')).toHaveText(UNAVAILABLE[lang]);
    await expect(page).toHaveTitle(new RegExp(`^${UNAVAILABLE[lang]}`));
    await expectNoAxeViolations(page);
    await expectNoRawTexts(page);
    await page.unroute(ACCOUNT_MODULE);
    await page.getByRole('button', { name: RELOAD[lang] }).click();
    await expect(page.locator('main h1')).toHaveText(SIGN_IN[lang]);
    expect(errors).toEqual([]);
  });
}

test('a page whose module is slow to come says it is loading, then takes the focus', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(ACCOUNT_MODULE, async (route) => { await held; await route.continue(); });
  await page.goto('/services/end-user-certificate/apply?lang=kk');
  await appReady(page);
  await page.evaluate(() => { window.sameDocument = true; });
  await page.locator('header a[href^="/sign-in"]').click();
  await expect(page.getByRole('status').filter({ hasText: 'Бет жүктеліп жатыр…' })).toBeVisible();
  await page.waitForTimeout(1500);
  release();
  const heading = page.locator('main h1');
  await expect(heading).toHaveText(SIGN_IN.kk);
  await expect(heading).toBeFocused();
  await expect(page.getByText('Бет жүктеліп жатыр…')).toHaveCount(0);
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
});
