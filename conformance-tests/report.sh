#!/usr/bin/env bash
# Prints the Ledgerline conformance matrix: feature x adapter, passed / skipped (with reasons) / failed, and deviations.
# Shipped in the Ledgerline.ConformanceTests package as tools/report.sh (beside tools/report.py), so it runs from a
# clone of this repository and from any provider's own repository alike.
#
#   bash conformance-tests/report.sh                       run every conformance-tests/Ledgerline.*.ConformanceTests project of
#                                                          this repository, then report
#   bash conformance-tests/report.sh -c Release --no-build  the same, passing these options to dotnet test
#   bash report.sh --project PATH [--project PATH …]       run these conformance test projects (anywhere), then report
#   bash report.sh --from-results DIR [--from-results DIR] only report, from xunit XML that earlier runs wrote
#                                                          (`dotnet test … --report-xunit-xml --results-directory DIR`);
#                                                          when DIR holds no conformance results, runs the projects as above
#
# Each project's results directory is read from the project: LedgerlineConformanceResults (set by the package's build
# targets), else TestResultsDirectory (this repository's Directory.Build.targets). Needs python3.
# Exit status: 0 all passed, 1 some conformance test failed, 2 no results.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
from_results=()
projects=()
test_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --from-results) from_results+=("$(absolute "${2:?--from-results needs a directory}")"); shift 2 ;;
    --project) projects+=("$(absolute "${2:?--project needs a project file or folder}")"); shift 2 ;;
    *) test_args+=("$1"); shift ;;
  esac
done

if [ ${#from_results[@]} -gt 0 ]; then
  python3 "$here/report.py" "${from_results[@]}"
  status=$?
  if [ "$status" -ne 2 ]; then
    exit "$status"
  fi
  echo "(no conformance results under ${from_results[*]}: running the conformance projects)" >&2
fi

if [ ${#projects[@]} -eq 0 ]; then
  for project in "$here"/Ledgerline.*.ConformanceTests/*.csproj; do
    [ -f "$project" ] && projects+=("$project")
  done
fi
if [ ${#projects[@]} -eq 0 ]; then
  echo "No conformance test projects to run: pass --project PATH, or --from-results DIR after dotnet test." >&2
  exit 2
fi

results_dir() {
  dotnet msbuild "$1" -getProperty:LedgerlineConformanceResults -getProperty:TestResultsDirectory 2>/dev/null | python3 -c \
    'import json, sys; p = json.load(sys.stdin)["Properties"]; print(p.get("LedgerlineConformanceResults") or p.get("TestResultsDirectory") or "")' 2>/dev/null
}

results=()
for project in "${projects[@]}"; do
  echo "=== $project" >&2
  dir=$(results_dir "$project")
  if [ -z "$dir" ]; then
    # The package's build targets are imported only once the project is restored.
    dotnet restore "$project" -v quiet >&2 && dir=$(results_dir "$project")
  fi
  if [ -z "$dir" ]; then
    echo "$project names no results directory (LedgerlineConformanceResults or TestResultsDirectory): skipped." >&2
    continue
  fi
  rm -rf "$dir"
  # A failing suite must still be reported, so the exit code is read from the report, not from here.
  dotnet test --project "$project" "${test_args[@]}" >&2 || true
  results+=("$dir")
done
[ ${#results[@]} -gt 0 ] || exit 2
python3 "$here/report.py" "${results[@]}"
