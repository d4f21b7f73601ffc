"""Checks for the plugin-author part of the consumer smoke test (.ci/smoke/run.sh, provider_template).

usage: check_provider.py results RESULTS_DIR      the generated provider's conformance run went as designed
       check_provider.py minimums ASSETS_JSON...   no project resolved the repository's newest pins

A provider fresh from `dotnet new ledgerline-provider` declares no store. Its run is as designed when every test passed
(most by asserting the typed refusal) or was skipped with a reason, except exactly one: Registration's
Capabilities_AreConsistent, failing with the message that tells the author to declare a store. Exits 1 otherwise.
"""
import glob
import json
import sys
import xml.etree.ElementTree as ET

REFUSAL = "[conformance] not supported"


def results(directory: str) -> list[str]:
    files = sorted(glob.glob(f"{directory}/*.xml"))
    if not files:
        return [f"no xunit XML under {directory}: the conformance package's build targets did not apply"]
    tests = list(ET.parse(files[-1]).getroot().iter("test"))
    failed = [t for t in tests if t.get("result") == "Fail"]
    passed = [t for t in tests if t.get("result") == "Pass"]
    skipped = [t for t in tests if t.get("result") == "Skip"]
    refused = [t for t in passed if REFUSAL in (t.findtext("output") or "")]
    print(f"{len(tests)} tests: {len(passed)} passed ({len(refused)} asserting the typed refusal), "
          f"{len(skipped)} skipped, {len(failed)} failed")
    problems = []
    if [t.get("name", "").rsplit(".", 1)[-1] for t in failed] != ["Capabilities_AreConsistent"]:
        problems.append("expected exactly one failure, Capabilities_AreConsistent; failed: "
                        + (", ".join(t.get("name", "?") for t in failed) or "none"))
    elif "declares no supported store" not in (failed[0].findtext("failure/message") or ""):
        problems.append("Capabilities_AreConsistent failed for another reason: "
                        + (failed[0].findtext("failure/message") or "")[:300])
    if len(refused) < 100:
        problems.append(f"expected the suite to assert refusals for every store; {len(refused)} tests did")
    if len(passed) + len(skipped) + len(failed) != len(tests):
        problems.append("some tests neither passed, failed nor skipped")
    problems += [f"skipped without a reason: {t.get('name')}" for t in skipped if not (t.findtext("reason") or "").strip()]
    if not problems:
        print("as designed for a new provider: nothing declared, every call refused typed or skipped with its reason, "
              "and the one failure says what to do")
    return problems


def minimums(paths: list[str]) -> list[str]:
    newest = set()
    for path in paths:
        libraries = json.load(open(path, encoding="utf-8"))["libraries"]
        resolved = sorted(k for k, v in libraries.items() if v["type"] == "package")
        shown = [r for r in resolved if r.lower().split("/")[0] in
                 ("npgsql", "ledgerline.conformancetests", "xunit.v3.extensibility.core",
                  "microsoft.extensions.dependencyinjection", "microsoft.extensions.http.resilience")]
        print("resolved: " + ", ".join(shown))
        newest |= {r for r in resolved if r.lower().startswith("microsoft.extensions.") and r.split("/")[1].startswith("10.0.15")}
    return ["resolved the repository's newest pins, not the declared minimums: " + ", ".join(sorted(newest))] if newest else []


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("results", "minimums"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = results(sys.argv[2]) if sys.argv[1] == "results" else minimums(sys.argv[2:])
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
