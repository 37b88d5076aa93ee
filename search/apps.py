"""Oscar's search, forked: the search service, its two backends and the views that use it."""

import oscar.apps.search.apps as oscar_apps


class SearchConfig(oscar_apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        from search import receivers

        receivers.connect()
