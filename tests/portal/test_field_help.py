"""Every field editors fill in on our page types and settings has a Vietnamese name and help."""

import re

import pytest

from django.apps import apps
from django.db import models

from wagtail.models import Page

from portal.models import SiteSettings

OUR_APPS = ("portal", "news", "documents", "communes")
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]")


def edited_models():
    """Our page types, and the settings model."""
    found = [SiteSettings]
    for app in OUR_APPS:
        found += [m for m in apps.get_app_config(app).get_models() if issubclass(m, Page)]
    return found


def own_fields(model):
    """The fields the model itself declares (not Wagtail's Page fields, not the link to Page)."""
    return [
        field
        for field in model._meta.get_fields(include_parents=False, include_hidden=False)
        if isinstance(field, models.Field)
        and field.concrete
        and not field.auto_created
        and field.model is model
        and not (isinstance(field, models.OneToOneField) and field.remote_field.parent_link)
        and field.name not in ("id", "site")
    ]


CASES = [
    pytest.param(model, field, id=f"{model.__name__}.{field.name}")
    for model in edited_models()
    for field in own_fields(model)
]


def test_the_cases_cover_our_page_types():
    names = {model.__name__ for model in edited_models()}
    assert {"HomePage", "StandardPage", "NewsPage", "LegalDocumentPage", "CommuneHomePage"} <= names
    assert len(CASES) > 40


@pytest.mark.parametrize(("model", "field"), CASES)
def test_field_has_a_vietnamese_name_and_help_text(model, field):
    name, help_text = str(field.verbose_name), str(field.help_text)
    assert name != field.name.replace("_", " "), "verbose_name is derived from the English name"
    assert VIETNAMESE.search(name) or name.isalpha(), name
    assert help_text.strip(), "no help_text"
    assert VIETNAMESE.search(help_text), help_text
