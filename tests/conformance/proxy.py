"""A validating reverse proxy: everything the browser sends to the backend passes through
it, unchanged (bytes in, bytes out, binary bodies too), and every `/api/v1` exchange is
checked against api/openapi.yaml on the way: the operation exists, a JSON request body
matches its schema (a multipart one is multipart), and the answer matches the contract
(schemathesis: status documented, content type, body schema, headers). Violations go to
`--violations` as JSON lines; the end-to-end run fails when that file is not empty.

Written here rather than taken: Prism's proxy mode re-encodes binary bodies, which breaks
uploads and downloads (the issue that asked for this).

    python proxy.py --listen 127.0.0.1:9001 --backend http://127.0.0.1:9000 \
        --violations v.jsonl --exchanges n.txt
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema_rs
import requests
import schemathesis
import yaml
from schemathesis.core.failures import FailureGroup
from schemathesis.core.transport import Response

from client import MediaTypes

API_PREFIX = "/api/v1"
# Hop-by-hop headers (RFC 9110 §7.6.1) and the framing this proxy sets itself.
NOT_FORWARDED = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "content-length"}
ROOT = Path(__file__).resolve().parents[2]


class Contract:
    def __init__(self, path: Path):
        self.schema = schemathesis.openapi.from_path(str(path))
        spec = yaml.safe_load(path.read_text())
        self.components = spec["components"]
        self.media_types = MediaTypes(spec)
        self.lock = threading.Lock()

    def check(self, method: str, target: str, request_headers, request_body: bytes, status: int, response_headers, response_body: bytes) -> list[str]:
        path = urlsplit(target).path[len(API_PREFIX):] or "/"
        if method == "OPTIONS":  # CORS preflights are the browser's, not the contract's
            return []
        operation = self.schema.find_operation_by_path(method, path)
        if operation is None:
            return [f"{method} {path}: no such operation in the contract"]
        name = operation.definition.raw.get("operationId", operation.label)
        problems = [f"{name} request: {p}" for p in self.request_problems(operation, request_headers, request_body)]
        headers: dict[str, list[str]] = {}
        for key, value in response_headers:
            headers.setdefault(key.lower(), []).append(value)
        content_type = headers.get("content-type", [""])[0]
        wrong_type = self.media_types.problem(name, status, content_type)
        if wrong_type:
            problems.append(f"{name} → {status}: {wrong_type}")
        request = requests.Request(method, "http://proxy" + target).prepare()
        response = Response(status, headers, response_body, request, elapsed=0.0, verify=True)
        try:
            with self.lock:  # the schema's caches are not made for threads
                operation.validate_response(response)
        except FailureGroup as group:
            problems += [f"{name} → {status}: {f.title}: {one_line(f.message)}" for f in group.exceptions]
        except AssertionError as error:
            problems.append(f"{name} → {status}: {one_line(str(error))}")
        return problems

    def request_problems(self, operation, headers, body: bytes) -> list[str]:
        definition = operation.definition.raw
        declared = definition.get("requestBody", {}).get("content", {})
        media_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if not declared:
            return ["a body the operation does not take"] if body else []
        if media_type not in declared:
            return [f"Content-Type {media_type or 'none'} is not one of {sorted(declared)}"]
        if media_type != "application/json":
            return []
        try:
            instance = json.loads(body)
        except ValueError:
            return ["the body is not JSON"]
        schema = dict(declared[media_type]["schema"], components=self.components)
        with self.lock:
            validator = jsonschema_rs.validator_for(schema)
            return [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(instance)]


def one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[:4] if line.strip())


def make_handler(backend: str, contract: Contract, record):
    target = urlsplit(backend)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k: v for k, v in self.headers.items() if k.lower() not in NOT_FORWARDED}
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
            try:
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                answer_body = answer.read()
                answer_headers = answer.getheaders()
            except OSError as error:
                self.send_error(502, f"backend: {error}")
                return
            finally:
                connection.close()
            if self.path.startswith(API_PREFIX + "/") or self.path == API_PREFIX:
                try:
                    problems = contract.check(self.command, self.path, self.headers, body, answer.status, answer_headers, answer_body)
                except Exception as error:  # the browser still gets its answer; the run fails
                    problems = [f"the proxy could not check this exchange: {error!r}"]
                record(self.command, self.path, problems)
            self.send_response_only(answer.status, answer.reason)
            for key, value in answer_headers:
                if key.lower() not in NOT_FORWARDED:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(answer_body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer_body)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = forward

        def log_message(self, *args):  # the exchanges file is the log
            pass

    return Handler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", required=True, help="host:port")
    parser.add_argument("--backend", required=True, help="http://host:port")
    parser.add_argument("--violations", required=True, help="JSON lines, one per violation")
    parser.add_argument("--exchanges", required=True, help="how many API exchanges were checked")
    parser.add_argument("--schema", default=str(ROOT / "api" / "openapi.yaml"))
    args = parser.parse_args()
    contract = Contract(Path(args.schema))
    lock = threading.Lock()
    count = [0]
    violations = Path(args.violations)
    violations.write_text("")

    def record(method, path, problems):
        with lock:
            count[0] += 1
            Path(args.exchanges).write_text(str(count[0]))
            if problems:
                with violations.open("a") as out:
                    for problem in problems:
                        out.write(json.dumps({"request": f"{method} {path}", "violation": problem}, ensure_ascii=False) + "\n")

    host, port = args.listen.rsplit(":", 1)
    server = ThreadingHTTPServer((host, int(port)), make_handler(args.backend, contract, record))
    server.daemon_threads = True
    print(f"validating proxy on http://{args.listen} → {args.backend}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
