// Lighthouse on the app, run by scripts/bench:
//   node tests/bench/lighthouse.js <base url> <report dir>
// Mobile (Lighthouse's default form factor and simulated throttling), with Debian's Chromium:
// performance, accessibility and best practices on the catalog, a service page and the first
// wizard page, in Russian and in Kazakh; then time to interactive on the catalog without
// throttling (`--throttling-method=provided`). Prints a table, every audit that kept an
// accessibility or best-practices score under 100, and a JSON line for scripts/bench.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const base = process.argv[2];
const reports = process.argv[3];
const lighthouse = path.resolve(__dirname, 'node_modules/.bin/lighthouse');
const SERVICE = '/services/medical-licence';
// Each page at its own address in each language: a prerendered public page's Kazakh address
// is under /kk (src/prerender.rs; `?lang=kk` on the Russian address costs one redirect, which
// BENCHMARKS.md measures); the wizard's is `?lang=`.
const PAGES = [
  ['catalog', { ru: '/', kk: '/kk' }],
  ['service page', { ru: SERVICE, kk: `/kk${SERVICE}` }],
  ['first wizard page', { ru: `${SERVICE}/apply?lang=ru`, kk: `${SERVICE}/apply?lang=kk` }],
];

function run(url, name, extra = []) {
  // Lighthouse sometimes fails to record a trace (NO_NAVSTART): try again, twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      return runOnce(url, name, extra);
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(`lighthouse ${url}: attempt ${attempt} failed, trying again`);
    }
  }
}

function runOnce(url, name, extra) {
  const output = path.join(reports, `${name}.json`);
  execFileSync(lighthouse, [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${output}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
    '--max-wait-for-load=30000',
    ...extra,
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' } });
  return JSON.parse(fs.readFileSync(output, 'utf8'));
}

const score = (report, id) => Math.round(report.categories[id].score * 100);
const ms = (report, id) => Math.round(report.audits[id].numericValue);

const rows = [];
const problems = [];
for (const lang of ['ru', 'kk']) {
  for (const [label, routes] of PAGES) {
    const name = `${label.replace(/ /g, '-')}-${lang}`;
    const route = routes[lang];
    const report = run(`${base}${route}`, name);
    const row = {
      page: `${label} (${lang})`, url: route,
      performance: score(report, 'performance'), accessibility: score(report, 'accessibility'),
      best_practices: score(report, 'best-practices'),
      fcp_ms: ms(report, 'first-contentful-paint'), lcp_ms: ms(report, 'largest-contentful-paint'),
      tbt_ms: ms(report, 'total-blocking-time'), tti_ms: ms(report, 'interactive'),
      cls: Number(report.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
    };
    rows.push(row);
    for (const category of ['accessibility', 'best-practices']) {
      for (const ref of report.categories[category].auditRefs) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          problems.push(`${row.page}: ${category}: ${audit.id}: ${audit.title}`);
        }
      }
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('page', 26)}${pad('perf', 6)}${pad('a11y', 6)}${pad('b.p.', 6)}${pad('FCP', 8)}${pad('LCP', 8)}${pad('TBT', 7)}${pad('TTI', 8)}CLS`);
for (const r of rows) {
  console.log(`${pad(r.page, 26)}${pad(r.performance, 6)}${pad(r.accessibility, 6)}${pad(r.best_practices, 6)}` +
    `${pad(`${r.fcp_ms} ms`, 8)}${pad(`${r.lcp_ms} ms`, 8)}${pad(`${r.tbt_ms} ms`, 7)}${pad(`${r.tti_ms} ms`, 8)}${r.cls}`);
}
console.log('targets: performance ≥ 95, accessibility 100, best practices 100');
if (problems.length) console.log(`audits under 100:\n  ${problems.join('\n  ')}`);
else console.log('no accessibility or best-practices audit under 100');

// Time to interactive on the catalog: with Lighthouse's mobile throttling (above, simulated:
// slow 4G and a 4× slower CPU) and without any (the machine and loopback as they are).
const tti = {};
for (const lang of ['ru', 'kk']) {
  const report = run(`${base}${PAGES[0][1][lang]}`, `catalog-unthrottled-${lang}`, ['--throttling-method=provided']);
  tti[lang] = {
    unthrottled_ms: ms(report, 'interactive'),
    throttled_ms: rows.find((r) => r.page === `catalog (${lang})`).tti_ms,
  };
  console.log(`catalog (${lang}) time to interactive: ${tti[lang].unthrottled_ms} ms unthrottled, ` +
    `${tti[lang].throttled_ms} ms with mobile throttling (simulated)`);
}
console.log(`JSON ${JSON.stringify({ rows, tti, problems })}`);
