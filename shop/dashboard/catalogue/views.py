"""Dashboard product views: Oscar's, telling the form who is editing."""

from oscar.apps.dashboard.catalogue import views as oscar_views


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}
