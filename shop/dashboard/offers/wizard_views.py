"""Oscar's offer wizard; the offer it saves keeps who pays the discount, from the first step."""

from oscar.apps.dashboard.offers import wizard_views
from oscar.apps.dashboard.offers.wizard_views import *  # noqa: F403


class OfferWizardStepView(wizard_views.OfferWizardStepView):
    def _store_form_kwargs(self, form):
        # Oscar keeps each step's data in the session as JSON, turning only a range into its
        # id; the producer goes in as its id too.
        vendor = form.cleaned_data.get("vendor")
        if vendor is not None:
            form.cleaned_data["vendor"] = vendor.pk
        try:
            super()._store_form_kwargs(form)
        finally:
            if vendor is not None:
                form.cleaned_data["vendor"] = vendor

    def save_offer(self, offer):
        # Oscar copies only the name, description and type from the first step.
        session_offer = self._fetch_session_offer()
        if session_offer is not None:
            offer.funded_by = session_offer.funded_by
            offer.vendor_id = session_offer.vendor_id
        return super().save_offer(offer)
