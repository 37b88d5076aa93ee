"""The storefront's icon fonts: every icon a storefront template names is in the small subset,
so no page falls back to fetching Oscar's 132 KB of Font Awesome for one new icon."""

import importlib.machinery
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_icons():
    loader = importlib.machinery.SourceFileLoader("build_icons", str(ROOT / "bin" / "build-icons"))
    spec = importlib.util.spec_from_loader("build_icons", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_every_storefront_icon_is_in_the_subset(build_icons):
    css = (build_icons.oscar_static() / "css" / "styles.css").read_text(encoding="utf-8")
    used = build_icons.codepoints(build_icons.icon_names(), css)
    subset_css = (ROOT / "static" / "css" / "ocop-icons.css").read_text(encoding="utf-8")
    covered = {int(point, 16) for point in re.findall(r"U\+([0-9A-F]+)", subset_css)}

    missing = sorted(name for name, point in used.items() if point not in covered)
    assert "store" in used and "basket-shopping" in used
    assert not missing, f"run bin/build-icons: {missing} not in static/css/ocop-icons.css"


@pytest.mark.django_db
def test_pages_load_the_subset_after_oscars_styles(client):
    html = client.get("/catalogue/").content.decode()

    assert html.index("oscar/css/styles.css") < html.index("css/ocop-icons.css")
    assert (ROOT / "static" / "fonts" / "ocop-icons-900.woff2").stat().st_size < 10_000
