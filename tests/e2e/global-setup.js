// Once per run, before the specs: the OCSP responder the backend asks about the test PKI's
// certificates (playwright.config.js passes its address as --ocsp-responder).
const { startOcspResponder } = require('./ocsp-responder');

module.exports = async () => {
  const stop = await startOcspResponder({
    dir: process.env.OTINISH_TEST_PKI,
    port: Number(process.env.E2E_OCSP_PORT),
  });
  return stop;
};
