"""Wagtail pages: the home page, regional stories."""
