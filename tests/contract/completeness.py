"""What a backend's author reads in each operation, not only in the introduction:
- every operation lists the error statuses any operation may answer (the introduction's
  "Rate limits", "Availability" and "Sizes"): 429 and 503 everywhere, and 413 wherever a
  request has a body;
- every success answer with a body shows an example of it.
Run by scripts/contract-test; exits 1 with the list of what is missing."""
import sys

import yaml

METHODS = {"get", "put", "post", "patch", "delete"}

contract = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
missing = []
for path, item in contract["paths"].items():
    for method, operation in item.items():
        if method not in METHODS:
            continue
        where = f"{operation['operationId']} ({method.upper()} {path})"
        responses = operation.get("responses", {})
        wanted = ["429", "503"] + (["413"] if "requestBody" in operation else [])
        absent = [status for status in wanted if status not in responses]
        if absent:
            missing.append(f"{where}: no {', '.join(absent)}")
        for status, response in responses.items():
            if not status.startswith("2") or "$ref" in response:
                continue
            for media_type, body in (response.get("content") or {}).items():
                if "example" not in body and "examples" not in body:
                    missing.append(f"{where}: no example of its {status} {media_type}")
if missing:
    print("the contract leaves out:", *missing, sep="\n  ")
    sys.exit(1)
print("every operation lists 429 and 503 (413 with a body), and every success body has an example")
