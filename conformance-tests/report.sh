#!/usr/bin/env bash
# Prints the Ledgerline conformance matrix: feature x adapter, passed / skipped (with reasons) / failed, and deviations.
#
#   bash conformance-tests/report.sh                       run every conformance-tests/Ledgerline.*.ConformanceTests project, then report
#                                                          (each run leaves xunit XML in artifacts/test-results/<Project>)
#   bash conformance-tests/report.sh -c Release --no-build  the same, passing these options to dotnet test
#   bash conformance-tests/report.sh --from-results DIR     only report, from xunit XML that an earlier
#                                                          `dotnet test … --report-xunit-xml --results-directory DIR` wrote;
#                                                          when DIR holds no conformance results, runs the suites as above
#
# Exit status: 0 all passed, 1 some conformance test failed, 2 no results.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."

from_results=""
test_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --from-results) from_results="${2:?--from-results needs a directory}"; shift 2 ;;
    *) test_args+=("$1"); shift ;;
  esac
done

if [ -n "$from_results" ]; then
  python3 "$here/report.py" "$from_results"
  status=$?
  if [ "$status" -ne 2 ]; then
    exit "$status"
  fi
  echo "(no conformance results under $from_results: running the conformance projects)" >&2
fi

# Directory.Build.targets makes every test project write xunit XML to artifacts/test-results/<Project> on each run.
results=artifacts/test-results
for project in conformance-tests/Ledgerline.*.ConformanceTests/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "=== $name" >&2
  rm -rf "${results:?}/$name"
  # A failing suite must still be reported, so the exit code is read from the report, not from here.
  dotnet test --project "$project" "${test_args[@]}" >&2 || true
done
python3 "$here/report.py" "$results"
