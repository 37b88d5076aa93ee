"""Write-side operations of the catalogue: reference data (places, OCOP groups), certificates
(whose operations live in catalogue/certificates.py and are re-exported here)."""

import logging

from django.db import transaction

from catalogue.certificates import (
    certificate_add,
    certificate_reminders_send,
    certificate_revoke,
    certificates_expire,
)
from catalogue.models import Category, Commune, Province
from catalogue.ocop_groups import OCOP_GROUPS, OcopNode
from catalogue.text import slugify_vietnamese

logger = logging.getLogger(__name__)

_COMMUNE_KINDS = {"Xã": Commune.Kind.COMMUNE, "Phường": Commune.Kind.WARD}


def _admin_unit_rows() -> list[dict]:
    # vietnamadminunits ships the post-July-2025 units in a SQLite file it maintains.
    from vietnamadminunits.database import query

    return query(
        "SELECT provinceCode, province, provinceShort, provinceLat, provinceLon, "
        "wardCode, ward, wardShort, wardType, wardLat, wardLon FROM admin_units "
        "ORDER BY provinceCode, wardCode"
    )


@transaction.atomic
def places_sync() -> tuple[int, int]:
    """Create or update the 34 provinces and their communes; returns (provinces, communes)."""
    rows = _admin_unit_rows()
    existing_provinces = {p.code: p for p in Province.objects.all()}
    provinces: dict[str, Province] = {}
    for row in rows:
        code = row["provinceCode"]
        if code in provinces:
            continue
        province = existing_provinces.get(code) or Province(code=code)
        values = {
            "name": row["province"],
            "short_name": row["provinceShort"],
            "slug": slugify_vietnamese(row["provinceShort"]),
            "is_city": row["province"].startswith("Thành phố"),
            "latitude": row["provinceLat"],
            "longitude": row["provinceLon"],
        }
        if province.pk is None or any(getattr(province, f) != v for f, v in values.items()):
            for field, value in values.items():
                setattr(province, field, value)
            province.save()
        provinces[code] = province

    existing_communes = {c.code: c for c in Commune.objects.select_related("province")}
    to_create, to_update = [], []
    for row in rows:
        commune = existing_communes.get(row["wardCode"])
        values = {
            "name": row["ward"],
            "short_name": row["wardShort"],
            "kind": _COMMUNE_KINDS.get(row["wardType"], Commune.Kind.SPECIAL_ZONE),
            "province": provinces[row["provinceCode"]],
            "latitude": row["wardLat"],
            "longitude": row["wardLon"],
        }
        if commune is None:
            to_create.append(Commune(code=row["wardCode"], **values))
        elif any(getattr(commune, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(commune, field, value)
            to_update.append(commune)
    Commune.objects.bulk_create(to_create, batch_size=500)
    Commune.objects.bulk_update(
        to_update,
        ["name", "short_name", "kind", "province", "latitude", "longitude"],
        batch_size=500,
    )
    return len(provinces), len(rows)


def _sync_category_node(node: OcopNode, parent: Category | None, position: int) -> int:
    code, name, name_en, children = node
    category = Category.objects.filter(ocop_code=code).first()
    if category is None:
        values = {"name": name, "name_en": name_en, "ocop_code": code}
        values["slug"] = slugify_vietnamese(name if parent is None else f"{code} {name}")
        category = Category.add_root(**values) if parent is None else parent.add_child(**values)
    elif (category.name, category.name_en) != (name, name_en):
        category.name, category.name_en = name, name_en
        category.save()
    created = 1
    for index, child in enumerate(children):
        created += _sync_category_node(child, category, index)
    return created


@transaction.atomic
def ocop_categories_sync() -> int:
    """Create the six OCOP groups with their groups and subgroups; returns the node count."""
    return sum(_sync_category_node(node, None, i) for i, node in enumerate(OCOP_GROUPS))


__all__ = [
    "certificate_add",
    "certificate_reminders_send",
    "certificate_revoke",
    "certificates_expire",
    "ocop_categories_sync",
    "places_sync",
]
