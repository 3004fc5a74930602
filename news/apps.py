"""District and commune news."""

from django.apps import AppConfig


class NewsConfig(AppConfig):
    """News sections, articles and their feeds."""

    name = "news"
    verbose_name = "Tin tức"
