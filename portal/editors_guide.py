"""The editors' guide, docs/huong-dan-bien-tap.md, read inside the admin.

Wagtail's Help menu links to its English user guide and release notes; editors get our
Vietnamese guide instead, rendered from the same Markdown file the repository keeps, so the
guide has one source. The file is ours, so it is trusted text, but raw HTML is still switched
off: the guide is Markdown only.
"""

import functools
import re

from markdown_it import MarkdownIt

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE_PATH = settings.BASE_DIR / "docs" / "huong-dan-bien-tap.md"
MENU_LABEL = _("Hướng dẫn biên tập")

# Links to the repository's other Markdown files (the glossary, the import guides) lead nowhere
# inside the admin: the link text stays, the link goes.
REPOSITORY_LINK = re.compile(r"\[([^\]]+)\]\((?![a-z]+:|#|/)[^)]*\.md(?:#[^)]*)?\)")

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


@functools.lru_cache(maxsize=2)
def _render(path, modified):
    """The guide as HTML; `modified` keys the cache so an edited file is read again."""
    return _markdown.render(REPOSITORY_LINK.sub(r"\1", path.read_text(encoding="utf-8")))


def guide_html(path=GUIDE_PATH):
    """The rendered guide, safe to place in a template."""
    return mark_safe(_render(path, path.stat().st_mtime_ns))  # noqa: S308 - our own Markdown, HTML off


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The guide for anyone who may use the admin."""

    template_name = "portal/admin/editors_guide.html"
    page_title = MENU_LABEL
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return super().get_context_data(guide=guide_html(), **kwargs)
