// A fake NCALayer for the end-to-end tests and for development: a WebSocket server that
// speaks NCALayer's JSON protocol (module kz.gov.pki.knca.basics, method sign) and answers
// with a real detached CMS (PKCS #7 SignedData, DER, base64) over the bytes it is given, made
// with a key of the test PKI (scripts/test-pki: target/test-pki, or OTINISH_TEST_PKI), whose
// certificates name their holders as НУЦ РК certificates do: SERIALNUMBER=IIN<ИИН>, and
// OU=BIN<БИН> for an employee's key of an organisation. The backend verifies these
// signatures in full against the same PKI's trust store and OCSP responder.
//
// Which key, as a person would choose in NCALayer's window: the authentication key when the
// app asks for one (extended key usage TLS client: signing in), else the signing key; of the
// applicant the signing data names (a company's: its employee's key), or for signing in of
// `fake.signInAs` (an ИИН, or a БИН for an employee's key; 850314300003 unless set).
//
// Modes, what the applicant "does" in NCALayer's window:
//   success            signs with the right key
//   cancel             closes the window ({"status":true,"body":{}})
//   wrong-certificate  a key that cannot sign (wrong password): {"status":false,"code":"SIGNING_FAILURE"}
//   mismatch           signs with a valid key of someone else (another ИИН)
//   expired            signs with the person's key whose certificate expired
//   revoked            signs with the person's key whose certificate was revoked
//   wrong-key          signs with the other key: the signing key to sign in, the
//                      authentication key to sign an application
//   error              an error NCALayer gives for a malformed request (INVOCATION_ERROR)
// "Not running" is a fake that is not started, or one that was closed.
//
// Plain ws:// on loopback: browsers refuse a self-signed wss:// certificate, and the app
// reads the address from /config.json (ncalayerUrl), so the tests point it here.
//
// From the command line: node fake-ncalayer.js [--port 13580] [--mode success] [--sign-in-as IIN]
// then set "ncalayerUrl": "ws://127.0.0.1:13580" in the app's config.json (scripts/run does).
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { WebSocketServer } = require('ws');

const MODES = ['success', 'cancel', 'wrong-certificate', 'mismatch', 'expired', 'revoked', 'wrong-key', 'error'];
/** Someone else, for the mismatch mode: a valid ИИН that is not the applicant's. */
const STRANGER_IIN = '780101300006';
const OTHER_STRANGER_IIN = '900521400007';
/** Whom signing in signs as unless told. */
const DEFAULT_SIGN_IN = '850314300003';
const EKU_AUTHENTICATION = '1.3.6.1.5.5.7.3.2';
const PKI = process.env.OTINISH_TEST_PKI || path.resolve(__dirname, '../../target/test-pki');

/** The key `label` of the test PKI: its certificate and private key files. */
function testKey(label) {
  const key = {
    label,
    cert: path.join(PKI, 'keys', `${label}.pem`),
    key: path.join(PKI, 'keys', `${label}.key`),
    intermediate: path.join(PKI, 'trust-store', 'intermediate.pem'),
  };
  if (!fs.existsSync(key.cert)) throw new Error(`no key ${label} in the test PKI ${PKI} (scripts/test-pki)`);
  return key;
}

/**
 * A detached CMS SignedData over `bytes` (a Buffer) with `signer`, DER, base64: made by
 * `openssl cms`, with signed attributes (content type, message digest, signing time) and the
 * intermediate beside the signer's certificate, as NCALayer makes it.
 */
function detachedCms(bytes, signer) {
  const der = execFileSync('openssl', ['cms', '-sign', '-binary', '-nosmimecap', '-md', 'sha256',
    '-outform', 'DER', '-signer', signer.cert, '-inkey', signer.key, '-certfile', signer.intermediate],
  { input: bytes, maxBuffer: 16 * 1024 * 1024 });
  return der.toString('base64');
}

/**
 * The label of the key a person would sign `signed` (the parsed signing data, or the sign-in
 * challenge) with in `mode`; `authentication` when NCALayer was asked for that key.
 */
function keyLabel(mode, signed, authentication, signInAs) {
  const applicant = signed.applicant || {};
  const who = authentication ? signInAs : (applicant.iin_bin || STRANGER_IIN);
  const own = authentication ? 'auth' : 'sign';
  const other = authentication ? 'sign' : 'auth';
  switch (mode) {
    case 'mismatch': {
      const stranger = who === STRANGER_IIN ? OTHER_STRANGER_IIN : STRANGER_IIN;
      return `${stranger}-${own}`;
    }
    case 'expired': return `expired-${who}`;
    case 'revoked': return `revoked-${who}-${own}`;
    case 'wrong-key': return `${who}-${other}`;
    default: return `${who}-${own}`;
  }
}

/** Why a request is not one the app should send, or null. */
function protocolFault(request) {
  if (request.module !== 'kz.gov.pki.knca.basics') return `module ${request.module}`;
  if (request.method !== 'sign') return `method ${request.method}`;
  const args = request.args || {};
  if (args.format !== 'cms') return `format ${args.format}`;
  if (typeof args.data !== 'string' || !args.data) return 'no data';
  const params = args.signingParams || {};
  if (params.decode !== true || params.encapsulate !== false || params.digested !== false) {
    return `signingParams ${JSON.stringify(params)}`;
  }
  if (!Array.isArray(args.allowedStorages) || args.allowedStorages.length === 0) return 'allowedStorages';
  return null;
}

/**
 * Starts the fake on `port` (0: any free one). Resolves to a handle: `url`, `mode` (settable),
 * `requests` (every request, parsed), `signatures` (application id → the CMS it answered),
 * and `close()`.
 */
async function startFakeNcaLayer({ port = 0, host = '127.0.0.1', mode = 'success', signInAs = DEFAULT_SIGN_IN } = {}) {
  const fake = { mode, signInAs, requests: [], signatures: new Map(), keys: [], url: '', port: 0, closed: false, close: null };

  function answer(request) {
    const fault = protocolFault(request);
    if (fault || fake.mode === 'error') {
      return {
        status: false,
        code: 'INVOCATION_ERROR',
        message: 'An invoked method threw an exception.',
        details: fault || 'fake NCALayer in error mode',
      };
    }
    if (fake.mode === 'cancel') return { status: true, body: {} };
    if (fake.mode === 'wrong-certificate') {
      return { status: false, code: 'SIGNING_FAILURE', message: 'Signing failed.', details: 'wrong password' };
    }
    const bytes = Buffer.from(request.args.data, 'base64');
    let signed = {};
    try { signed = JSON.parse(bytes.toString('utf8')); } catch { /* not the app's signing data */ }
    const usages = ((request.args.signerParams || {}).extKeyUsageOids) || [];
    const label = keyLabel(fake.mode, signed, usages.includes(EKU_AUTHENTICATION), fake.signInAs);
    const cms = detachedCms(bytes, testKey(label));
    fake.keys.push(label);
    if (signed.application) fake.signatures.set(signed.application, cms);
    if (signed.nonce) fake.signatures.set(signed.nonce, cms);
    // NCALayer armours the CMS; the app must take the armour off.
    return { status: true, body: { result: `-----BEGIN CMS-----\n${cms.match(/.{1,64}/g).join('\n')}\n-----END CMS-----\n` } };
  }

  const server = new WebSocketServer({ host, port });
  server.on('connection', (socket) => {
    socket.send(JSON.stringify({ result: { version: '1.4' } }));
    socket.on('message', (data) => {
      let request;
      try { request = JSON.parse(data.toString()); } catch { return; }
      fake.requests.push(request);
      socket.send(JSON.stringify(answer(request)));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  fake.port = server.address().port;
  fake.url = `ws://${host}:${fake.port}`;
  fake.close = () => new Promise((resolve) => {
    fake.closed = true;
    for (const client of server.clients) client.terminate();
    server.close(() => resolve());
  });
  return fake;
}

module.exports = { startFakeNcaLayer, detachedCms, testKey, MODES, STRANGER_IIN, PKI };

if (require.main === module) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const mode = argument('mode', 'success');
  const signInAs = argument('sign-in-as', DEFAULT_SIGN_IN);
  if (!MODES.includes(mode)) {
    console.error(`unknown mode ${mode}; one of ${MODES.join(', ')}`);
    process.exit(2);
  }
  startFakeNcaLayer({ port: Number(argument('port', 13580)), mode, signInAs }).then((fake) => {
    console.log(`fake NCALayer (${mode}, signing in as ${signInAs}) on ${fake.url}, keys from ${PKI}`);
  });
}
