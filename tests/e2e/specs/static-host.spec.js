// The one page (index.html and its boot.js, scripts/boot-page) starts the app an address
// belongs to, on any host that answers unknown paths with index.html: the public app or the
// applicant's, once, with no reload (a static host that served the public app on /sign-in
// used to reload it for ever). Runs against the reference backend and against nginx
// (scripts/e2e-static).
const { test, expect } = require('@playwright/test');

const ADDRESSES = [
  ['/', 'public'],
  ['/services/medical-licence', 'public'],
  ['/no/such/page', 'public'],
  ['/sign-in', 'applicant'],
  ['/register?next=/cabinet', 'applicant'],
  ['/cabinet', 'applicant'],
  ['/cabinet/applications/3f6c1a52-8d0e-4b7a-9c51-2e4f7d9a1b30', 'applicant'],
  ['/services/medical-licence/apply', 'applicant'],
  ['/services/medical-licence/apply/check', 'applicant'],
];
const MODULE = {
  // trunk writes the hash without its leading zeros: up to 16 hex digits.
  public: /^\/otinish-[0-9a-f]{1,16}_bg\.wasm$/,
  applicant: /^\/applicant\/otinish-applicant-[0-9a-f]{1,16}_bg\.wasm$/,
};
// Each app's split-off modules (src/split.rs, scripts/build-app), beside its first module.
const SPLIT_OFF = {
  public: /^\/(split_[a-z_]+|chunk_[0-9]+)-[0-9a-f]{16}\.wasm$/,
  applicant: /^\/applicant\/(split_[a-z_]+|chunk_[0-9]+)-[0-9a-f]{16}\.wasm$/,
};

for (const [address, app] of ADDRESSES) {
  test(`${address} starts the ${app} app once, without reloading`, async ({ page }) => {
    let loads = 0;
    page.on('load', () => { loads += 1; });
    const modules = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.wasm')) modules.push(pathname);
    });
    await page.goto(address);
    await expect(page.locator('main h1')).toBeVisible();
    // A reload loop would load the page again within moments.
    await page.waitForTimeout(1500);
    expect(loads).toBe(1);
    // Only this app's first module (a preload and the start may both ask for it).
    const first = [...new Set(modules.filter((path) => path.endsWith('_bg.wasm')))];
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(MODULE[app]);
    // Besides it, only that app's own split-off modules.
    const others = modules.filter((path) => !path.endsWith('_bg.wasm'));
    for (const path of others) expect(path).toMatch(SPLIT_OFF[app]);
  });
}
