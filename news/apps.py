"""District and commune news."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News sections, articles and their feeds."""

    name = "news"
    verbose_name = _("Tin tức")
