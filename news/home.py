"""The news blocks of a home page: Tin nổi bật, Tin mới, one block per top section, and
on the district's home only, Tin cơ sở (approved commune articles, see syndication.py)."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr

from portal.models import HomePage

from .models import LEAD_PICTURE, NewsIndexPage, public_articles, with_thumbnails
from .syndication import grassroots, not_restricted, outside_communes

FEATURED_COUNT = 5
LATEST_COUNT = 8
SECTION_COUNT = 6
PER_SECTION = 4


def newest_per_section(articles, sections, count):
    """The `count` newest articles under each section, in one query (a window function)."""
    if not sections:
        return {}
    path_length = len(sections[0].path)
    ranked = (
        articles.filter(path__startswith=sections[0].path[: -sections[0].steplen])
        .annotate(
            section_path=Substr("path", 1, path_length),
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, path_length)],
                order_by=[F("published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=count, section_path__in=[section.path for section in sections])
        .order_by("section_path", "rank")
    )
    grouped = {section.path: [] for section in sections}
    for article in with_thumbnails(ranked):
        grouped[article.section_path].append(article)
    return grouped


def news_sections(home, request):
    """Sections for portal's home page, in a fixed number of queries whatever the content."""
    articles = public_articles(within=home)
    district = isinstance(home, HomePage)
    if district:
        # Commune sites live under the district's tree, but their articles reach the
        # district's own blocks only through the board's approval, in Tin cơ sở.
        articles = articles.filter(outside_communes())
    blocks = [
        {
            "order": 10,
            "template": "news/includes/home_featured.html",
            "featured": list(
                with_thumbnails(articles.filter(featured=True), LEAD_PICTURE)[:FEATURED_COUNT]
            ),
            "latest": list(with_thumbnails(articles)[:LATEST_COUNT]),
        }
    ]
    if district:
        commune_news = grassroots()
        if commune_news:
            blocks.append(
                {
                    "order": 15,
                    "template": "news/includes/home_grassroots.html",
                    "articles": commune_news,
                }
            )
    # Public as in Wagtail's public(), in the same query (no separate restrictions lookup).
    indexes = NewsIndexPage.objects.live().filter(not_restricted())
    main_index = indexes.child_of(home).order_by("path").first()
    if main_index is None:
        return blocks
    sections = list(indexes.child_of(main_index).in_menu().order_by("path")[:SECTION_COUNT])
    grouped = newest_per_section(articles, sections, PER_SECTION)
    blocks.extend(
        {
            "order": 20,
            "template": "news/includes/home_section.html",
            "index": section,
            "articles": grouped[section.path],
        }
        for section in sections
        if grouped[section.path]
    )
    return blocks
