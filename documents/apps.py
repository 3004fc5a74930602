"""The legal document register (văn bản)."""

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Legal documents: metadata, validity status, attachments, the secret guard."""

    name = "documents"
    verbose_name = "Văn bản"
