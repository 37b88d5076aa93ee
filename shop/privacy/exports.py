"""A buyer's copy of their data as files: one JSON document, or a zip of CSV tables (one per
kind; an order's lines, parcels and timeline steps in tables of their own, keyed by the
order number)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from typing import Any

# A spreadsheet runs a cell starting with one of these as a formula; text a producer or
# anyone else wrote could do that, so such cells are read as text. Numbers (a phone
# "+84…", an amount "-5000") are not formulas and stay as they are.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?[\d .,]+$")


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def _flatten(row: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], dict[str, list]]:
    """A row's plain values (nested dicts as `outer.inner` columns) and its nested lists."""
    flat: dict[str, Any] = {}
    nested: dict[str, list] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            inner, inner_lists = _flatten(value, prefix=f"{name}.")
            flat.update(inner)
            nested.update(inner_lists)
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            nested[name] = value
        elif isinstance(value, list):
            flat[name] = "; ".join(str(item) for item in value)
        else:
            flat[name] = value
    return flat, nested


def _tables(
    name: str, rows: list[dict[str, Any]], tables: dict[str, list[dict[str, Any]]], parent=None
) -> None:
    table = tables.setdefault(name, [])
    for index, row in enumerate(rows, start=1):
        flat, nested = _flatten(row)
        # Rows of a nested table name their parent: the order number, else its position.
        key = flat.get("number") or f"{parent or name}#{index}"
        if parent is not None:
            flat = {"of": parent, **flat}
        table.append(flat)
        for child, child_rows in nested.items():
            _tables(f"{name}_{child}", child_rows, tables, parent=key)


def as_csv_zip(data: dict[str, Any]) -> bytes:
    tables: dict[str, list[dict[str, Any]]] = {}
    scalars = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
    for key, value in data.items():
        if isinstance(value, dict):
            _tables(key, [{**scalars, **value}] if key == "profile" else [value], tables)
        elif isinstance(value, list):
            _tables(key, value, tables)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            columns: list[str] = []
            for row in rows:
                columns.extend(c for c in row if c not in columns)
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(columns or ["(none)"])
            for row in rows:
                writer.writerow([_cell(row.get(column)) for column in columns])
            # With a byte order mark, spreadsheets open Vietnamese text as UTF-8.
            archive.writestr(f"{name}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()
