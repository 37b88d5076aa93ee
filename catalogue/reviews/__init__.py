"""Oscar's product reviews, with the views the catalogue fork changes (see views.py)."""
