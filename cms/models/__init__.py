"""Wagtail pages of the editorial site and the index of what stories mention."""

from cms.models.mentions import StoryProducer, StoryProduct
from cms.models.pages import (
    HomePage,
    RegionIndexPage,
    RegionPage,
    StoryIndexPage,
    StoryPage,
    StoryPageTag,
)

__all__ = [
    "HomePage",
    "RegionIndexPage",
    "RegionPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "StoryProducer",
    "StoryProduct",
]
