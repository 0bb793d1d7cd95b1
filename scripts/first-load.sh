# What a first visit downloads, measured in a built dist/: sourced by scripts/bench (which
# prints it) and scripts/size-budget (which fails the tests when it is over its budget).
# Needs lib.sh's `die`. Sizes are bytes; brotli -q 11 and gzip -9, as scripts/build writes them.

sizes() { # prints raw gzip brotli of the given files together
  local raw=0 gz=0 br=0 f
  for f in "$@"; do
    raw=$((raw + $(wc -c <"$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
    br=$((br + $(brotli -q 11 -c "$f" | wc -c)))
  done
  echo "$raw $gz $br"
}

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
row() { printf '%-48s %11s %11s %12s\n' "$1" "$(kb "$2")" "$(kb "$3")" "$(kb "$4")"; }
header() { printf '%-48s %11s %11s %12s\n' "$1" "raw" "gzip -9" "brotli -q 11"; }

# What a page needs: the HTML, the files it refers to (JS glue, wasm module, stylesheet, icon),
# config.json, and the messages of the one language shown (src/i18n/mod.rs), the larger of the two.
# Locale bundles: `<lang>-<hash>.bin` (every message, compiled) and, where the build makes them,
# `<lang>-public-<hash>.bin` (only what the public pages show).
referenced() { # html [app]: the dist files it refers to (quoted, or unquoted as minified HTML has them),
  # and the script and module of the app (public or applicant) that its boot.js starts
  grep -oE "(href=|src=|[\"'])/[^\"' >]+\.(js|wasm|css|svg)" "$1" | sed -E "s#^(href=|src=|[\"'])/#dist/#" | sort -u
  # (boot.js names each app's two files; the applicant's are under /applicant/).
  if [ -f dist/boot.js ]; then
    local app_files
    app_files="$(grep -oE "[\"']/[^\"']+\.(js|wasm)[\"']" dist/boot.js | tr -d "\"'")"
    if [ "${2:-public}" = applicant ]; then
      grep '^/applicant/' <<<"$app_files" | sed 's#^#dist#'
    else
      grep -v '^/applicant/' <<<"$app_files" | sed 's#^#dist#'
    fi
  fi
}
locale_file() { # lang kind(full|public)
  if [ "$2" = public ]; then
    find dist/locales -name "$1-public-*.bin" 2>/dev/null | head -1
  else
    find dist/locales -name "$1-*.bin" 2>/dev/null | grep -v -- "-public-" | head -1
  fi
}
# The modules a split-off part of an app loads (src/split.rs), as dist/ paths, from the
# report scripts/build-app writes for each app: `public_pages` for a service's page,
# `form_steps` for the form's later steps, `cabinet`, `account`…
splits_report() { echo "${CARGO_TARGET_DIR:-$ROOT/target}/$1-app-splits.json"; }
split_files() { # app split-point
  local report
  report="$(splits_report "$1")"
  [ -f "$report" ] || die "no $report: run scripts/build first"
  python3 -c 'import json, sys; print("\n".join("dist" + f for f in json.load(open(sys.argv[1]))[sys.argv[2]]))' \
    "$report" "$2" || die "$report names no split point $2"
}
measure_page() { # html locale-kind [app [split-point]]: prints the table; sets total_raw total_gz total_br
  local html="$1" kind="$2" file lang raw gz br locale_br=0 locale=()
  header "$html${3:+ ($3${4:+ + $4})}"
  total_raw=0 total_gz=0 total_br=0
  mapfile -t files < <(referenced "$html" "${3:-public}"; if [ -n "${4:-}" ]; then split_files "${3:-public}" "$4"; fi)
  for file in "$html" "${files[@]}" dist/config.json; do
    [ -f "$file" ] || die "$html refers to $file, which is not in dist/"
    read -r raw gz br < <(sizes "$file")
    row "${file#dist/}" "$raw" "$gz" "$br"
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  done
  for lang in ru kk; do
    file="$(locale_file "$lang" "$kind")"
    [ -n "$file" ] || die "no $kind locale bundle for $lang in dist/locales: did scripts/trunk-locales run?"
    read -r raw gz br < <(sizes "$file")
    row "${file#dist/} (one language)" "$raw" "$gz" "$br"
    if [ "$br" -gt "$locale_br" ]; then locale=("$raw" "$gz" "$br"); locale_br="$br"; fi
  done
  total_raw=$((total_raw + locale[0])); total_gz=$((total_gz + locale[1])); total_br=$((total_br + locale[2]))
  row "total (the larger language)" "$total_raw" "$total_gz" "$total_br"
}

# The budgets, brotli. The limits are what scripts/size-budget enforces: today's build with a
# little room, lowered as the size work lands (BENCHMARKS.md); the goals are issue #19's.
# Lowered in session 7 (from 265 KB and 515 KB) when the standard library built for size, the
# Fluent messages compiled at build time and the public app's draft head landed (194.0 KB and
# 462.6 KB then), and in session 8 when our own router replaced leptos_router and esbuild minified the
# JavaScript (168.7 KB and 439.0 KB): a guard against growth, not the goal.
# Lowered in session 10 when the public app was split (src/split.rs; 134.8 KB then), and in
# session 11 when the applicant's app was split too (241.7 KB then).
FIRST_LOAD_LIMIT=$((138 * 1024))  # the public app's first load: page, JS, wasm, CSS, one language
FIRST_LOAD_GOAL=$((150 * 1024))
APPLICANT_LIMIT=$((246 * 1024))   # the applicant's app's first module, loaded when the applicant starts
APPLICANT_GOAL=$((250 * 1024))

first_load_totals() { # sets first_load_br and applicant_br (bytes) from dist/, printing nothing
  local kind=full
  [ -n "$(locale_file ru public)" ] && kind=public
  measure_page dist/index.html "$kind" >/dev/null
  first_load_br="$total_br"
  applicant_br=0
  if [ -f dist/boot.js ]; then
    measure_page dist/index.html full applicant >/dev/null
    applicant_br="$total_br"
  fi
}
