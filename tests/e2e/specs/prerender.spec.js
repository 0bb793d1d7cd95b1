// A prerendered public page (src/prerender.rs) is there before the wasm: what the visitor does
// on it meanwhile is not lost when the app takes the page over (app::mount_in_place).
const { test, expect } = require('@playwright/test');
const { appReady } = require('./helpers');

test('a search typed into the prerendered catalog before the app arrives is kept', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
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

test('with a search in the address the prerendered catalog is hidden until the app shows the results', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/?lang=ru&q=%D1%84%D0%B0%D1%80%D0%BC%D0%B0%D1%86%D0%B5%D0%B2%D1%82');
  await expect(page.locator('main h1')).toBeHidden();
  release();
  await appReady(page);
  await expect(page.locator('main h1')).toBeVisible();
  expect(await page.locator('main .service-list a').count()).toBeLessThan(19);
});
