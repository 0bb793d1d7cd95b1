"""Every operation of the contract lists the error statuses any operation may answer (the
introduction's "Rate limits", "Availability" and "Sizes"): 429 and 503 everywhere, and 413
wherever a request has a body. A backend's author reads the operation, not the introduction,
so an operation that leaves one out would mislead them. Run by scripts/contract-test."""
import sys

import yaml

METHODS = {"get", "put", "post", "patch", "delete"}

contract = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
missing = []
for path, item in contract["paths"].items():
    for method, operation in item.items():
        if method not in METHODS:
            continue
        wanted = ["429", "503"] + (["413"] if "requestBody" in operation else [])
        absent = [status for status in wanted if status not in operation.get("responses", {})]
        if absent:
            missing.append(f"{operation['operationId']} ({method.upper()} {path}): {', '.join(absent)}")
if missing:
    print("operations that do not list every status they may answer:", *missing, sep="\n  ")
    sys.exit(1)
print("every operation lists 429 and 503, and 413 when it takes a body")
