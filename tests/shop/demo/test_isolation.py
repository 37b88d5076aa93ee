"""Demo data is reached only through `seed_demo`: no module outside shop/demo imports it."""

from django.core.management import get_commands

from tests.source_imports import ROOT, imports_of, imports_of_file, project_sources

DEMO = "shop.demo"


def _is_demo(name: str) -> bool:
    return name == DEMO or name.startswith(DEMO + ".")


def _outside_the_demo():
    return [
        (path, module) for path, module in project_sources(scripts=True) if not _is_demo(module)
    ]


def test_no_module_outside_the_demo_package_imports_it():
    offenders = sorted(
        str(path.relative_to(ROOT))
        for path, module in _outside_the_demo()
        if any(_is_demo(name) for name in imports_of_file(path, module))
    )

    assert offenders == [], f"Only seed_demo (in shop/demo) may reach demo data: {offenders}"


def test_the_check_reads_the_packages_and_the_scripts():
    files = [path for path, _module in _outside_the_demo()]

    assert len(files) > 100
    assert ROOT / "vendors" / "services.py" in files
    assert ROOT / "bin" / "benchmark_search" in files
    assert ROOT / "shop" / "demo" / "loader.py" not in files


def test_the_check_sees_every_way_of_importing_the_demo():
    for source, module in [
        ("import shop.demo.loader", "vendors.services"),
        ("from shop.demo import orders", "vendors.services"),
        ("from shop import demo", "vendors.services"),
        ("from .demo.data import PRODUCTS", "shop.views"),
        ("from ..demo import loader", "shop.tourism.services"),
        ("from . import loader", "shop.demo"),
    ]:
        names = imports_of(source, module=module, is_package=module == "shop.demo")
        assert any(_is_demo(name) for name in names), source
    assert not any(_is_demo(name) for name in imports_of("from shop import demos", module="x"))


def test_seed_demo_is_the_demo_packages_command():
    assert get_commands()["seed_demo"] == "shop.demo"
