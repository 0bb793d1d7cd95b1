// End-to-end tests against the reference backend serving the release build.
// scripts/test builds everything, picks a free loopback port (E2E_PORT) and runs these.
const { defineConfig } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');

const root = path.resolve(__dirname, '../..');
const port = Number(process.env.E2E_PORT || 8099);
const dataDir = process.env.E2E_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'otinish-e2e-'));
// The signing tests start a fake NCALayer here (tests/e2e/fake-ncalayer.js).
const ncalayerPort = Number(process.env.E2E_NCALAYER_PORT || port + 1);
// The test PKI's OCSP responder (global-setup.js starts it).
const ocspPort = Number(process.env.E2E_OCSP_PORT || port + 2);
// The workers read this file again: the same data directory and port for them (specs look
// into the database, and connect the fake).
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_NCALAYER_PORT = String(ncalayerPort);
process.env.E2E_OCSP_PORT = String(ocspPort);
// The test PKI the backend trusts and the fake NCALayer signs with (made once a day).
const pki = process.env.OTINISH_TEST_PKI || path.join(root, 'target/test-pki');
process.env.OTINISH_TEST_PKI = pki;
execFileSync('bash', [path.join(root, 'scripts/test-pki'), pki], { stdio: 'inherit' });

/**
 * The built app as served to the tests: a copy of dist/ whose config.json points the app at
 * the fake NCALayer, over ws:// because browsers refuse a fake's self-signed wss:// (the
 * backend's CSP follows config.json, so the policy under test is the one operators get).
 */
function testDist() {
  const dist = path.join(dataDir, 'dist');
  const built = path.join(root, 'dist');
  if (!fs.existsSync(dist) && fs.existsSync(built)) {
    fs.cpSync(built, dist, { recursive: true });
    const configFile = path.join(dist, 'config.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    config.ncalayerUrl = `ws://127.0.0.1:${ncalayerPort}`;
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
    // The precompressed copies would still say the built file's address.
    for (const stale of ['config.json.br', 'config.json.gz']) fs.rmSync(path.join(dist, stale), { force: true });
  }
  return dist;
}

// The static-host run (scripts/e2e-static) serves the app with nginx and the API on another
// origin, and starts them itself: E2E_WEB_URL is the site, E2E_API_URL the API (helpers.js).
const staticSite = process.env.E2E_WEB_URL;

module.exports = defineConfig({
  testDir: './specs',
  globalSetup: require.resolve('./global-setup'),
  outputDir: './test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: staticSite || `http://127.0.0.1:${port}`,
    locale: 'ru-RU',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: staticSite ? undefined : {
    command: `"${path.join(root, 'target/release/otinish-server')}" serve --addr 127.0.0.1:${port} ` +
      `--data-dir "${dataDir}" --dist "${testDist()}" --officer-token e2e-officer-token --gateway-token e2e-gateway-token ` +
      `--trust-store "${path.join(pki, 'trust-store')}" --ocsp-responder http://127.0.0.1:${ocspPort}/ ` +
      // Every spec signs in from this one address: the per-client limit is for strangers.
      '--client-login-burst 1000',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
