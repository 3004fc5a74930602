"""The portal core app."""

from django.apps import AppConfig
from django.db import models
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Registers the Vietnamese slug widget, the page cache's invalidation signals and the
    workflow's Vietnamese e-mails."""

    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from wagtail.admin.forms.models import register_form_field_override

        from . import page_cache  # noqa: F401 - connects the invalidation signals
        from .notifications import connect as connect_workflow_emails
        from .slugs import VietnameseSlugInput

        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
        connect_workflow_emails()
