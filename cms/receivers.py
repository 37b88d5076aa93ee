"""Receivers of the editorial site: the site's address written after every migrate."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from cms.services import site_address_sync


@receiver(post_migrate, dispatch_uid="cms.site_address_after_migrate")
def site_address_after_migrate(sender, using="default", apps=None, **kwargs) -> None:
    # Sent once per installed app; answer only once, for this app, which comes after
    # django.contrib.sites (its default Site) and wagtailcore in INSTALLED_APPS. `flush`
    # sends it too, without the migration state: the installed models then.
    if sender.name != "cms" or using != "default":
        return
    if apps is None:
        site_address_sync()
    else:
        site_address_sync(apps=apps)
