"""Wires news into the portal: home page blocks and sample content."""

from wagtail import hooks

from .demo import seed_news
from .home import news_sections

hooks.register("portal_home_sections", news_sections)
hooks.register("portal_seed_demo", seed_news)
