#!/usr/bin/env python3
"""Prints the Ledgerline conformance matrix (feature x adapter) from xunit v2+ XML result files.

Usage: python3 conformance-tests/report.py RESULTS_DIR [RESULTS_DIR ...]

Reads every *.xml under the given directories (recursively), keeps the assemblies named
Ledgerline.<Adapter>.ConformanceTests, and groups their tests by the ConformanceSuite trait (the feature) and by
adapter (plus the ConformanceProfile trait, when a project runs the suite under several capability profiles).
Standard library only. Exit status: 0 all passed, 1 some failed, 2 no conformance results found.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict, defaultdict

FEATURE_ORDER = ["Contacts", "Invoices", "Payments", "Expenses", "TimeEntries", "States", "Paging", "Queries",
                 "Totals", "Errors", "Concurrency", "Registration", "Completeness"]
ASSEMBLY = re.compile(r"(?:^|[\\/])Ledgerline\.(?P<adapter>[^\\/]+)\.ConformanceTests(?:\.dll)?$")
NOT_SUPPORTED = "[conformance] not supported (refusal asserted): "
OTHER = "(outside the suite)"


class Cell:
    def __init__(self):
        self.passed = self.skipped = self.failed = self.refused = 0

    def text(self):
        refused = f" ({self.refused} n/s)" if self.refused else ""
        return f"{self.passed} pass{refused}, {self.skipped} skip, {self.failed} FAIL" if self.failed else \
            f"{self.passed} pass{refused}, {self.skipped} skip"


def result_files(directories):
    for directory in directories:
        for root, _, files in os.walk(directory):
            for name in sorted(files):
                if name.endswith(".xml"):
                    yield os.path.join(root, name)


def latest_assemblies(directories):
    """Yields (adapter, assembly element) for each conformance assembly, keeping only its most recent run: a results
    directory that several runs wrote into must not count a test twice."""
    latest = {}
    for path in result_files(directories):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        if root.tag not in ("assemblies", "assembly"):
            continue
        for assembly in ([root] if root.tag == "assembly" else root.findall("assembly")):
            name = assembly.get("name") or ""
            match = ASSEMBLY.search(name)
            if not match:
                continue
            key = os.path.basename(name)
            stamp = (assembly.get("finish-rtf") or assembly.get("start-rtf") or "", os.path.getmtime(path))
            if key not in latest or stamp > latest[key][0]:
                latest[key] = (stamp, match.group("adapter"), assembly)
    for _, adapter, assembly in sorted(latest.values(), key=lambda v: v[1]):
        yield adapter, assembly


def traits_of(test):
    traits = defaultdict(list)
    for trait in test.iter("trait"):
        traits[trait.get("name")].append(trait.get("value"))
    return traits


def short_name(test):
    cls = (test.get("type") or "").rsplit(".", 1)[-1]
    name = test.get("name") or ""
    method = name[len(test.get("type") or "") + 1:] if name.startswith((test.get("type") or "") + ".") else name
    return f"{cls}.{method}"


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2

    cells = defaultdict(Cell)            # (feature, adapter) -> Cell
    adapters, features = OrderedDict(), set()
    skips, failures, deviations = [], [], OrderedDict()
    refusals = defaultdict(set)          # adapter -> {what}

    for base, assembly in latest_assemblies(argv[1:]):
        for test in assembly.iter("test"):
            traits = traits_of(test)
            adapter = base + "".join(f" ({p})" for p in traits.get("ConformanceProfile", []))
            feature = (traits.get("ConformanceSuite") or [OTHER])[0]
            adapters[adapter] = True
            features.add(feature)
            cell = cells[(feature, adapter)]
            result = test.get("result")
            output = test.findtext("output") or ""
            if result == "Pass":
                cell.passed += 1
                noted = [line[len(NOT_SUPPORTED):].strip() for line in output.splitlines() if line.startswith(NOT_SUPPORTED)]
                if noted:
                    cell.refused += 1
                    refusals[adapter].update(noted)
            elif result == "Skip":
                cell.skipped += 1
                skips.append((adapter, feature, short_name(test), (test.findtext("reason") or "").strip()))
            else:
                cell.failed += 1
                message = (test.findtext("failure/message") or "").strip().splitlines()
                failures.append((adapter, feature, short_name(test), message[0] if message else result))
            for reason in traits.get("ConformanceDeviation", []):
                deviations[(adapter, short_name(test).split("(")[0])] = reason

    if not cells:
        print("No conformance results (Ledgerline.*.ConformanceTests xunit XML) were found under: " + ", ".join(argv[1:]))
        return 2

    # Each adapter's own column first, then its restricted profiles.
    columns = sorted(adapters, key=lambda a: (a.split(" (")[0] != "InMemory", a.split(" (")[0], " (" in a, a))
    rows = [f for f in FEATURE_ORDER if f in features] + sorted(f for f in features if f not in FEATURE_ORDER)
    table = [["Feature"] + columns]
    for feature in rows:
        table.append([feature] + [cells[(feature, a)].text() if (feature, a) in cells else "-" for a in columns])
    totals = ["Total"]
    for adapter in columns:
        total = Cell()
        for feature in rows:
            cell = cells.get((feature, adapter))
            if cell:
                total.passed += cell.passed
                total.skipped += cell.skipped
                total.failed += cell.failed
                total.refused += cell.refused
        totals.append(total.text())
    table.append(totals)

    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    line = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    print("Ledgerline conformance report")
    print("pass = passed; (n/s) = of which passed by asserting the typed not-supported error; skip = skipped with a reason")
    print(line)
    for i, row in enumerate(table):
        print("| " + " | ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)) + " |")
        if i == 0 or i == len(table) - 2:
            print(line)
    print(line)

    print("\nDeviations (tests a provider overrides, with its reason):")
    if deviations:
        for (adapter, test), reason in deviations.items():
            print(f"  [{adapter}] {test}: {reason}")
    else:
        print("  none")

    if refusals:
        print("\nNot supported (refusal asserted instead of the behaviour):")
        for adapter in columns:
            if refusals.get(adapter):
                print(f"  [{adapter}] " + "; ".join(sorted(refusals[adapter])))

    print("\nSkipped:")
    if skips:
        for adapter, feature, test, reason in skips:
            print(f"  [{adapter}] {feature}: {test}: {reason}")
    else:
        print("  none")

    if failures:
        print("\nFailed:")
        for adapter, feature, test, message in failures:
            print(f"  [{adapter}] {feature}: {test}: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
