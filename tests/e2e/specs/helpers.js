// Shared by the specs: the languages, accessibility scans, and the app-ready wait.
const { expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const LANGUAGES = ['ru', 'kk'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens `path` in `lang` and waits until the app has rendered its main heading. */
async function open(page, path, lang) {
  const separator = path.includes('?') ? '&' : '?';
  await page.goto(`${path}${separator}lang=${lang}`);
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('main h1')).toBeVisible();
}

/** Waits until the app has taken over the page: a prerendered public page (src/prerender.rs)
 * shows its heading before the wasm has arrived, and whatever is typed into it then is gone
 * when the app draws the page anew. */
async function appReady(page) {
  await expect(page.locator('html:not([data-page])')).toHaveCount(1);
}

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page, target, most = 80) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Fails with a readable list when axe finds any WCAG 2.2 AA violation. */
async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n'));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  // Every page a spec checks for accessibility is also checked for texts left raw (#20).
  await expectNoRawTexts(page);
  // A link in the page's content is "the current page" only if it leads to this very page
  // (Leptos's <A> marks a link to any ancestor too, unless told `exact`): a back link to
  // the service page is not where the applicant is.
  const misleading = await page.locator('main a[aria-current="page"]').evaluateAll((links) =>
    links.filter((a) => new URL(a.href).pathname !== location.pathname).map((a) => `${a.textContent.trim()} → ${a.getAttribute('href')}`));
  expect(misleading, `links marked as the current page on ${page.url()}`).toEqual([]);
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

const LOCALES = path.resolve(__dirname, '../../../locales');

/** Every word of a locale's texts (ids, comments and placeables left out), lower-cased. */
function wordsOf(lang) {
  const words = new Set();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) { walk(file); continue; }
      for (let line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (line.startsWith('#')) continue;
        line = line.replace(/^-?[A-Za-z][\w-]*\s*=/, '').replace(/^\s*\.[\w-]+\s*=/, '').replace(/\{[^}]*\}/g, ' ');
        for (const word of line.toLowerCase().match(/\p{L}+/gu) || []) words.add(word);
      }
    }
  };
  walk(path.join(LOCALES, lang));
  return words;
}

// Words the Russian texts use and the Kazakh ones never do: finding one on a Kazakh page means
// a text was not translated or was hard-coded.
const kazakh = wordsOf('kk');
const RUSSIAN_ONLY = new Set([...wordsOf('ru')].filter((w) => w.length >= 4 && !kazakh.has(w)));
const MESSAGE_ID = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+){1,}\b/g;

// Every code the app has words for (`error-<code>`): a page must never show one bare. Codes of
// one word are left out: they are ordinary words too.
const PROBLEM_CODES = [...fs.readFileSync(path.join(LOCALES, 'ru/errors.ftl'), 'utf8').matchAll(/^error-([a-z0-9-]+) =/gm)]
  .map((m) => m[1])
  .filter((code) => code.includes('-'));

/** Raw message ids, `{ $… }` placeables and problem codes in the page's visible text. */
async function rawTexts(page) {
  const text = await page.locator('body').innerText();
  const placeables = text.match(/\{\s*[$-][^}]*\}?/g) || [];
  const ids = (text.match(MESSAGE_ID) || []).filter((id) => !/^(egov|elicense)\b/.test(id));
  const codes = PROBLEM_CODES.filter((code) => new RegExp(`(^|[^\\p{L}-])${code}($|[^\\p{L}-])`, 'u').test(text));
  return [...new Set([...placeables, ...ids, ...codes])];
}

/** Fails when the page shows a raw message id, a `{ $placeholder }` or a bare problem code. */
async function expectNoRawTexts(page) {
  expect(await rawTexts(page), `raw texts on ${page.url()}`).toEqual([]);
}

/**
 * The Russian-only words and message ids on the page, for a Kazakh page. Names marked
 * `translate="no"` (a company's registered name) are data, not text, and are left out.
 */
async function untranslated(page) {
  let text = await page.locator('body').innerText();
  for (const name of await page.locator('[translate="no"]').allInnerTexts()) text = text.split(name).join(' ');
  const russian = (text.toLowerCase().match(/\p{L}+/gu) || []).filter((w) => RUSSIAN_ONLY.has(w) && w !== 'русский');
  const ids = (text.match(MESSAGE_ID) || []).filter((id) => !/^(egov|elicense)\b/.test(id));
  return [...new Set([...russian, ...ids])];
}

/**
 * The API's base URL: the backend's own origin, or another origin when the app is served by
 * a static host (scripts/e2e-static sets E2E_API_URL to the validating proxy before it).
 */
const API_URL = process.env.E2E_API_URL || `http://127.0.0.1:${process.env.E2E_PORT || 8099}/api/v1`;

/** The absolute address of an API path (`/applications`). */
function api(path) {
  return `${API_URL}${path}`;
}

// The password the specs set as a second way in.
const PASSPHRASE = 'a long enough pass phrase';

/**
 * A session of `iinBin` from the test sign-in (test mode), shared by the tests in the run.
 * The first test to ask creates the account. Signing in with ЭЦП itself is signing.spec.js's.
 */
async function sessionToken(request, iinBin) {
  const file = path.join(process.env.E2E_DATA_DIR || os.tmpdir(), `session-${iinBin}`);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const token = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (token) {
      const me = await request.get(api('/auth/me'), { headers: { Authorization: `Bearer ${token}` } });
      if (me.ok()) return token;
      fs.rmSync(file, { force: true });
      continue;
    }
    try {
      fs.writeFileSync(file, '', { flag: 'wx' });
    } catch {
      // Another test is signing in: wait for its session.
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const body = { iin_bin: iinBin, session: 'bearer' };
    const response = await request.post(api('/auth/test-sign-in'), { data: body });
    expect(response.status(), await response.text()).toBeLessThan(300);
    const session = await response.json();
    fs.writeFileSync(file, session.token);
    return session.token;
  }
  throw new Error(`no session for ${iinBin}`);
}

/** Signs the browser in as `iinBin`: its session as the cookie a sign-in would set. */
async function signIn(page, iinBin) {
  const token = await sessionToken(page.request, iinBin);
  // The cookie the backend would set, for the API's origin (cookies are per host, not port).
  await page.context().addCookies([{ name: 'otinish_session', value: token, url: new URL(API_URL).origin }]);
  // The app asks the backend who is signed in only when it has signed someone in before.
  await page.addInitScript(() => window.localStorage.setItem('otinish.signed-in', '1'));
}

// The gateway's token the e2e backend is started with (playwright.config.js, scripts/e2e-static).
const GATEWAY = { Authorization: 'Bearer e2e-gateway-token' };

/**
 * The gateway reports how `payment` ended, through the contract's callback with the token the
 * test deployment gave it (the contract's "Test mode"), so that any backend settles it alike;
 * a backend's own gateway page is never read.
 */
async function settlePayment(request, payment, outcome = 'paid') {
  const report = {
    outcome, tenge: payment.tenge, at: new Date().toISOString(),
    gateway_reference: `E2E-${payment.id.slice(0, 8)}`,
    ...(outcome === 'paid' ? { receipt_number: String(Date.now()).slice(-10) } : { decline_code: 'card-declined' }),
  };
  const settled = await request.post(api(`/payments/${payment.id}/callback`), { headers: GATEWAY, data: report });
  expect(settled.status(), await settled.text()).toBe(200);
}

/** A complete draft of a free end-user certificate (only the contacts asked), ready to sign: its id. */
async function readyApplication(page) {
  const created = await page.request.post('/api/v1/applications', {
    data: { service: 'end-user-certificate', provider: 'mint-industry-committee', sub_case: 'issue' },
  });
  expect(created.status()).toBe(201);
  const { id, version } = await created.json();
  const saved = await page.request.put(`/api/v1/applications/${id}/answers`, {
    data: { version, answers: { contacts: { 'contact-phone': '+77011234567', 'contact-email': 'abenov@example.kz' } } },
  });
  expect(saved.status()).toBe(200);
  return id;
}

module.exports = { LANGUAGES, tabTo, open, settlePayment, expectNoAxeViolations, expectNoRawTexts, rawTexts, PROBLEM_CODES, watchErrors, untranslated, RUSSIAN_ONLY, signIn, PASSPHRASE, api, readyApplication, appReady };
