"""The portal core app."""

from django.apps import AppConfig
from django.db import models


class PortalConfig(AppConfig):
    """Registers the Vietnamese slug widget for every slug field the admin shows."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from wagtail.admin.forms.models import register_form_field_override

        from .slugs import VietnameseSlugInput

        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
