"""The stateful scenarios: an applicant's whole journey through the contract, and the rules
every backend keeps (isolation between accounts, idempotency, versions, rate limits).

Each scenario is a function of the shared `Run`; a scenario that needs something an
earlier one failed to make is skipped, not failed twice. The catalog ids are the
catalog's (`crates/core/catalog`), which every backend of the app serves.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from client import ContractClient, ScenarioFailed, expect

# A complete duplicate of a medical licence in East Kazakhstan: a fee of 10 МРП and no
# file to attach, so that payment, signing and submission can be reached quickly.
PAID_SERVICE = {"service": "medical-licence", "provider": "vko-health", "sub_case": "duplicate", "targets": ["licence"]}
PAID_ANSWERS = {
    "annex-subtypes": {"activity-subtypes": "Стоматология"},
    "duplicate-details": {"licence-number": "00123", "licence-date": "2015-03-12", "duplicate-reason": "lost"},
    "contacts": {"contact-phone": "+77011234567", "contact-email": "conformance@example.kz"},
}
# A pharmaceutical licence duplicate: a licence fee is due but no source gives its rate, so
# the applicant pays the amount the provider set (entered) or attaches a receipt.
ENTERED_FEE_SERVICE = {"service": "pharmaceutical-licence", "provider": "vko-health", "sub_case": "duplicate", "targets": ["licence"]}
# The same licence to issue asks for the qualification form: where a file goes.
UPLOAD_SERVICE = {"service": "medical-licence", "provider": "vko-health", "sub_case": "issue", "targets": ["licence"]}
UPLOAD_DOCUMENT = "qualification-form"

# The officer's moves, in the order of the processing paths; the kit tries each in turn and
# skips those the application's path does not have (409 transition-not-allowed).
OFFICER_PATH = ["registered", "executor-assigned", "under-review", "agreement-requested", "agreement-received", "decision"]


def sample_pdf(marker: str) -> bytes:
    """A small PDF (judged by content: the magic bytes), unique to this run."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n% otinish conformance " + marker.encode() + b"\n" + bytes(range(256)) + b"\n%%EOF\n"


@dataclass
class Options:
    # Test ИИН the registry knows; the first is the applicant (the test sign-in makes the
    # account the first time and signs in to it afterwards).
    applicants: list[str]
    other_applicant: str
    password: str
    officer_token: str | None
    gateway_token: str | None
    app_origin: str
    rate_limit_attempts: int
    # An authentication key and its certificate (PEM), for signing in with ЭЦП.
    sign_in_key: str | None = None
    sign_in_certificate: str | None = None


@dataclass
class Run:
    client: ContractClient
    options: Options
    marker: str = field(default_factory=lambda: secrets.token_hex(4))
    applicant: str | None = None
    token: str | None = None
    other_token: str | None = None
    paid_id: str | None = None
    upload_id: str | None = None
    kept_document: str | None = None
    payment_id: str | None = None
    submitted: dict | None = None
    result_bytes: bytes | None = None

    def need(self, *names: str) -> None:
        missing = [name for name in names if getattr(self, name) is None]
        if missing:
            raise Skipped(f"needs {', '.join(missing)} from an earlier scenario")


class Skipped(Exception):
    pass


def patiently(call, attempts: int = 4):
    """Sends `call()` again after a 429's Retry-After (at most 10 s a time), as a client of
    the contract should: sign-ins are limited per client, and the kit is one client."""
    for _ in range(attempts):
        response = call()
        if response.status_code != 429:
            return response
        expect(response, 429, "too-many-requests")
        retry_after = response.headers.get("Retry-After", "1")
        time.sleep(min(int(retry_after) if retry_after.isdigit() else 1, 10))
    return response


def sign_in(run: Run, iin_bin: str) -> str:
    """Signs a test applicant in (the test sign-in of a test deployment, bearer session) and
    sets the kit's password as their second way in; the bearer token."""
    c, o = run.client, run.options
    body = {"iin_bin": iin_bin, "session": "bearer"}
    signed_in = patiently(lambda: c.call("testSignIn", "/auth/test-sign-in", json_body=body))
    token = expect(signed_in, (200, 201))["token"]
    expect(c.call("setPassword", "/auth/password", token=token, json_body={"password": o.password}), 204)
    return token


def sign_in_with_key(run: Run) -> None:
    """Signing in with ЭЦП: the challenge's bytes signed by an authentication key (a detached
    CMS made with openssl), when the kit was given one (--sign-in-key, --sign-in-certificate)."""
    c, o = run.client, run.options
    challenge = expect(patiently(lambda: c.call("createSignInChallenge", "/auth/challenge")), 201)
    if not o.sign_in_key:
        return
    data = base64.b64decode(challenge["data"])
    cms = subprocess.run(
        ["openssl", "cms", "-sign", "-binary", "-outform", "DER", "-nosmimecap", "-md", "sha256",
         "-signer", o.sign_in_certificate, "-inkey", o.sign_in_key],
        input=data, capture_output=True, check=True,
    ).stdout
    body = {"nonce": challenge["nonce"], "cms": base64.b64encode(cms).decode(), "session": "bearer"}
    session = expect(patiently(lambda: c.call("signIn", "/auth/sign-in", json_body=body)), (200, 201))
    if not session.get("token"):
        raise ScenarioFailed("a bearer sign-in answers a token")
    again = c.call("signIn", "/auth/sign-in", json_body=body)
    expect(again, 422, "challenge-invalid")


def _api_path(url: str) -> str:
    """The path of an API URL below /api/v1 (the phone's URLs are under the public URL, which
    may not be the address the kit reaches the backend at)."""
    path = urlsplit(url).path
    return path.split("/api/v1", 1)[1] if "/api/v1" in path else path


def egov_mobile(run: Run) -> None:
    """eGov mobile: a sign-in session started, read as the phone reads it (API №1, API №2 with
    its bearer token, nothing without it), signed by the authentication key when the kit was
    given one, and signed in with once; the browser's secret is the only way to ask after it."""
    c, o = run.client, run.options
    start = expect(patiently(lambda: c.call("startEgovMobileSignIn", "/auth/egov-mobile")), 201)
    if not start["qr_text"].startswith("mobileSign:"):
        raise ScenarioFailed("the QR code says mobileSign: and the API №1 URL")
    poll = {"poll": start["poll"]}
    if expect(c.call("getEgovMobileStatus", "/egov-mobile/status", json_body=poll), 200)["state"] != "waiting":
        raise ScenarioFailed("a new session is waiting")
    expect(c.call("getEgovMobileStatus", "/egov-mobile/status", json_body={"poll": "not-a-secret"}), 404)
    api1 = _api_path(start["qr_text"].removeprefix("mobileSign:"))
    first = expect(c.call("egovMobileApi1", api1), 200)
    api2 = _api_path(first["document"]["uri"])
    expect(c.call("egovMobileApi2Documents", api2, headers={"Authorization": "Bearer wrong"}), 401)
    documents = expect(c.call("egovMobileApi2Documents", api2, token=first["document"]["auth_token"]), 200)
    if not o.sign_in_key:
        expect(c.call("cancelEgovMobile", "/egov-mobile/cancel", json_body=poll), 204)
        expect(c.call("egovMobileApi1", api1), 409, "egov-mobile-used")
        return
    entry = documents["documentsToSign"][0]
    cms = subprocess.run(
        ["openssl", "cms", "-sign", "-binary", "-outform", "DER", "-nosmimecap", "-md", "sha256",
         "-signer", o.sign_in_certificate, "-inkey", o.sign_in_key],
        input=base64.b64decode(entry["document"]["file"]["data"]), capture_output=True, check=True,
    ).stdout
    entry["document"]["file"]["data"] = base64.b64encode(cms).decode()
    expect(c.call("egovMobileApi2Signed", api2, token=first["document"]["auth_token"], json_body=documents), 200)
    if expect(c.call("getEgovMobileStatus", "/egov-mobile/status", json_body=poll), 200)["state"] != "signed":
        raise ScenarioFailed("a verified signature leaves the session signed")
    body = {**poll, "session": "bearer"}
    session = expect(patiently(lambda: c.call("signInWithEgovMobile", "/auth/egov-mobile/sign-in", json_body=body)), (200, 201))
    if not session.get("token"):
        raise ScenarioFailed("a bearer sign-in answers a token")
    expect(patiently(lambda: c.call("signInWithEgovMobile", "/auth/egov-mobile/sign-in", json_body=body)), 409, "egov-mobile-used")


def health_and_config(run: Run) -> None:
    c = run.client
    expect(c.call("getHealth", "/health"), 200)
    config = expect(c.call("getConfig", "/config"), 200)
    if not config.get("test_mode"):
        raise ScenarioFailed("the backend is not in test mode (GET /config: test_mode); the kit only runs against test deployments")
    if "test" not in config.get("signature_methods", []):
        raise ScenarioFailed("a test deployment offers the `test` signature method")


def accounts(run: Run) -> None:
    """Sign in (the test sign-in, and with ЭЦП when the kit has a key), a password as the
    second way in (bearer and cookie), `me`, and the 401s."""
    c, o = run.client, run.options
    sign_in_with_key(run)
    run.applicant = o.applicants[0]
    sign_in(run, run.applicant)
    login = patiently(lambda: c.call("login", "/auth/login", json_body={"iin_bin": run.applicant, "password": o.password, "session": "bearer"}))
    session = expect(login, 200)
    if not session.get("token") or "otinish_session=" in login.headers.get("Set-Cookie", ""):
        raise ScenarioFailed("a bearer log-in answers a token and sets no cookie")
    run.token = session["token"]
    cookie_login = patiently(lambda: c.call("login", "/auth/login", json_body={"iin_bin": run.applicant, "password": o.password}))
    expect(cookie_login, 200)
    cookie = cookie_login.cookies.get("otinish_session") or _cookie_value(cookie_login.headers.get("Set-Cookie", ""))
    if not cookie or "token" in cookie_login.json():
        raise ScenarioFailed("a cookie log-in sets otinish_session and answers no token")
    me = expect(c.call("getMe", "/auth/me", headers={"Cookie": f"otinish_session={cookie}"}), 200)
    if me.get("iin_bin") != run.applicant:
        raise ScenarioFailed("/auth/me with the cookie names another applicant")
    expect(c.call("logout", "/auth/logout", headers={"Cookie": f"otinish_session={cookie}"}), 204)
    expect(c.call("getMe", "/auth/me", headers={"Cookie": f"otinish_session={cookie}"}), 401, "unauthenticated")
    expect(c.call("getMe", "/auth/me", token=run.token), 200)
    expect(c.call("getMe", "/auth/me"), 401, "unauthenticated")
    expect(c.call("getMe", "/auth/me", token="not-a-token-" + run.marker), 401, "unauthenticated")
    wrong = {"iin_bin": run.applicant, "password": "not the password " + run.marker}
    expect(patiently(lambda: c.call("login", "/auth/login", json_body=wrong)), 401, "invalid-credentials")
    run.other_token = sign_in(run, o.other_applicant)


def _cookie_value(set_cookie: str) -> str | None:
    for part in set_cookie.split(","):
        name, _, rest = part.strip().partition("=")
        if name == "otinish_session":
            return rest.split(";")[0] or None
    return None


def drafts_and_versions(run: Run) -> None:
    """Create a draft, save answers with versions, and a stale version's conflict."""
    run.need("token")
    c = run.client
    created = c.call("createApplication", "/applications", token=run.token, json_body=PAID_SERVICE)
    application = expect(created, 201)
    run.paid_id = application["id"]
    if application["status"] != "draft" or application["version"] < 1:
        raise ScenarioFailed("a new application is a draft with a version")
    path = f"/applications/{run.paid_id}"
    first = application["version"]
    saved = expect(c.call("saveAnswers", f"{path}/answers", token=run.token, json_body={"version": first, "answers": {"contacts": {"contact-phone": "+77011234567"}}}), 200)
    if saved["version"] <= first:
        raise ScenarioFailed("saving answers gives a newer version")
    stale = c.call("saveAnswers", f"{path}/answers", token=run.token, json_body={"version": first, "answers": PAID_ANSWERS})
    conflict = expect(stale, 409, "version-conflict")
    if conflict.get("params", {}).get("current_version") != saved["version"]:
        raise ScenarioFailed("a version conflict names the current version (params.current_version)")
    expect(c.call("saveAnswers", f"{path}/answers", token=run.token, json_body={"version": saved["version"], "answers": PAID_ANSWERS}), 200)
    stored = expect(c.call("getApplication", path, token=run.token), 200)
    if stored["answers"] != PAID_ANSWERS:
        raise ScenarioFailed("the stored answers are not the ones saved (another tab's stale save must not win)")
    expect(c.call("createApplication", "/applications", token=run.token, json_body={**PAID_SERVICE, "sub_case": "no-such-case"}), 400, "malformed-request")


def pagination(run: Run) -> None:
    """The list pages with `next_cursor`; following it reaches every application."""
    run.need("token", "paid_id")
    c = run.client
    extra = expect(c.call("createApplication", "/applications", token=run.token, json_body=PAID_SERVICE), 201)["id"]
    seen, cursor, pages = [], None, 0
    while True:
        query = "?limit=1" + (f"&cursor={cursor}" if cursor else "")
        page = expect(c.call("listApplications", "/applications" + query, token=run.token), 200)
        if len(page["items"]) > 1:
            raise ScenarioFailed("a page holds at most `limit` items")
        seen += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page.get("next_cursor")
        if not cursor or pages > 500:
            break
    if pages < 2 or run.paid_id not in seen or extra not in seen or len(seen) != len(set(seen)):
        raise ScenarioFailed(f"following next_cursor with limit=1 reaches each application once ({pages} pages)")
    expect(c.call("listApplications", "/applications?cursor=not-a-cursor", token=run.token), 400, "malformed-request")
    expect(c.call("discardApplication", f"/applications/{extra}", token=run.token), 204)
    expect(c.call("getApplication", f"/applications/{extra}", token=run.token), 404, "not-found")


def documents(run: Run) -> None:
    """Upload, download byte for byte, remove; a file of another type is refused."""
    run.need("token")
    c = run.client
    run.upload_id = expect(c.call("createApplication", "/applications", token=run.token, json_body=UPLOAD_SERVICE), 201)["id"]
    base = f"/applications/{run.upload_id}/documents"
    content = sample_pdf(run.marker)
    files = {"file": ("сведения.pdf", content, "application/pdf")}
    stored = expect(c.call("uploadDocument", base, token=run.token, data={"document": UPLOAD_DOCUMENT}, files=files), 201)
    if stored["size"] != len(content) or stored["sha256"] != hashlib.sha256(content).hexdigest():
        raise ScenarioFailed("the stored document's size and sha256 are the uploaded file's")
    download = c.call("downloadDocument", f"{base}/{stored['id']}", token=run.token)
    expect(download, 200)
    if download.content != content:
        raise ScenarioFailed(f"the download differs from the upload ({len(download.content)} bytes, {len(content)} sent)")
    not_a_pdf = {"file": ("notes.pdf", b"just some text, not a PDF", "application/pdf")}
    expect(c.call("uploadDocument", base, token=run.token, data={"document": UPLOAD_DOCUMENT}, files=not_a_pdf), 415, "file-type-not-allowed")
    empty = {"file": ("empty.pdf", b"", "application/pdf")}
    expect(c.call("uploadDocument", base, token=run.token, data={"document": UPLOAD_DOCUMENT}, files=empty), 400, "file-empty")
    expect(c.call("deleteDocument", f"{base}/{stored['id']}", token=run.token), 204)
    expect(c.call("downloadDocument", f"{base}/{stored['id']}", token=run.token), 404, "not-found")
    # Kept for the isolation scenario.
    kept = expect(c.call("uploadDocument", base, token=run.token, data={"document": UPLOAD_DOCUMENT}, files=files), 201)
    run.kept_document = kept["id"]


def payment(run: Run) -> None:
    """Pay the fee: the same pending payment twice, settled by the gateway's callback."""
    run.need("token", "paid_id")
    c, o = run.client, run.options
    if o.gateway_token is None:
        raise Skipped("needs --gateway-token to settle a payment in test mode")
    path = f"/applications/{run.paid_id}/payments"
    return_url = f"{o.app_origin}/applications/{run.paid_id}/payment"
    foreign = c.call("createPayment", path, token=run.token, json_body={"return_url": "https://attacker.example/x"})
    problem = expect(foreign, 422, "validation-failed")
    if not any(e.get("code") == "return-url-not-allowed" for e in problem.get("errors", [])):
        raise ScenarioFailed("a return_url outside the app's origins is refused with return-url-not-allowed")
    created = expect(c.call("createPayment", path, token=run.token, json_body={"return_url": return_url}), 201)
    again = expect(c.call("createPayment", path, token=run.token, json_body={"return_url": return_url}), 200)
    if again["id"] != created["id"] or created["status"] != "pending" or not created.get("redirect_url"):
        raise ScenarioFailed("a pending payment is answered again, with its gateway page")
    run.payment_id = created["id"]
    listed = expect(c.call("listPayments", path, token=run.token), 200)
    if [p["id"] for p in listed["items"]][:1] != [run.payment_id]:
        raise ScenarioFailed("the payments list holds the new payment first")
    expect(c.call("getPayment", f"{path}/{run.payment_id}", token=run.token), 200)
    expect(c.call("getSigningData", f"/applications/{run.paid_id}/signing-data", token=run.token), 409, "payment-required")
    report = {
        "outcome": "paid",
        "tenge": created["tenge"],
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "gateway_reference": f"CONFORMANCE-{run.marker}",
        "receipt_number": f"{secrets.randbelow(10**10):010d}",
    }
    callback = f"/payments/{run.payment_id}/callback"
    expect(c.call("paymentCallback", callback, token=run.token, json_body=report), 401, "unauthenticated")
    expect(c.call("paymentCallback", callback, token=o.gateway_token, json_body=report), 200)
    expect(c.call("paymentCallback", callback, token=o.gateway_token, json_body=report), 200)
    declined = {**report, "outcome": "declined"}
    del declined["receipt_number"]
    expect(c.call("paymentCallback", callback, token=o.gateway_token, json_body=declined), 409, "payment-final")
    paid = expect(c.call("getPayment", f"{path}/{run.payment_id}", token=run.token), 200)
    if paid["status"] != "paid" or "receipt" not in paid:
        raise ScenarioFailed("a paid payment carries its receipt")
    expect(c.call("createPayment", path, token=run.token, json_body={"return_url": return_url}), 409, "already-paid")


def entered_fee(run: Run) -> None:
    """A fee without a sourced rate is paid in the amount entered; a computed one takes none."""
    run.need("token", "paid_id")
    c, o = run.client, run.options
    created = expect(c.call("createApplication", "/applications", token=run.token, json_body=ENTERED_FEE_SERVICE), 201)
    path = f"/applications/{created['id']}"
    expect(c.call("saveAnswers", f"{path}/answers", token=run.token, json_body={"version": created["version"], "answers": PAID_ANSWERS}), 200)
    if created["fee"] != {"kind": "due-unsourced"}:
        raise ScenarioFailed("a licence fee without a sourced rate is `due-unsourced`")
    return_url = f"{o.app_origin}/applications/{created['id']}/payment"
    for body, field_code in [({"return_url": return_url}, "required"), ({"return_url": return_url, "tenge": 10_000_001}, "out-of-range")]:
        problem = expect(c.call("createPayment", f"{path}/payments", token=run.token, json_body=body), 422, "validation-failed")
        if [(e.get("field"), e.get("code")) for e in problem.get("errors", [])] != [("/tenge", field_code)]:
            raise ScenarioFailed(f"an entered amount is required and bounded: {field_code} on /tenge")
    payment = expect(c.call("createPayment", f"{path}/payments", token=run.token, json_body={"return_url": return_url, "tenge": 30_000}), 201)
    if payment["tenge"] != 30_000 or "mrp_tenths" in payment:
        raise ScenarioFailed("a payment of an entered amount is that amount, without an МРП")
    computed = f"/applications/{run.paid_id}/payments"
    problem = expect(c.call("createPayment", computed, token=run.token, json_body={"return_url": return_url, "tenge": 1}), 422, "validation-failed")
    if [e.get("code") for e in problem.get("errors", [])] != ["amount-not-accepted"]:
        raise ScenarioFailed("a computed fee takes no amount from the applicant")


def submission(run: Run) -> None:
    """Sign and submit with an Idempotency-Key: the same key twice, then with another body."""
    run.need("token", "paid_id", "payment_id")
    c = run.client
    base = f"/applications/{run.paid_id}"
    signing = expect(c.call("getSigningData", f"{base}/signing-data", token=run.token), 200)
    if hashlib.sha256(base64.b64decode(signing["data"])).hexdigest() != signing["sha256"]:
        raise ScenarioFailed("the signing data's sha256 is that of its bytes")
    # An eGov mobile session for the ready application, given up; not for another account.
    egov = expect(c.call("startEgovMobileSigning", f"{base}/egov-mobile", token=run.token), 201)
    expect(c.call("cancelEgovMobile", "/egov-mobile/cancel", json_body={"poll": egov["poll"]}), 204)
    # Another, left to expire through the test-mode hook: the phone is then told it is over.
    egov = expect(c.call("startEgovMobileSigning", f"{base}/egov-mobile", token=run.token), 201)
    expect(c.call("expireEgovMobile", "/egov-mobile/expire", json_body={"poll": egov["poll"]}), 204)
    if expect(c.call("getEgovMobileStatus", "/egov-mobile/status", json_body={"poll": egov["poll"]}), 200)["state"] != "expired":
        raise ScenarioFailed("a session ended by the test-mode hook is expired")
    expect(c.call("egovMobileApi1", _api_path(egov["qr_text"].removeprefix("mobileSign:"))), 410, "egov-mobile-expired")
    if run.other_token:
        expect(c.call("startEgovMobileSigning", f"{base}/egov-mobile", token=run.other_token), 404)
    body = {"version": signing["version"], "signature": {"method": "test"}}
    key = f'"{uuid.uuid4()}"'
    expect(c.call("submitApplication", f"{base}/submission", token=run.token, json_body=body), 400, "idempotency-key-missing")
    first = expect(c.call("submitApplication", f"{base}/submission", token=run.token, json_body=body, headers={"Idempotency-Key": key}), 201)
    again = expect(c.call("submitApplication", f"{base}/submission", token=run.token, json_body=body, headers={"Idempotency-Key": key}), 201)
    if again != first:
        raise ScenarioFailed("a retry with the same key and body answers the first result")
    other = {**body, "signature": {"method": "test", "simulate": "signature-invalid"}}
    expect(c.call("submitApplication", f"{base}/submission", token=run.token, json_body=other, headers={"Idempotency-Key": key}), 422, "idempotency-key-reused")
    expect(c.call("submitApplication", f"{base}/submission", token=run.token, json_body=body, headers={"Idempotency-Key": f'"{uuid.uuid4()}"'}), 409, "already-submitted")
    expect(c.call("saveAnswers", f"{base}/answers", token=run.token, json_body={"version": signing["version"], "answers": PAID_ANSWERS}), 409)
    run.submitted = first


def officer_and_result(run: Run) -> None:
    """The officer moves the application along, uploads the result and issues it; the
    applicant follows the history and downloads the result byte for byte."""
    run.need("token", "submitted")
    c, o = run.client, run.options
    if o.officer_token is None:
        raise Skipped("needs --officer-token to move an application along in test mode")
    application = run.paid_id
    found, cursor = False, None
    for _ in range(1000):
        query = "?limit=100" + (f"&cursor={cursor}" if cursor else "")
        page = expect(c.call("officerListApplications", "/officer/applications" + query, token=o.officer_token), 200)
        found = found or any(item["id"] == application for item in page["items"])
        cursor = page.get("next_cursor")
        if found or not cursor:
            break
    if not found:
        raise ScenarioFailed("the officer's list holds the submitted application")
    expect(c.call("officerListApplications", "/officer/applications", token=run.token), 401, "unauthenticated")
    path = f"/officer/applications/{application}"
    seen = expect(c.call("officerGetApplication", path, token=o.officer_token), 200)
    if seen["applicant"]["iin_bin"] != run.applicant:
        raise ScenarioFailed("the officer sees the applicant")
    expect(c.call("officerMoveApplication", f"{path}/transitions", token=o.officer_token, json_body={"to": "issued"}), (409, 422))
    for state in OFFICER_PATH:
        moved = c.call("officerMoveApplication", f"{path}/transitions", token=o.officer_token, json_body={"to": state})
        if moved.status_code == 409:
            expect(moved, 409, "transition-not-allowed")
            continue
        expect(moved, 200)
    result = sample_pdf("result " + run.marker)
    files = {"file": ("licence.pdf", result, "application/pdf")}
    expect(c.call("officerUploadResult", f"{path}/result", token=o.officer_token, data={"document_number": f"KZ{run.marker}"}, files=files), 201)
    expect(c.call("downloadResult", f"/applications/{application}/result", token=run.token), 409, "result-not-ready")
    expect(c.call("officerUploadResult", f"{path}/result", token=o.officer_token, files=files), 200)
    expect(c.call("officerMoveApplication", f"{path}/transitions", token=o.officer_token, json_body={"to": "issued"}), 200)
    history = expect(c.call("getHistory", f"/applications/{application}/history", token=run.token), 200)
    states = [entry["status"] for entry in history["items"]]
    if states[0] != "draft" or states[-1] != "issued" or "delivered" not in states:
        raise ScenarioFailed(f"the history runs from draft to issued, oldest first ({states})")
    download = c.call("downloadResult", f"/applications/{application}/result", token=run.token)
    expect(download, 200)
    if download.content != result:
        raise ScenarioFailed("the result downloads byte for byte as the officer uploaded it")
    run.result_bytes = result


def isolation(run: Run) -> None:
    """Another account's application, documents, payments and result answer 404."""
    run.need("token", "other_token", "paid_id", "upload_id")
    c, other = run.client, run.other_token
    a = f"/applications/{run.paid_id}"
    u = f"/applications/{run.upload_id}"
    checks = [
        ("getApplication", a, {}),
        ("getHistory", f"{a}/history", {}),
        ("listPayments", f"{a}/payments", {}),
        ("getSigningData", f"{a}/signing-data", {}),
        ("downloadResult", f"{a}/result", {}),
        ("downloadDocument", f"{u}/documents/{run.kept_document or uuid.uuid4()}", {}),
        ("deleteDocument", f"{u}/documents/{run.kept_document or uuid.uuid4()}", {}),
        ("saveAnswers", f"{u}/answers", {"json_body": {"version": 1, "answers": {}}}),
        ("discardApplication", u, {}),
        ("createPayment", f"{u}/payments", {"json_body": {"return_url": f"{run.options.app_origin}/x"}}),
    ]
    if run.payment_id:
        checks.append(("getPayment", f"{a}/payments/{run.payment_id}", {}))
    for operation, path, kwargs in checks:
        expect(c.call(operation, path, token=other, **kwargs), 404, "not-found")
    listed = expect(c.call("listApplications", "/applications?limit=100", token=other), 200)
    if any(item["id"] in (run.paid_id, run.upload_id) for item in listed["items"]):
        raise ScenarioFailed("another account's list shows none of this account's applications")
    expect(c.call("getApplication", f"/applications/{uuid.uuid4()}", token=run.token), 404, "not-found")
    # Not an id at all: the contract allows the 400 of a malformed parameter or the 404 of
    # an id that names nothing; the answer must be one of its problems either way.
    expect(c.call("getApplication", "/applications/not-a-uuid", token=run.token), (400, 404))
    # The applicant discards the upload draft (its documents go with it).
    expect(c.call("discardApplication", u, token=run.token), 204)


def rate_limit(run: Run) -> None:
    """Log-in attempts are limited: a 429 carries Retry-After. An ИИН/БИН of this run only,
    so that no real account is locked."""
    c = run.client
    iin = f"{secrets.randbelow(10**12):012d}"
    for attempt in range(run.options.rate_limit_attempts):
        response = c.call("login", "/auth/login", json_body={"iin_bin": iin, "password": "wrong password " + run.marker})
        if response.status_code == 429:
            expect(response, 429, "too-many-requests")
            retry_after = response.headers.get("Retry-After", "")
            if not retry_after.isdigit() or int(retry_after) < 1:
                raise ScenarioFailed(f"a 429 carries Retry-After in seconds (got {retry_after!r})")
            return
        expect(response, 401, "invalid-credentials")
    raise ScenarioFailed(f"no 429 after {run.options.rate_limit_attempts} failed log-ins for one ИИН/БИН")


def log_out(run: Run) -> None:
    run.need("token")
    c = run.client
    expect(c.call("logout", "/auth/logout", token=run.token), 204)
    expect(c.call("getMe", "/auth/me", token=run.token), 401, "unauthenticated")
    expect(c.call("logout", "/auth/logout"), 204)


SCENARIOS = [
    ("health and configuration", health_and_config),
    ("sign in (ЭЦП, test, password); cookie and bearer sessions", accounts),
    ("eGov mobile: API №1 and №2, signed on the phone, signed in once", egov_mobile),
    ("drafts, answers with versions, a conflict", drafts_and_versions),
    ("the list follows next_cursor; discarding", pagination),
    ("upload, download byte for byte, remove", documents),
    ("payment settled through the gateway callback", payment),
    ("an entered amount for a fee without a sourced rate", entered_fee),
    ("signing and submission with idempotency", submission),
    ("officer moves, result, history", officer_and_result),
    ("another account's resources answer 404", isolation),
]

# After schemathesis, which uses the applicant's session; the rate limit last of all: a
# backend may limit the client as a whole, not only the ИИН/БИН.
FINAL_SCENARIOS = [("logging out", log_out), ("429 carries Retry-After", rate_limit)]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
