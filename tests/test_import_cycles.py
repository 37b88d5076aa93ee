"""No import cycle between the project's packages.

The graph is built from the source with `ast`, so imports inside functions count too (a lazy
import hides a cycle from Python, not from the next reader). Its nodes are the top-level
packages (customer, catalogue, vendors, search, cms), each subpackage of `shop`
(shop.checkout, shop.payments, shop.orders...) and each module directly in `shop`
(shop.money, shop.mail...), so a leaf module such as shop.money may be used by every package
as long as it imports none of ours. Each of them is split in two: its domain code and its
pages (PAGE_PARTS), and each dashboard app is a node of its own.
"""

from collections import defaultdict

from tests.source_imports import PACKAGES, imports_of, project_sources

# A module whose name has one of these parts serves pages: views, their forms and URLs, app
# configs, admin and dashboard apps. Pages may import any domain code; domain code (models,
# services, selectors, tasks) never imports pages. So a package is two nodes, its domain and
# its pages, and a dashboard app (`<package>.dashboard`) is a node of its own.
PAGE_PARTS = frozenset(
    {
        "admin",
        "apps",
        "config",
        "embed",
        "embed_urls",
        "forms",
        "management",
        "middleware",
        "mixins",
        "templatetags",
        "urls",
        "views",
        "webhook",
        "wsgi",
        "asgi",
    }
)

# Imports that close a cycle and stay, each with its reason. Once one is gone, delete it here
# (the second test says which).
TOLERATED: dict[tuple[str, str], str] = {
    # A product belongs to a producer (Product.vendor), and the catalogue shows only the
    # products of approved producers: it reads the producer's status vocabulary.
    ("catalogue.selectors", "vendors.models"): "the product's producer",
    # An expired certificate takes its stars off the search index: the daily job marks the
    # rows with one UPDATE, which no save signal announces, so it queues the re-index itself.
    ("catalogue.certificates", "search.receivers"): "stars leaving the index",
}


def _node(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] not in PACKAGES:
        return None
    depth = 2 if parts[0] == "shop" and len(parts) > 1 else 1
    package = ".".join(parts[:depth])
    rest = parts[depth:]
    if rest[:1] == ["dashboard"]:
        return f"{package}.dashboard"
    if PAGE_PARTS.intersection(rest) or (depth == 2 and parts[1] in PAGE_PARTS):
        return f"{package} pages"
    return package


def _edges_of(source: str, module: str, *, is_package: bool = False) -> set[tuple[str, str]]:
    origin = _node(module)
    return {
        (module, imported)
        for imported in imports_of(source, module=module, is_package=is_package)
        if _node(imported) not in (None, origin)
    }


def import_edges() -> set[tuple[str, str]]:
    """Every (importing module, imported module) pair between two different nodes."""
    edges = set()
    for path, module in project_sources():
        source = path.read_text(encoding="utf-8")
        edges |= _edges_of(source, module, is_package=path.name == "__init__.py")
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


def _serves_pages(node: str) -> bool:
    return node.endswith(" pages") or node.endswith(".dashboard")


def test_domain_code_never_imports_pages():
    upward = sorted(
        f"{importer} imports {imported}"
        for importer, imported in import_edges()
        if not _serves_pages(_node(importer)) and _serves_pages(_node(imported))
    )
    assert not upward, "Domain code imports pages:\n" + "\n".join(upward)


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
