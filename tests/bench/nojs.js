// The public pages with JavaScript off, run by scripts/bench:
//   node tests/bench/nojs.js <base url>
// Opens the catalog and a service page in each language (the prerendered HTML,
// src/prerender.rs) in Debian's Chromium without JavaScript, and checks that each has its
// heading and that every link to another public page leads to a page with a heading too.
// Prints a line a page and a JSON line for scripts/bench.
const path = require('node:path');
const { chromium } = require(path.resolve(__dirname, '../e2e/node_modules/@playwright/test'));

const base = process.argv[2];
const PAGES = ['/', '/services/medical-licence', '/kk', '/kk/services/medical-licence'];
const PUBLIC = /^(\/|(\/kk)?(\/services\/[a-z0-9-]+)?)$/;

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const heading = async (url) => {
    const response = await page.goto(`${base}${url}`);
    const h1 = page.locator('main h1');
    const text = (await h1.count()) ? (await h1.first().innerText()).trim() : '';
    return { status: response ? response.status() : 0, h1: text, lang: await page.locator('html').getAttribute('lang') };
  };
  const results = [];
  for (const url of PAGES) {
    const shown = await heading(url);
    const hrefs = [...new Set((await page.locator('a[href^="/"]').all().then((all) =>
      Promise.all(all.map((a) => a.getAttribute('href'))))).filter((href) => PUBLIC.test(href)))];
    const broken = [];
    for (const href of hrefs) {
      const target = await heading(href);
      if (target.status !== 200 || !target.h1) broken.push(href);
    }
    const readable = shown.status === 200 && shown.h1 !== '' && broken.length === 0;
    results.push({ url, lang: shown.lang, h1: shown.h1, links: hrefs.length, broken, readable });
    console.log(`${url.padEnd(32)} ${readable ? 'readable' : 'NOT READABLE'}: <h1> "${shown.h1}" (${shown.lang}), ` +
      `${hrefs.length} links to public pages, ${broken.length} broken${broken.length ? `: ${broken.join(' ')}` : ''}`);
  }
  await browser.close();
  console.log(`JSON ${JSON.stringify({ pages: results, readable: results.every((r) => r.readable) })}`);
})().catch((error) => { console.error(error); process.exit(1); });
