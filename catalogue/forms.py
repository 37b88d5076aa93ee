"""Form pieces of the catalogue that pages of other packages share."""

from django import forms

from catalogue.text import vietnamese_sorted
from catalogue.validators import validate_certificate_issuer


class _VietnameseOrderChoices(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # The database's collation cannot be trusted with Vietnamese (SQLite compares code
        # points, PostgreSQL's depends on the server), so the choices are ordered here.
        for obj in vietnamese_sorted(self.queryset, key=self.field.label_from_instance):
            yield self.choice(obj)


class PlaceChoiceField(forms.ModelChoiceField):
    """A choice of province or commune, listed in Vietnamese alphabetical order of its
    label (Cà Mau before Cao Bằng, Đ after D)."""

    iterator = _VietnameseOrderChoices


class CategoryChoiceField(forms.ModelChoiceField):
    """OCOP groups in their official order, each labelled with its code and its name in the
    reader's language: "I.3.b Chế biến…" / "I.3.b Made from…"."""

    def label_from_instance(self, category) -> str:
        indent = "\u00a0\u00a0" * (category.depth - 1)
        return f"{indent}{category.ocop_code} {category.display_name}"


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
