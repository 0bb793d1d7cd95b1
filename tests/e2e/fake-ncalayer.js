// A fake NCALayer for the end-to-end tests and for development: a WebSocket server that
// speaks NCALayer's JSON protocol (module kz.gov.pki.knca.basics, method sign) and answers
// with a real detached CMS (PKCS #7 SignedData, DER, base64) over the bytes it is given, made
// with a test key whose certificate names the signer as НУЦ РК certificates do:
// SERIALNUMBER=IIN<ИИН>, and OU=BIN<БИН> for an organisation's key.
//
// The certificate is issued by a test CA generated at start, so it proves nothing: the
// reference backend checks the CMS's shape, digest, validity dates and ИИН/БИН, not the chain.
//
// Modes, what the applicant "does" in NCALayer's window:
//   success            signs with a key of the applicant named in the signing data
//   cancel             closes the window ({"status":true,"body":{}})
//   wrong-certificate  a key that cannot sign (wrong password): {"status":false,"code":"SIGNING_FAILURE"}
//   mismatch           signs with a valid key of someone else (another ИИН)
//   expired            signs with the applicant's key whose certificate expired
//   error              an error NCALayer gives for a malformed request (INVOCATION_ERROR)
// "Not running" is a fake that is not started, or one that was closed.
//
// Plain ws:// on loopback: browsers refuse a self-signed wss:// certificate, and the app
// reads the address from /config.json (ncalayerUrl), so the tests point it here.
//
// From the command line: node fake-ncalayer.js [--port 13580] [--mode success]
// then set "ncalayerUrl": "ws://127.0.0.1:13580" in the app's config.json.
'use strict';

const crypto = require('node:crypto');
const forge = require('node-forge');
const { WebSocketServer } = require('ws');

const MODES = ['success', 'cancel', 'wrong-certificate', 'mismatch', 'expired', 'error'];
/** Someone else, for the mismatch mode: a valid ИИН that is not the applicant's. */
const STRANGER_IIN = '780101300006';
const OTHER_STRANGER_IIN = '900521400007';
const DAY = 24 * 60 * 60 * 1000;

/** A fresh RSA key pair, made by node (fast) and handed to forge. */
function keyPair() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' })),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' })),
  };
}

function serial() {
  // Positive: the first byte below 0x80.
  return '01' + crypto.randomBytes(15).toString('hex');
}

function makeCa() {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 365 * DAY);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * DAY);
  const name = [{ shortName: 'C', value: 'KZ' }, { shortName: 'CN', value: 'TEST NCA OF KAZAKHSTAN (FAKE NCALAYER)' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keys, cert };
}

/**
 * A signing certificate issued by `ca` for the person `iin`, on behalf of the organisation
 * `bin` when given, valid from `notBefore` to `notAfter`.
 */
function signerCertificate(ca, keys, { iin, bin, notBefore, notAfter }) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = [
    { shortName: 'CN', value: 'TEST SIGNER' },
    { name: 'serialNumber', value: `IIN${iin}` },
    { shortName: 'C', value: 'KZ' },
  ];
  if (bin) subject.push({ shortName: 'OU', value: `BIN${bin}` });
  cert.setSubject(subject);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
  ]);
  cert.sign(ca.keys.privateKey, forge.md.sha256.create());
  return cert;
}

/** A detached CMS SignedData over `bytes` (a Buffer), DER, base64. */
function detachedCms(bytes, cert, key) {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(bytes.toString('binary'));
  p7.addCertificate(cert);
  p7.addSigner({
    key,
    certificate: cert,
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest },
      { type: forge.pki.oids.signingTime, value: new Date() },
    ],
  });
  p7.sign({ detached: true });
  return forge.util.encode64(forge.asn1.toDer(p7.toAsn1()).getBytes());
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
async function startFakeNcaLayer({ port = 0, host = '127.0.0.1', mode = 'success' } = {}) {
  const ca = makeCa();
  const keys = keyPair();
  const fake = { mode, requests: [], signatures: new Map(), url: '', port: 0, closed: false, close: null };

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
    const applicant = signed.applicant || {};
    const organisation = applicant.kind === 'legal-entity';
    let iin = organisation ? STRANGER_IIN : applicant.iin_bin;
    let bin = organisation ? applicant.iin_bin : undefined;
    if (fake.mode === 'mismatch') {
      const stranger = applicant.iin_bin === STRANGER_IIN ? OTHER_STRANGER_IIN : STRANGER_IIN;
      iin = stranger;
      bin = undefined;
    }
    const now = Date.now();
    const validity = fake.mode === 'expired'
      ? { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 35 * DAY) }
      : { notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) };
    const cert = signerCertificate(ca, keys, { iin: iin || STRANGER_IIN, bin, ...validity });
    const cms = detachedCms(bytes, cert, keys.privateKey);
    if (signed.application) fake.signatures.set(signed.application, cms);
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

module.exports = { startFakeNcaLayer, MODES, STRANGER_IIN };

if (require.main === module) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const mode = argument('mode', 'success');
  if (!MODES.includes(mode)) {
    console.error(`unknown mode ${mode}; one of ${MODES.join(', ')}`);
    process.exit(2);
  }
  startFakeNcaLayer({ port: Number(argument('port', 13580)), mode }).then((fake) => {
    console.log(`fake NCALayer (${mode}) on ${fake.url}`);
  });
}
