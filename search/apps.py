"""Oscar's search, forked; the search issue replaces the haystack views with our service."""

import oscar.apps.search.apps as oscar_apps


class SearchConfig(oscar_apps.SearchConfig):
    name = "search"
