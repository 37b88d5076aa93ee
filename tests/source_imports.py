"""Reading the project's own source for what it imports, for the tests that guard its layout
(tests/test_import_cycles.py, tests/shop/demo/test_isolation.py, tests/shop/test_mail.py).

Imports are read with `ast`, so one inside a function counts as much as one at the top."""

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("customer", "catalogue", "vendors", "search", "cms", "shop")
SCRIPTS = ROOT / "bin"


def module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_project_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def project_sources(*, scripts: bool = False) -> Iterator[tuple[Path, str]]:
    """Each Python file of the project's packages as (path, module name); with `scripts`,
    the Python scripts of bin/ too (named bin.<file>)."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path, module_of(path)
    if scripts:
        for path in sorted(SCRIPTS.iterdir()):
            if path.is_file() and path.read_bytes()[:40].startswith(b"#!/usr/bin/env python"):
                yield path, module_of(path)


def imports_of(source: str, *, module: str, is_package: bool = False) -> set[str]:
    """The modules `source` (the code of `module`) imports, relative imports resolved.

    `from a import b` is the module a.b when the project has it, else a; for a module from
    elsewhere (Django...) both a and a.b, as b may be a module (`from django.core import
    mail`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")
                # In a package's __init__ the first dot is the package itself.
                drop = node.level - 1 if is_package else node.level
                parent = parent[: len(parent) - drop] if drop else parent
                base = ".".join([*parent, base] if base else parent)
            names = [f"{base}.{alias.name}" for alias in node.names]
            ours = [name for name in names if is_project_module(name)]
            if ours:
                found.update(ours)
            elif is_project_module(base):
                found.add(base)
            else:
                found.update([base, *names])
    return found


def imports_of_file(path: Path, module: str) -> set[str]:
    return imports_of(
        path.read_text(encoding="utf-8"), module=module, is_package=path.name == "__init__.py"
    )
