"""Wires news into the portal (home page blocks, sample content) and the admin."""

from django.contrib import messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .demo import seed_news
from .home import news_sections
from .models import RadioEpisodePage, RadioProgramme
from .radio_demo import seed_radio

hooks.register("portal_home_sections", news_sections)
hooks.register("portal_seed_demo", seed_news)
hooks.register("portal_seed_demo", seed_radio)


class RadioProgrammeViewSet(SnippetViewSet):
    """The radio's programmes, a list admins keep."""

    model = RadioProgramme
    icon = "media"
    menu_label = _("Chương trình phát thanh")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "slug", "language"]
    search_fields = ["name"]


register_snippet(RadioProgrammeViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_missing_transcript(request, page):
    """An episode without a transcript leaves deaf listeners out: tell the editor."""
    if isinstance(page, RadioEpisodePage) and not page.has_transcript:
        messages.warning(
            request,
            gettext(
                "Buổi phát “%(title)s” chưa có bản ghi lời. Người khiếm thính chỉ theo dõi "
                "được qua bản ghi lời; hãy bổ sung sớm."
            )
            % {"title": page.title},
        )
