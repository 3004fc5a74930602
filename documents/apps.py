"""The legal document register (văn bản)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Legal documents: metadata, validity status, attachments, the secret guard."""

    name = "documents"
    verbose_name = _("Văn bản")
