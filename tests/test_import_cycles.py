"""No import cycle between the project's packages.

The graph is built from the source with `ast`, so imports inside functions count too (a lazy
import hides a cycle from Python, not from the next reader). Its nodes are the top-level
packages (customer, catalogue, vendors, search, cms), each subpackage of `shop`
(shop.checkout, shop.payments, shop.orders...) and each module directly in `shop`
(shop.money, shop.urls...), so a leaf module such as shop.money may be used by every package
as long as it imports none of ours.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("customer", "catalogue", "vendors", "search", "cms", "shop")

# Imports that close a cycle today and are being taken out by work on other parts of the
# same restructuring (demo data moving to its own app, dashboards moving into dashboard
# apps, the producer becoming the product's single truth). Each is an exact
# (importing module, imported module) pair; once it is gone, delete it here (the second test
# says which).
TOLERATED: dict[tuple[str, str], str] = {
    ("catalogue.demo.loader", "cms.models"): "demo data",
    ("catalogue.demo.loader", "cms.services"): "demo data",
    ("catalogue.demo.loader", "vendors.models"): "demo data",
    ("catalogue.demo.loader", "vendors.services"): "demo data",
    ("catalogue.demo.data", "vendors.models"): "demo data",
    ("catalogue.demo.synthetic", "vendors.models"): "demo data",
    ("catalogue.demo.synthetic", "vendors.services"): "demo data",
    ("catalogue.management.commands.seed_demo", "cms.demo"): "demo data",
    ("catalogue.management.commands.seed_demo", "search.indexing"): "demo data",
    ("catalogue.management.commands.seed_demo", "shop.partners.demo"): "demo data",
    ("catalogue.management.commands.seed_demo", "vendors.demo"): "demo data",
    ("vendors.demo", "shop.checkout.addresses"): "demo data",
    ("vendors.demo", "shop.shipping.models"): "demo data",
    ("vendors.demo", "shop.shipping.services"): "demo data",
    ("catalogue.dashboard.views", "vendors.dashboard.access"): "dashboard apps",
    ("catalogue.selectors", "vendors.models"): "the product's producer",
    ("catalogue.certificates", "search.receivers"): "search indexing announced by signal",
}


def _node(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] not in PACKAGES:
        return None
    if parts[0] != "shop" or len(parts) == 1:
        return parts[0]
    return f"shop.{parts[1]}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        parent = module.split(".")
        # In a package's __init__ the first dot is the package itself.
        drop = node.level - 1 if is_package else node.level
        parent = parent[: len(parent) - drop] if drop else parent
        base = ".".join([*parent, base] if base else parent)
    # "from shop import money" imports the module shop.money.
    names = [f"{base}.{alias.name}" for alias in node.names]
    return [name for name in names if _is_module(name)] or [base]


def _edges_of(source: str, module: str, *, is_package: bool = False) -> set[tuple[str, str]]:
    edges = set()
    origin = _node(module)
    for node in ast.walk(ast.parse(source)):
        for imported in _imported(node, module, is_package):
            target = _node(imported)
            if target is not None and target != origin:
                edges.add((module, imported))
    return edges


def import_edges() -> set[tuple[str, str]]:
    """Every (importing module, imported module) pair between two different nodes."""
    edges = set()
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            edges |= _edges_of(source, _module_name(path), is_package=path.name == "__init__.py")
    return edges


def _cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for importer, imported in edges:
        graph[_node(importer)].add(_node(imported))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycle_between_packages():
    edges = {edge for edge in import_edges() if edge not in TOLERATED}
    cycles = _cycles(edges)
    report = []
    for group in cycles:
        members = set(group)
        report.append(" <-> ".join(group))
        report.extend(
            f"    {importer} imports {imported}"
            for importer, imported in sorted(edges)
            if _node(importer) in members and _node(imported) in members
        )
    assert not cycles, "Packages import each other:\n" + "\n".join(report)


def test_every_tolerated_import_still_exists():
    gone = sorted(set(TOLERATED) - import_edges())
    assert not gone, f"No longer imported, delete from TOLERATED: {gone}"


def test_the_check_sees_a_lazy_import_that_closes_a_cycle():
    # The cycle this check was written for: a parcel delivered asked the payments to mark
    # the order paid, from inside a function, while the payments cancelled parcels.
    delivered = _edges_of(
        "def delivered():\n    from shop.payments.services import paid\n", "vendors.fulfilment"
    )
    cancel = _edges_of("from vendors.fulfilment import cancel\n", "shop.payments.services")
    assert _cycles(delivered | cancel) == [["shop.payments", "vendors"]]
    assert _cycles(cancel) == []


def test_a_leaf_module_of_shop_is_its_own_node():
    assert _edges_of("from shop import money\n", "vendors.fulfilment") == {
        ("vendors.fulfilment", "shop.money")
    }
    assert _edges_of("from . import lifecycle\n", "shop.orders.receivers") == set()
