"""An HTTP client that checks every answer against the contract and remembers what it saw.

Each call names its `operationId`; the answer is validated by schemathesis against that
operation of `api/openapi.yaml` (status documented, content type, body schema, headers),
and problems must be `application/problem+json`. Nothing here knows the reference backend.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import requests
import schemathesis
import yaml
from schemathesis.core.failures import FailureGroup

PROBLEM_TYPE = "application/problem+json"


class ScenarioFailed(Exception):
    """A step of a scenario did not get the answer the contract promises."""


@dataclass
class Outcome:
    """What one operation answered during the run."""

    statuses: set[int] = field(default_factory=set)
    violations: list[str] = field(default_factory=list)

    @property
    def succeeded(self) -> bool:
        return any(200 <= status < 300 for status in self.statuses)


class MediaTypes:
    """The media types the contract documents for each operation and status: schemathesis'
    response validation checks bodies, not that the Content-Type is a documented one."""

    def __init__(self, spec: dict):
        self.documented: dict[tuple[str, str], set[str]] = {}
        for item in spec["paths"].values():
            for method, operation in item.items():
                if method == "parameters":
                    continue
                for status, response in operation["responses"].items():
                    if "$ref" in response:
                        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
                    self.documented[(operation["operationId"], status)] = set(response.get("content", {}))

    def problem(self, operation_id: str, status: int, content_type: str) -> str | None:
        media_type = content_type.split(";")[0].strip().lower()
        documented = self.documented.get((operation_id, str(status)))
        if documented is None or not documented or media_type in documented:
            return None
        return f"Content-Type {media_type or 'none'} is not one of {sorted(documented)}"


class ContractClient:
    def __init__(self, base_url: str, schema_path: str, timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.schema = schemathesis.openapi.from_path(schema_path)
        with open(schema_path, encoding="utf-8") as file:
            self.media_types = MediaTypes(yaml.safe_load(file))
        self.session = requests.Session()
        self.timeout = timeout
        self.outcomes: dict[str, Outcome] = defaultdict(Outcome)

    def operation_ids(self) -> list[str]:
        ids = []
        for result in self.schema.get_all_operations():
            operation = result.ok()
            ids.append(operation.definition.raw["operationId"])
        return ids

    def call(
        self,
        operation_id: str,
        path: str,
        *,
        token: str | None = None,
        json_body=None,
        headers: dict[str, str] | None = None,
        **kwargs,
    ) -> requests.Response:
        operation = self.schema.find_operation_by_id(operation_id)
        sent = dict(headers or {})
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        if json_body is not None:
            kwargs["data"] = json.dumps(json_body).encode()
            sent.setdefault("Content-Type", "application/json")
        try:
            response = self.session.request(
                operation.method.upper(),
                self.base_url + path,
                headers=sent,
                timeout=self.timeout,
                allow_redirects=False,
                **kwargs,
            )
        except requests.ConnectionError as error:
            # The kit keeps connections open, as browsers do. Seen once: a backend answered a
            # call before reading its body (a 401), closed the connection without saying so,
            # and the next call on it was reset.
            failure = f"{operation_id}: no answer ({first_lines(str(error), 1)})"
            if "RemoteDisconnected" in str(error):
                failure += (". The backend closed the connection without answering; if an earlier answer on"
                            " it came before that request's body was read, the answer must say"
                            " Connection: close (RFC 9112, section 9.6)")
            raise ScenarioFailed(failure) from None
        # No session rides along by accident: each call says its own (token or Cookie header).
        self.session.cookies.clear()
        self._check(operation_id, operation, response)
        return response

    def _check(self, operation_id, operation, response: requests.Response) -> None:
        outcome = self.outcomes[operation_id]
        outcome.statuses.add(response.status_code)
        where = f"{operation_id} → {response.status_code}"
        try:
            operation.validate_response(response)
        except FailureGroup as group:
            for failure in group.exceptions:
                outcome.violations.append(f"{where}: {failure.title}: {first_lines(failure.message)}")
        except AssertionError as error:
            outcome.violations.append(f"{where}: {first_lines(str(error))}")
        wrong_type = self.media_types.problem(operation_id, response.status_code, response.headers.get("Content-Type", ""))
        if wrong_type:
            outcome.violations.append(f"{where}: {wrong_type}")
        if response.status_code >= 400:
            media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
            if media_type != PROBLEM_TYPE:
                outcome.violations.append(f"{where}: a problem must be {PROBLEM_TYPE}, not {media_type!r}")

    def violations(self) -> list[str]:
        return [v for outcome in self.outcomes.values() for v in outcome.violations]


def first_lines(text: str, count: int = 3) -> str:
    return " / ".join(line for line in text.strip().splitlines()[:count] if line.strip())


def expect(response: requests.Response, status: int | tuple[int, ...], code: str | None = None) -> dict:
    """The JSON body of an answer with this status (and problem code); fails the step otherwise."""
    statuses = status if isinstance(status, tuple) else (status,)
    body = {}
    if response.content and "json" in response.headers.get("Content-Type", ""):
        body = response.json()
    if response.status_code not in statuses:
        raise ScenarioFailed(
            f"{response.request.method} {response.url}: expected {statuses}, got "
            f"{response.status_code} {body.get('code', '') if isinstance(body, dict) else ''}"
        )
    if code is not None and body.get("code") != code:
        raise ScenarioFailed(
            f"{response.request.method} {response.url}: expected the problem {code!r}, got {body.get('code')!r}"
        )
    return body
