"""Commune news on the district: the queries behind "Đề xuất lên huyện" and "Tin cơ sở".

A commune editor ticks NewsPage.proposed_to_district and the commune publishes its
article as usual (its own board and head). The district's Ban biên tập then approves
or rejects the proposal (communes/syndication_views.py), which is stored in
DistrictProposal, apart from the page. Approved articles are listed in "Tin cơ sở" on
the district home and news pages: one article, never a copy; the list links to the
commune's own page at its canonical address (the commune's hostname).

Every list here is one SQL query whatever the number of communes and articles: the
commune's name comes from a subquery, and "public" (no view restriction on the page or
an ancestor) is a NOT EXISTS in the same query rather than Wagtail's separate lookup of
every restriction. Commune home pages are found by model name, so news does not import
the communes app (communes imports news).
"""

from types import SimpleNamespace

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction

from .models import NewsPage, with_thumbnails
from .models.articles import DistrictProposal

GRASSROOTS_COUNT = 6


def commune_home_model():
    return apps.get_model("communes", "CommuneHomePage")


def not_restricted():
    """Pages with no view restriction on themselves or an ancestor (Wagtail's `public()`)."""
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Exists(restrictions)


def commune_name():
    """The title of the live commune home page an article is under (None outside communes)."""
    communes = commune_home_model().objects.filter(
        live=True, path=Substr(OuterRef("path"), 1, Length("path"))
    )
    return Subquery(communes.values("title")[:1])


def outside_communes():
    """Pages not under any commune home (the district's own pages)."""
    communes = commune_home_model().objects.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    return ~Exists(communes)


def newest_first(queryset):
    return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")


def commune_articles():
    """Live, public articles under a live commune, annotated with `commune_name`."""
    return (
        NewsPage.objects.live()
        .filter(not_restricted())
        .annotate(commune_name=commune_name())
        .filter(commune_name__isnull=False)
    )


def proposed_articles():
    """Commune articles proposed to the district, whatever the decision."""
    return commune_articles().filter(proposed_to_district=True)


def pending_proposals():
    """Proposed commune articles the district has not decided on yet, oldest first."""
    undecided = Q(district_proposal__isnull=True) | Q(
        district_proposal__status=DistrictProposal.Status.PENDING
    )
    return proposed_articles().filter(undecided).order_by("last_published_at", "pk")


def approved_articles():
    """Proposed commune articles the district approved, newest first."""
    return newest_first(
        proposed_articles().filter(district_proposal__status=DistrictProposal.Status.APPROVED)
    )


def with_canonical_urls(articles):
    """Sets `canonical_url` (the commune's hostname) on each article; no query per article.

    No request is passed on purpose: with the district's request Wagtail would prefer the
    district host (the commune also lives under it), and the canonical address is the
    commune's own. One holder caches the site root paths for the whole list.
    """
    holder = SimpleNamespace()
    for article in articles:
        article.canonical_url = article.get_full_url(holder)
    return articles


def grassroots(limit=GRASSROOTS_COUNT, thumbnails=True):
    """The "Tin cơ sở" list: the newest approved commune articles, with their URLs."""
    articles = approved_articles()
    if thumbnails:
        articles = with_thumbnails(articles)
    return with_canonical_urls(list(articles[:limit]))


def grassroots_for_index(index, limit=GRASSROOTS_COUNT):
    """The "Tin cơ sở" side block of a district news index; empty on a commune's.

    Whether the index is under a commune is part of the same single query.
    """
    inside_commune = (
        commune_home_model()
        .objects.annotate(target=Value(index.path))
        .filter(target__startswith=F("path"))
    )
    articles = approved_articles().filter(~Exists(inside_commune))
    return with_canonical_urls(list(articles[:limit]))
