"""Dashboard product views: Oscar's, telling the form who is editing, and recording the
product's harvest season with it."""

from oscar.apps.dashboard.catalogue import views as oscar_views

from catalogue.services import product_season_set


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        # Oscar's queryset has already limited a producer to its own products (another's id
        # is a 404 before any form is read); a variant has no season of its own.
        values = form.season_values()
        if values:
            product_season_set(product=self.object, **values)
        return response
