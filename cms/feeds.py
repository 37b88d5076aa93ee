"""RSS and Atom feeds of the published stories."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from cms.selectors import latest_stories

FEED_LENGTH = 20


class StoriesFeed(Feed):
    title = _("Regional stories")
    description = _("Stories of the places and people behind OCOP products.")
    url_name = "stories-rss"

    def feed_url(self):
        # The feed's own address on the public site, whatever host or scheme it was asked on.
        return settings.SITE_URL + reverse(self.url_name)

    def link(self):
        from cms.models import StoryIndexPage

        index = StoryIndexPage.objects.live().first()
        return index.full_url if index else "/"

    def items(self):
        return latest_stories(limit=FEED_LENGTH)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        # Wagtail's site address, written from SITE_URL (cms.services.site_address_sync).
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or settings.OSCAR_SHOP_NAME

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class StoriesAtomFeed(StoriesFeed):
    feed_type = Atom1Feed
    url_name = "stories-atom"
    subtitle = StoriesFeed.description
