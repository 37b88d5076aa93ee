"""Oscar's product reviews, forked: only a buyer whose parcel arrived may review, and staff
approve each review before it shows (views.py, forms.py)."""
