#!/usr/bin/env python3
"""Where the bytes of each wasm app go, by crate: run by scripts/bench.

    python3 tests/bench/size-profile.py <twiggy> <module.wasm>...

Reads `twiggy top` of the linked modules that scripts/build leaves in
target/wasm32-unknown-unknown/wasm-release/ (before wasm-bindgen and wasm-opt: twiggy 0.7 cannot
read the modules after them), and groups the functions and data by the crate their names start
with. Custom sections (names, wasm-bindgen's) and wasm-bindgen's describe exports, which
wasm-bindgen removes, are left out, so the shares are of what ships, before wasm-opt shrinks it.
"""

import collections
import csv
import io
import re
import subprocess
import sys
from pathlib import Path

# The crate families worth telling apart (BENCHMARKS.md, "Where the bytes go").
FAMILIES = [
    ("Leptos (tachys, reactive_graph, …)", re.compile(
        r"^(leptos(?!_router)\w*|tachys|reactive_graph|reactive_stores|any_spawner|or_poisoned|throw_error"
        r"|oco_ref|slotmap|hydration_context|server_fn|send_wrapper|guardian|either_of|next_tuple)$")),
    ("leptos_router", re.compile(r"^leptos_router\w*$")),
    ("core/alloc/std (formatting, collections, allocator, panics)", re.compile(
        r"^(core|alloc|std|compiler_builtins|dlmalloc|fmt|str|num|string|raw|raw_vec|panicking|sync"
        r"|slice|ops|hash|borrow|boxed|thread|zmij|__rustc)$")),
    ("wasm-bindgen, js-sys, web-sys, gloo, futures", re.compile(
        r"^(wasm_bindgen\w*|js_sys|web_sys|gloo_\w+|futures_\w+|console_error_panic_hook|wasm_streams)$")),
    ("Fluent (fluent-bundle, intl, unic-langid)", re.compile(
        r"^(fluent\w*|intl\w*|unic_\w+|self_cell|type_map|smallvec|tinystr)$")),
    ("serde_json", re.compile(r"^serde_json$")),
    ("serde", re.compile(r"^serde\w*$")),
    ("postcard", re.compile(r"^postcard$")),
    ("chrono", re.compile(r"^chrono$")),
    ("hashbrown, indexmap", re.compile(r"^(hashbrown|indexmap|foldhash|ahash|rustc_hash)$")),
    ("our domain (otinish_core)", re.compile(r"^otinish_core$")),
    ("our app (otinish)", re.compile(r"^otinish$")),
]
FIRST_PATH = re.compile(r"^[<&\s]*(?:impl\s+)?(?:dyn\s+)?(?:mut\s+)?([A-Za-z_]\w*)::")
# `<T as tachys::view::…>::f`: a generic type's method belongs to the trait's crate.
GENERIC_IMPL = re.compile(r"^<&?(?:mut )?(?:[A-Z]\w{0,2}|\[?[a-z]\w*\]?|\(\)|str|char) as ([A-Za-z_]\w*)::")
PRIMITIVE = re.compile(r"^<&?(?:mut )?(?:char|str|f32|f64|[iu](?:8|16|32|64|128|size)|bool)>::")
DISAMBIGUATOR = re.compile(r"\[[0-9a-f]{1,16}\]")


def family(name: str) -> str | None:
    """The family of one twiggy item, None for what does not ship."""
    if name.startswith(("custom section", '"')) or "subsection" in name or "wbindgen_describe" in name:
        return None
    if name.startswith(("export ", "import ", "type[", "elem[", "table[")):
        return None
    if name.startswith("data["):
        return "data segments (strings, vtables, tables, the catalog)"
    name = DISAMBIGUATOR.sub("", name)
    if "wasm_bindgen::describe" in name:
        return None
    found = GENERIC_IMPL.match(name) or FIRST_PATH.match(name)
    crate = found.group(1) if found else ("core" if PRIMITIVE.match(name) else "")
    for label, pattern in FAMILIES:
        if pattern.match(crate):
            return label
    return "other crates"


def profile(twiggy: str, module: Path) -> tuple[collections.Counter, int]:
    top = subprocess.run([twiggy, "top", "-n", "1000000", "-f", "csv", str(module)],
                         check=True, capture_output=True, text=True).stdout
    sizes: collections.Counter = collections.Counter()
    for row in csv.DictReader(io.StringIO(top)):
        label = family(row["Name"])
        if label is not None:
            sizes[label] += int(row["ShallowSize"])
    return sizes, sum(sizes.values())


def main() -> None:
    twiggy, modules = sys.argv[1], [Path(m) for m in sys.argv[2:]]
    profiles = [profile(twiggy, module) for module in modules]
    labels = sorted({label for sizes, _ in profiles for label in sizes},
                    key=lambda label: -sum(sizes[label] for sizes, _ in profiles))
    width = max(len(label) for label in labels)
    print(f"{'crate(s)':<{width}}" + "".join(f"  {m.stem:>22}" for m in modules))
    for label in labels:
        print(f"{label:<{width}}" + "".join(
            f"  {sizes[label] / 1024:9.1f} KB {100 * sizes[label] / total:5.1f} %" for sizes, total in profiles))
    print(f"{'total (raw, before wasm-opt)':<{width}}" + "".join(
        f"  {total / 1024:9.1f} KB {100:5.1f} %" for _, total in profiles))


main()
