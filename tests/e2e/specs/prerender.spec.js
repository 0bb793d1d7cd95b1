// A prerendered public page (src/prerender.rs) is there before the wasm: what the visitor does
// on it meanwhile is not lost when the app takes the page over (app::mount_in_place).
const { test, expect } = require('@playwright/test');
const { appReady, tabTo } = require('./helpers');

/** Holds every wasm module back until the returned function is called: the page shows only
 * its HTML meanwhile. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

test('a search typed into the prerendered catalog before the app arrives is kept', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('data-page', '/');
  await expect(page.locator('main .service-list a')).toHaveCount(19);
  await page.locator('#catalog-search').fill('фармацевт');
  release();
  await appReady(page);
  await expect(page.locator('#catalog-search')).toHaveValue('фармацевт');
  await expect(page).toHaveURL(/[?&]q=/);
  const found = await page.locator('main .service-list a').count();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(19);
});

test('a visitor who tabbed into the prerendered catalog keeps the focus when the app takes over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('data-page', '/');
  // Tab from the page's start to the third service link, as a keyboard user would.
  const third = page.locator('main .service-list a').nth(2);
  const name = (await third.textContent()).trim();
  await tabTo(page, third, 60);
  release();
  await appReady(page);
  const focused = page.locator('main .service-list a').nth(2);
  await expect(focused).toHaveText(name);
  await expect(focused).toBeFocused();
});

test('with a search in the address the prerendered catalog is hidden until the app shows the results', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?lang=ru&q=%D1%84%D0%B0%D1%80%D0%BC%D0%B0%D1%86%D0%B5%D0%B2%D1%82');
  await expect(page.locator('main h1')).toBeHidden();
  release();
  await appReady(page);
  await expect(page.locator('main h1')).toBeVisible();
  expect(await page.locator('main .service-list a').count()).toBeLessThan(19);
});

// The form's start (/services/<id>/apply) is prerendered on its first step too, for a visitor
// who is not signed in and has no draft: the step paints before the applicant's wasm arrives,
// and the app, once there, shows the same step at its own address.
for (const lang of ['ru', 'kk']) {
  test(`the form's first step paints before the applicant's app arrives (${lang})`, async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`/services/medical-licence/apply?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('data-page', '/services/medical-licence/apply');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).not.toHaveAttribute('data-stale', '');
    const heading = await page.locator('main h1').textContent();
    await expect(page.locator('main input[type=radio]')).toHaveCount(3);
    release();
    await appReady(page);
    await expect(page).toHaveURL(/\/services\/medical-licence\/apply\/case/);
    await expect(page.locator('main h1')).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  });
}

// From a Kazakh service page the start button leads to the Kazakh file of the form's start
// itself: no redirect on the way; with a provider chosen (hidden until the app draws it) too.
for (const provider of [null, 'almaty-economy']) {
  test(`a Kazakh service page starts the form at its Kazakh file, without a redirect${provider ? ', a provider chosen' : ''}`, async ({ page }) => {
    await page.goto('/kk/services/medical-licence');
    await appReady(page);
    if (provider) await page.locator(`label[for="provider-${provider}"]`).click();
    const start = page.getByRole('button', { name: 'Бастау' });
    await expect(start).toHaveAttribute('href', provider ? `/kk/services/medical-licence/apply?provider=${provider}` : '/kk/services/medical-licence/apply');
    const documents = [];
    page.on('response', (r) => { if (r.request().resourceType() === 'document') documents.push(`${r.status()} ${new URL(r.url()).pathname}`); });
    await start.click();
    await appReady(page);
    expect(documents).toEqual(['200 /kk/services/medical-licence/apply']);
    await expect(page).toHaveURL(/\/services\/medical-licence\/apply\/case\?(.*&)?lang=kk/);
    expect(new URL(page.url()).pathname.startsWith('/kk')).toBe(false);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.locator('main input[type=radio]')).toHaveCount(3);
    if (provider) await expect(page).toHaveURL(new RegExp(`provider=${provider}`));
  });
}

test("a visitor with a draft of the form does not see its prerendered start, but where they left off", async ({ page }) => {
  await page.goto('/services/medical-licence/apply?lang=ru');
  await appReady(page);
  await page.locator('main label').first().click();
  await page.locator('main form button[type=submit]').click();
  await expect(page).not.toHaveURL(/\/apply\/case/);
  const left = new URL(page.url()).pathname;
  const release = await holdWasm(page);
  await page.goto('/services/medical-licence/apply?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('data-stale', '');
  await expect(page.locator('main h1')).toHaveCount(0);
  release();
  await appReady(page);
  await expect(page).toHaveURL(new RegExp(`${left}`));
});
