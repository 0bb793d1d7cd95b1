// Keystroke to validation feedback on the largest form page, run by scripts/bench:
//   node tests/bench/keystroke.js <base url> [keystrokes]
// Registers a seeded applicant, walks to the form page with the most fields on which a field can
// be made to show its error (typed, then left or sent with Continue), and then types into that
// field, one key at a time.
// For each key it measures, in the page, from the keydown event's timestamp to the first frame
// painted after the app has handled the input (requestAnimationFrame, then a message posted
// from it, which runs once that frame is painted), and notes whether the DOM changed. Prints
// the median and p99 in milliseconds, and a JSON line for scripts/bench.
const path = require('node:path');
const { chromium } = require(path.resolve(__dirname, '../e2e/node_modules/@playwright/test'));

const base = process.argv[2];
const KEYSTROKES = Number(process.argv[3] || 200);
// Candidate pages, the most fields first (catalog: 4 fields on a licence's reissue page).
const PAGES = [
  '/services/pharmaceutical-licence/apply/page-reissue-details',
  '/services/end-user-certificate/apply/page-contacts',
];
// Values that some rule of the catalog's fields refuses (see otinish-core's validation).
const INVALID = ['№', 'x', '1', '31.02.2020', 'a@'];

// The wizard sends the applicant to the step they may fill in, not to a later page asked for by
// its address: walk there from the form's start as an applicant would, taking the first option
// of each choice and the button that goes on, for a few steps at most. Whether it got there.
async function reach(page, url) {
  await page.goto(`${base}${url.replace(/\/apply\/.*/, '/apply')}?lang=ru`);
  for (let step = 0; step < 8; step++) {
    await page.locator('main h1').waitFor({ timeout: 10_000 }).catch(() => {});
    if (new URL(page.url()).pathname.endsWith(url)) return true;
    if (await page.locator('main input[type=radio]').count() &&
        !await page.locator('main input[type=radio]:checked').count()) {
      await page.locator('main .radio label').first().click();
    }
    const before = page.url();
    await page.locator('main button.button, main a.button').first().click({ timeout: 5_000 }).catch(() => {});
    await page.waitForURL((next) => next.href !== before, { timeout: 5_000 }).catch(() => {});
    if (page.url() === before) return false;
  }
  return false;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage({ locale: 'ru-RU' });
  // A seeded applicant (crates/server/migrations/0002_accounts.sql), by the test sign-in (the
  // benchmark's backend runs in test mode).
  await page.goto(`${base}/sign-in?lang=ru`);
  await page.locator('#test-iin-bin').fill(process.env.BENCH_IIN || '850314300003');
  await page.locator('.account-test form button[type=submit]').click();
  await page.waitForURL(/\/cabinet$/, { timeout: 15_000 });

  // The first page that shows a form, and on it the first text field that shows an error for
  // one of the invalid values, once left or on Continue: from then on it re-validates on
  // every keystroke
  // (where the app does so; otherwise it validates on leaving it, and the error just stays).
  let chosen = null;
  let fallback = null;
  for (const url of PAGES) {
    if (!await reach(page, url)) continue;
    const count = await page.locator('main form .field').count();
    const text = page.locator('main form input.input:not([type=date]), main form textarea');
    for (let i = 0; i < await text.count() && !chosen; i++) {
      for (const value of INVALID) {
        await text.nth(i).fill(value);
        await text.nth(i).blur();
        await page.waitForTimeout(100);
        if (await page.locator('.error-message').count() === 0) {
          // Errors shown only on Continue, as GOV.UK's forms do: ask for them (a value the
          // page accepts moves on, and the page is walked to again).
          await page.locator('main form button[type=submit]').first().click();
          await page.waitForTimeout(300);
          if (!new URL(page.url()).pathname.endsWith(url) && !await reach(page, url)) break;
        }
        if (await page.locator('.error-message').count() > 0) {
          chosen = { url, inputs: count, field: text.nth(i), errorShown: true };
          break;
        }
      }
    }
    if (chosen) break;
    // No field here refuses any of the values: measure here only if no other page does.
    if (!fallback && await text.count()) fallback = { url, inputs: count, errorShown: false };
  }
  if (!chosen && fallback) {
    await reach(page, fallback.url);
    chosen = { ...fallback, field: page.locator('main form input.input:not([type=date]), main form textarea').first() };
  }
  if (!chosen) throw new Error('no form page with a text field could be reached');
  const errorShown = chosen.errorShown;
  await chosen.field.focus();

  await page.evaluate(() => {
    window.__latency = { pending: null, results: [] };
    let mutated = false;
    let mutatedAt = null;
    new MutationObserver(() => {
      if (!mutated) mutatedAt = performance.now();
      mutated = true;
    }).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
    });
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const p = window.__latency.pending;
      if (!p) return;
      window.__latency.pending = null;
      window.__latency.results.push({
        ms: performance.now() - p.start, mutated, dom: mutated ? mutatedAt - p.start : null,
      });
      p.resolve();
    };
    window.addEventListener('keydown', (event) => {
      mutated = false;
      mutatedAt = null;
      let resolve;
      const done = new Promise((r) => { resolve = r; });
      window.__latency.pending = { start: event.timeStamp, resolve };
      window.__latency.done = done;
    }, true);
    // Bubbling on window: after the app's own (delegated) input handlers.
    window.addEventListener('input', () => {
      requestAnimationFrame(() => channel.port2.postMessage(null));
    });
  });

  for (let i = 0; i < KEYSTROKES; i++) {
    // Alternate typing and deleting, so the value stays short and keeps changing.
    const key = i % 2 === 0 ? String.fromCharCode(97 + (i / 2) % 26) : 'Backspace';
    await page.keyboard.press(key);
    // A key the page did not turn into input (none expected) counts as missing, not as hanging.
    await page.evaluate(() => Promise.race([window.__latency.done, new Promise((r) => setTimeout(r, 2000))]));
  }
  const results = await page.evaluate(() => window.__latency.results);
  await browser.close();

  const sorted = (xs) => xs.slice().sort((a, b) => a - b);
  const quantile = (xs, q) => xs.length ? xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] : NaN;
  const ms = sorted(results.map((r) => r.ms));
  const dom = sorted(results.filter((r) => r.dom !== null).map((r) => r.dom));
  const at = (q) => quantile(ms, q);
  const summary = {
    page: chosen.url,
    inputs: chosen.inputs,
    error_shown: errorShown,
    keystrokes: ms.length,
    dom_changed: results.filter((r) => r.mutated).length,
    median_ms: Number(at(0.5).toFixed(1)),
    p99_ms: Number(at(0.99).toFixed(1)),
    max_ms: Number(ms[ms.length - 1].toFixed(1)),
    dom_median_ms: Number(quantile(dom, 0.5).toFixed(1)),
    dom_p99_ms: Number(quantile(dom, 0.99).toFixed(1)),
  };
  console.log(`page ${summary.page} (${summary.inputs} fields), error shown before typing: ${summary.error_shown}`);
  console.log(`${summary.keystrokes} keystrokes, ${summary.dom_changed} of them changed the DOM`);
  console.log(`keydown → next paint: median ${summary.median_ms} ms, p99 ${summary.p99_ms} ms, max ${summary.max_ms} ms (target < 16 ms)`);
  console.log(`keydown → DOM updated (the app's own work, before waiting for a frame): median ${summary.dom_median_ms} ms, p99 ${summary.dom_p99_ms} ms`);
  console.log(`JSON ${JSON.stringify(summary)}`);
}

main().catch((error) => { console.error(error); process.exit(1); });
