// A fake eGov mobile app for the end-to-end tests. It does what the phone does, from the
// pixels on: it photographs the page's QR code (a screenshot of the image), decodes it
// itself (jsQR over pngjs), which proves the code can be scanned, strips `mobileSign:`,
// reads API №1, then API №2 with the bearer token API №1 gave, signs the bytes with a key
// of the test PKI (`openssl cms`, as the fake NCALayer does) and puts the CMS back.
//
// Modes: `success` (the applicant's own key: the signing key of the ИИН/БИН in the signing
// data, or the authentication key of `signInAs`), `wrong-person` (another person's key),
// `tampered` (the CMS is over other bytes than those API №2 gave).
const { PNG } = require('pngjs');
const jsQR = require('jsqr');
const { detachedCms, testKey, STRANGER_IIN } = require('./fake-ncalayer');

const PREFIX = 'mobileSign:';

/** The text of the QR code `image` (a Playwright locator) shows, read from its pixels. */
async function scanQr(image) {
  const png = PNG.sync.read(await image.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code could be read from the image');
  return code.data;
}

/** The API №1 URL in a QR code's text. */
function api1Of(text) {
  if (!text.startsWith(PREFIX)) throw new Error(`not an eGov mobile QR code: ${text}`);
  return text.slice(PREFIX.length);
}

/**
 * The inner link of a same-device link (`https://mgovsign.page.link/?link=…&isi=…`): the
 * API №1 URL the app opens.
 */
function api1OfAppLink(href) {
  return new URL(href).searchParams.get('link');
}

/** The key label a person signs `bytes` with in `mode`. */
function keyLabel(mode, bytes, { signInAs }) {
  const text = bytes.toString('utf8');
  if (text.includes('"otinish-sign-in/1"')) {
    return mode === 'wrong-person' ? `${STRANGER_IIN}-auth` : `${signInAs}-auth`;
  }
  const applicant = JSON.parse(text).applicant || {};
  return mode === 'wrong-person' ? `${STRANGER_IIN}-sign` : `${applicant.iin_bin}-sign`;
}

/**
 * Plays the phone on the session of `api1` (its URL) with `request` (a Playwright
 * APIRequestContext): API №1, API №2, the signature back. Resolves to what each answered:
 * `{ api1, put }`, each `{ status, body }`; `put` is absent when API №1 refused.
 */
async function signOnPhone(request, api1, { mode = 'success', signInAs = '850314300003', language = 'ru' } = {}) {
  const headers = { 'Accept-Language': language === 'kk' ? 'kk-KZ' : 'ru-RU' };
  const first = await request.get(api1, { headers });
  const api1Answer = { status: first.status(), body: await first.json() };
  if (!first.ok()) return { api1: api1Answer };
  const { uri, auth_type: authType, auth_token: token } = api1Answer.body.document;
  if (authType !== 'Token') throw new Error(`auth_type ${authType}`);
  const bearer = { ...headers, Authorization: `Bearer ${token}` };
  const second = await request.get(uri, { headers: bearer });
  if (!second.ok()) throw new Error(`API №2 answered ${second.status()}`);
  const documents = await second.json();
  if (documents.signMethod !== 'CMS_SIGN_ONLY') throw new Error(`signMethod ${documents.signMethod}`);
  const entry = documents.documentsToSign[0];
  const bytes = Buffer.from(entry.document.file.data, 'base64');
  const signed = mode === 'tampered' ? Buffer.concat([bytes, Buffer.from(' ')]) : bytes;
  const cms = detachedCms(signed, testKey(keyLabel(mode, bytes, { signInAs })));
  const back = {
    ...documents,
    documentsToSign: [{ ...entry, document: { file: { ...entry.document.file, data: cms } } }],
  };
  const put = await request.put(uri, { headers: bearer, data: back });
  const text = await put.text();
  return { api1: api1Answer, put: { status: put.status(), body: text ? JSON.parse(text) : null } };
}

module.exports = { scanQr, api1Of, api1OfAppLink, signOnPhone };
