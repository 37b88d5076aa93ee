"""Views of the search fork. Classes not defined here fall back to Oscar's."""
