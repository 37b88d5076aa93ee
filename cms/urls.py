"""Feeds and sitemap, mounted before Wagtail's catch-all in shop/urls.py."""

from django.urls import path

from cms import views
from cms.feeds import StoriesAtomFeed, StoriesFeed

urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap-section"),
    path("stories/feed/rss/", StoriesFeed(), name="stories-rss"),
    path("stories/feed/atom/", StoriesAtomFeed(), name="stories-atom"),
]
