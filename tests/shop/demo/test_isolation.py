"""Demo data is reached only through `seed_demo`: no module outside shop/demo imports it."""

import ast
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DEMO = "shop.demo"
# Where an import of the demo package is allowed: the package itself and the tests.
ALLOWED = (ROOT / "shop" / "demo", ROOT / "tests")
SKIPPED = {".git", ".venv", "node_modules", "var", "__pycache__", "static", "templates"}


def _python_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        if any(part in SKIPPED for part in path.relative_to(ROOT).parts):
            continue
        if any(path.is_relative_to(place) for place in ALLOWED) or not path.is_file():
            continue
        if path.suffix == ".py" or (
            path.parent.name == "bin"
            and path.read_bytes()[:30].startswith(b"#!/usr/bin/env python")
        ):
            files.append(path)
    return files


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(source: str, *, module: str, is_package: bool = False) -> set[str]:
    """Every module the source of `module` imports, relative imports resolved, and
    `from a import b` read as both `a` and `a.b` (b may be a module)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def _imports_demo(path: Path) -> bool:
    names = _imported(
        path.read_text(encoding="utf-8"),
        module=_module_of(path),
        is_package=path.name == "__init__.py",
    )
    return any(_is_demo(name) for name in names)


def _is_demo(name: str) -> bool:
    return name == DEMO or name.startswith(DEMO + ".")


def test_no_module_outside_the_demo_package_imports_it():
    offenders = sorted(str(p.relative_to(ROOT)) for p in _python_files() if _imports_demo(p))

    assert offenders == [], f"Only seed_demo (in shop/demo) may reach demo data: {offenders}"


def test_the_check_sees_every_way_of_importing_the_demo():
    files = _python_files()

    assert len(files) > 100
    assert ROOT / "vendors" / "services.py" in files
    assert ROOT / "bin" / "benchmark_search" in files
    assert _imports_demo(ROOT / "shop" / "demo" / "management" / "commands" / "seed_demo.py")
    for source, module in [
        ("import shop.demo.loader", "vendors.services"),
        ("from shop.demo import orders", "vendors.services"),
        ("from shop import demo", "vendors.services"),
        ("from .demo.data import PRODUCTS", "shop.views"),
        ("from ..demo import loader", "shop.tourism.services"),
        ("from . import loader", "shop.demo"),
    ]:
        names = _imported(source, module=module, is_package=module == "shop.demo")
        assert any(_is_demo(name) for name in names), source
    assert not any(_is_demo(name) for name in _imported("from shop import demos", module="x"))


def test_seed_demo_is_the_demo_packages_command():
    assert get_commands()["seed_demo"] == "shop.demo"
