// Kazakh pages show no Russian and no message ids; translator mode shows the ids.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { open } = require('./helpers');

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

async function kazakhPages(page) {
  await open(page, '/', 'kk');
  const services = await page.locator('.service-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return ['/', '/cabinet', '/no-such-page', ...services, ...services.map((s) => `${s}/apply`)];
}

test('Kazakh pages show no Russian-only words and no message ids', async ({ page }) => {
  test.setTimeout(120_000);
  expect(RUSSIAN_ONLY.size).toBeGreaterThan(100);
  const problems = [];
  for (const url of await kazakhPages(page)) {
    await open(page, url, 'kk');
    const text = await page.locator('body').innerText();
    const russian = (text.toLowerCase().match(/\p{L}+/gu) || []).filter((w) => RUSSIAN_ONLY.has(w));
    // The language switch names Russian in Russian on purpose.
    const unexpected = [...new Set(russian)].filter((w) => w !== 'русский');
    if (unexpected.length) problems.push(`${url}: Russian words ${unexpected.join(', ')}`);
    const ids = (text.match(MESSAGE_ID) || []).filter((id) => !/^(egov|elicense)\b/.test(id));
    if (ids.length) problems.push(`${url}: message ids ${[...new Set(ids)].join(', ')}`);
  }
  expect(problems).toEqual([]);
});

test('translator mode shows each text with its message id', async ({ page }) => {
  await page.goto('/?lang=kk&l10n-ids=1');
  await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар [catalog-title]');
  await expect(page.locator('.header__nav')).toContainText('[nav-cabinet]');
});
