"""The API's tests show the same product as the tourism tests."""

from tests.tourism.conftest import honey  # noqa: F401
