"""Commune sub-sites."""

from django.apps import AppConfig


class CommunesConfig(AppConfig):
    """Communes and towns: their directory, home pages and provisioning."""

    name = "communes"
    verbose_name = "Xã, thị trấn"
