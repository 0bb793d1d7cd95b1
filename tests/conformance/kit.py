"""The conformance kit: is the backend at --base-url a compatible Өтініш backend?

    scripts/conformance --base-url https://api.example.kz/api/v1 \
        [--officer-token …] [--gateway-token …] [--app-origin https://app.example.kz]

1. Stateful scenarios (scenarios.py) drive an applicant's journey and the contract's rules,
   validating every answer against api/openapi.yaml.
2. schemathesis' stateful phase (the contract's links) and its example phase.
3. A table of operations × outcome. It passes when every scenario passed, no answer broke
   the contract, and every operation reached a success response.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import traceback
from pathlib import Path

from client import ContractClient, ScenarioFailed
from scenarios import FINAL_SCENARIOS, SCENARIOS, Options, Run, Skipped, origin_of

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    # Each line as it happens, in order with schemathesis' own output.
    sys.stdout.reconfigure(line_buffering=True)
    args = parse_args()
    client = ContractClient(args.base_url, args.schema)
    options = Options(
        applicants=args.applicants.split(","),
        other_applicant=args.other_applicant,
        password=args.password,
        officer_token=args.officer_token,
        gateway_token=args.gateway_token,
        app_origin=(args.app_origin or origin_of(args.base_url)).rstrip("/"),
        rate_limit_attempts=args.rate_limit_attempts,
        sign_in_key=args.sign_in_key,
        sign_in_certificate=args.sign_in_certificate,
    )
    run = Run(client, options)
    print(f"conformance: {args.base_url} against {args.schema}\n")
    failed = run_scenarios(run, SCENARIOS)
    stateful_ok = True
    if not args.no_schemathesis:
        stateful_ok = run_schemathesis(args, run)
    failed += run_scenarios(run, FINAL_SCENARIOS)

    print_table(client)
    violations = client.violations()
    unreached = [op for op in client.operation_ids() if not client.outcomes[op].succeeded]
    if violations:
        print(f"\n{len(violations)} answers broke the contract:")
        for violation in violations:
            print(f"  - {violation}")
    if unreached:
        print(f"\nNo success response from: {', '.join(unreached)}")
    ok = failed == 0 and not violations and not unreached and stateful_ok
    total = len(SCENARIOS) + len(FINAL_SCENARIOS)
    print(f"\nconformance: {total - failed} passed, {failed} failed"
          f" ({len(client.operation_ids()) - len(unreached)}/{len(client.operation_ids())} operations reached success,"
          f" {len(violations)} contract violations)")
    return 0 if ok else 1


def run_scenarios(run: Run, scenarios) -> int:
    """Runs each scenario, printing its outcome; the number that failed."""
    failed = 0
    for title, scenario in scenarios:
        try:
            scenario(run)
            print(f"  ✓ {title}")
        except Skipped as skipped:
            print(f"  – {title}: skipped ({skipped})")
        except ScenarioFailed as failure:
            failed += 1
            print(f"  ✗ {title}: {failure}")
        except Exception:  # a crash of the kit or an unreadable answer: report, go on
            failed += 1
            print(f"  ✗ {title}: {traceback.format_exc(limit=3)}")
    return failed


def run_schemathesis(args, run: Run) -> bool:
    """schemathesis' stateful phase follows the contract's links (created → read → changed
    → removed) with the applicant's session; its examples phase sends every example."""
    if run.token is None:
        print("  ✗ schemathesis: no applicant session to run it with")
        return False
    token = run.token
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(ROOT / "tests" / "contract" / "schemathesis.toml"),
        "run", args.schema, "--url", args.base_url,
        "-H", f"Authorization: Bearer {token}",
        "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
        "--phases", "examples,stateful",
        "--exclude-tag", "officer", "--exclude-tag", "gateway",
        "--exclude-operation-id", "logout", "--exclude-operation-id", "login", "--exclude-operation-id", "signIn",
        "--exclude-operation-id", "createSignInChallenge", "--exclude-operation-id", "testSignIn",
        "--max-examples", str(args.examples), "--suppress-health-check", "all", "--warnings", "off",
        "--workers", "1", "--seed", "1",
    ]
    print("\n==> schemathesis: examples and stateful (links)\n", flush=True)
    finished = subprocess.run(command, cwd=ROOT, check=False)
    if finished.returncode != 0:
        print("  ✗ schemathesis found answers that break the contract")
    return finished.returncode == 0


def print_table(client: ContractClient) -> None:
    rows = []
    for operation in client.operation_ids():
        outcome = client.outcomes[operation]
        mark = "✓" if outcome.succeeded and not outcome.violations else "✗"
        statuses = " ".join(str(s) for s in sorted(outcome.statuses)) or "—"
        rows.append((mark, operation, statuses, str(len(outcome.violations))))
    width = max(len(r[1]) for r in rows)
    print(f"\n{'':2}{'operation':<{width}}  {'statuses answered':<28} violations")
    for mark, operation, statuses, violations in rows:
        print(f"{mark:2}{operation:<{width}}  {statuses:<28} {violations}")


def parse_args():
    parser = argparse.ArgumentParser(prog="scripts/conformance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="the API's base, e.g. http://127.0.0.1:8080/api/v1")
    parser.add_argument("--officer-token", default=os.environ.get("CONFORMANCE_OFFICER_TOKEN"),
                        help="the officer API's token (moves applications along, uploads results)")
    parser.add_argument("--gateway-token", default=os.environ.get("CONFORMANCE_GATEWAY_TOKEN"),
                        help="the payment gateway's token (settles payments in test mode)")
    parser.add_argument("--app-origin", help="the app's origin for return_url (default: the base URL's)")
    parser.add_argument("--applicants", default="850314300003,061211600012,780101300006,010203500008",
                        help="test ИИН the registry knows, comma-separated: the first is the applicant")
    parser.add_argument("--other-applicant", default="900521400007", help="a second test ИИН/БИН")
    parser.add_argument("--password", default="conformance kit passphrase", help="their password")
    parser.add_argument("--rate-limit-attempts", type=int, default=60,
                        help="failed log-ins to try before a 429 is expected")
    parser.add_argument("--sign-in-key", help="an ЭЦП authentication key (PEM) the backend trusts, to sign in with")
    parser.add_argument("--sign-in-certificate", help="its certificate (PEM)")
    parser.add_argument("--schema", default=str(ROOT / "api" / "openapi.yaml"))
    parser.add_argument("--examples", type=int, default=int(os.environ.get("CONFORMANCE_EXAMPLES", "10")))
    parser.add_argument("--no-schemathesis", action="store_true", help="the scenarios only")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
