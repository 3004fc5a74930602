"""Commune sub-sites."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunesConfig(AppConfig):
    """Communes and towns: their directory, home pages and provisioning."""

    name = "communes"
    verbose_name = _("Xã, thị trấn")
