// Shared by the specs: the languages, accessibility scans, and the app-ready wait.
const { expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');

const LANGUAGES = ['ru', 'kk'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens `path` in `lang` and waits until the app has rendered its main heading. */
async function open(page, path, lang) {
  const separator = path.includes('?') ? '&' : '?';
  await page.goto(`${path}${separator}lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('main h1')).toBeVisible();
}

/** Fails with a readable list when axe finds any WCAG 2.2 AA violation. */
async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n'));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects console errors and page errors, to assert none happened. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

module.exports = { LANGUAGES, open, expectNoAxeViolations, watchErrors };
