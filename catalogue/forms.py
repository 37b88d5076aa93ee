"""Form pieces of the catalogue that pages of other packages share."""

from django import forms

from catalogue.validators import validate_certificate_issuer


class IssuerRuleMixin:
    """For a form with `stars`, `issuer_kind` and `issued_on`: who may recognise which stars
    (catalogue.validators.validate_certificate_issuer), said on the form as a whole. Used by
    the dashboard's certificate form and the application's (/sell/)."""

    def clean(self):
        cleaned = super().clean()
        try:
            validate_certificate_issuer(
                stars=cleaned.get("stars"),
                issuer_kind=cleaned.get("issuer_kind"),
                issued_on=cleaned.get("issued_on"),
            )
        except forms.ValidationError as error:
            self.add_error(None, error)
        return cleaned
