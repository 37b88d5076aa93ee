"""Tests marked `postgresql` prove what only PostgreSQL can (row locks between real
connections), tests marked `sqlite` what only SQLite can (its file locks); on another
database they are left out of the run, not skipped."""

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from django.db import connection

    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    left_out = [item for item in items if item.get_closest_marker(other)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker(other)]
