// A real OCSP responder for the test PKI during the end-to-end tests: `openssl ocsp` on a
// loopback port (scripts/test-pki --ocsp), started once by global-setup.js. Ready when it says
// so on stderr: a bare connection would hold it (it answers one client at a time).
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** Starts the responder for `dir` on `port`; resolves to a function that stops it. */
function startOcspResponder({ dir, port }) {
  const child = spawn('bash', [path.join(root, 'scripts/test-pki'), '--ocsp', dir, String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`openssl ocsp did not start: ${said}`)), 15_000);
    child.stderr.on('data', (chunk) => {
      said += chunk.toString();
      if (said.includes('waiting for OCSP client connections')) {
        clearTimeout(timer);
        resolve(() => new Promise((done) => {
          child.once('exit', () => done());
          child.kill();
        }));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp exited (${code}): ${said}`));
    });
  });
}

module.exports = { startOcspResponder };
