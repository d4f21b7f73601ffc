"""Checks every packed Ledgerline package the way a consumer sees it.

usage: check_packages.py FEED_DIR REPO_DIR

Each .nupkg must hold its README (declared in the nuspec), the XML docs of each assembly it ships, tags and a
repository URL, have a Source Link map from its Release build, and depend only on what its project references itself (a transitively pinned package listed as a
dependency would force its pinned version on every app). Prints one line per package with its size and dependencies;
exits 1 when any package fails.
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path


def project_file(repo: Path, package_id: str) -> Path | None:
    projects = [p for p in repo.rglob(f"{package_id}.csproj") if "/.ci/" not in p.as_posix()]
    return projects[0] if len(projects) == 1 else None


def source_link(repo: Path, package_id: str) -> str | None:
    """The Source Link map the Release build wrote for the project (embedded in its PDB), if any."""
    project = project_file(repo, package_id)
    maps = sorted(project.parent.glob("obj/Release/*/*.sourcelink.json")) if project else []
    return maps[0].read_text(encoding="utf-8") if maps else None


def references(repo: Path, package_id: str) -> set[str] | None:
    """The packages and projects the project named like the package references, or None when there is no such project."""
    path = project_file(repo, package_id)
    if path is None:
        return None
    project = ET.parse(path).getroot()
    names = {r.get("Include") for r in project.iter("PackageReference")}
    names |= {Path(r.get("Include").replace("\\", "/")).stem for r in project.iter("ProjectReference")}
    return names


# Files a package ships beside its assembly, which its users are told about.
SHIPPED_FILES = {
    "Ledgerline.ConformanceTests": ["tools/report.py", "tools/report.sh", "build/Ledgerline.ConformanceTests.targets",
                                    "PROVIDER-GUIDE.md"],
}


def check_template(package: zipfile.ZipFile, names: list[str], version: str) -> list[str]:
    """A dotnet new template package: each template.json parses, and its defaults were filled in at pack time."""
    configs = [n for n in names if n.startswith("content/") and n.endswith("/.template.config/template.json")]
    if not configs:
        return ["no content/**/.template.config/template.json"]
    problems = []
    for config in configs:
        text = package.read(config).decode("utf-8")
        if "_PACKED_VERSION" in text:
            problems.append(f"{config} still holds a placeholder the pack should have filled in")
            continue
        symbols = json.loads(text).get("symbols", {})
        if symbols.get("LedgerlineVersion", {}).get("defaultValue") != version:
            problems.append(f"{config}: LedgerlineVersion defaults to {symbols.get('LedgerlineVersion', {}).get('defaultValue')!r}, not {version}")
    return problems


def check(path: Path, repo: Path) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        nuspec_name = next(n for n in names if n.endswith(".nuspec") and "/" not in n)
        nuspec = ET.fromstring(package.read(nuspec_name))
        ns = {"n": nuspec.tag.split("}")[0].strip("{")}
        meta = nuspec.find("n:metadata", ns)
        readme = meta.findtext("n:readme", default="", namespaces=ns)
        if not readme or readme not in names:
            problems.append(f"no README (nuspec readme '{readme}')")
        repository = meta.find("n:repository", ns)
        if repository is None or not repository.get("url"):
            problems.append("no repository url")
        if not meta.findtext("n:tags", default="", namespaces=ns):
            problems.append("no tags")
        package_id = meta.findtext("n:id", namespaces=ns)
        package_types = {t.get("name") for t in meta.iter(f"{{{ns['n']}}}packageType")}
        if "Template" in package_types:
            problems += check_template(package, names, meta.findtext("n:version", namespaces=ns))
            print(f"  {path.name:55} {path.stat().st_size / 1024:7.1f} KiB  template package")
            return problems
        for shipped in SHIPPED_FILES.get(package_id, []):
            if shipped not in names:
                problems.append(f"does not ship {shipped}")
        assemblies = [n for n in names if n.endswith(".dll") and (n.startswith("lib/") or n.startswith("tools/"))
                      and Path(n).stem.startswith("Ledgerline")]
        if not assemblies:
            problems.append("no Ledgerline assembly")
        for dll in assemblies:
            if dll[:-4] + ".xml" not in names:
                problems.append(f"no XML docs beside {dll}")
        deps = [(d.get("id"), d.get("version")) for d in meta.iter(f"{{{ns['n']}}}dependency")]
        mapping = source_link(repo, package_id)
        if mapping is None or '"https://' not in mapping:
            problems.append(f"no Source Link map to an https repository (found {mapping!r})")
        referenced = references(repo, package_id)
        if referenced is None:
            problems.append(f"no single project {package_id}.csproj in the repository")
        else:
            for dep, _ in deps:
                if dep not in referenced:
                    problems.append(f"depends on {dep}, which its project does not reference (a transitive pin?)")
    size = path.stat().st_size
    print(f"  {path.name:55} {size / 1024:7.1f} KiB  "
          + (", ".join(f"{i} {v}" for i, v in deps) or "no dependencies"))
    return problems


def main() -> int:
    feed, repo = Path(sys.argv[1]), Path(sys.argv[2])
    packages = sorted(feed.glob("*.nupkg"))
    if not packages:
        print(f"no packages in {feed}")
        return 1
    failed = False
    for package in packages:
        for problem in check(package, repo):
            print(f"  {package.name}: {problem}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
