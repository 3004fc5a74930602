"""The news blocks of a home page: Tin nổi bật, Tin mới and one block per top section."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr

from .models import LEAD_PICTURE, NewsIndexPage, public_articles, with_thumbnails

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
    indexes = NewsIndexPage.objects.live().public()
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
