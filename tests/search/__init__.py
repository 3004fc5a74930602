"""Helpers and fixtures of the public search tests.

Test modules import the fixtures they use (`from tests.search import FIXTURES`): they are
registered under their `name`, so the `*_fixture` functions never clash with arguments.

Pages are made live the way editors do it, through a published revision, so the index is
fed by the signal processor only; `commit()` runs what a committing request would run at
commit (the index is written on commit, never inside the transaction).
"""

import datetime
import io

import pytest
from haystack import connections

from django.core.files import File
from django.utils.html import strip_tags

from documents.models import DocumentIndexPage, LegalDocumentPage
from news.models import NewsIndexPage, NewsPage, RadioEpisodePage, RadioIndexPage, RadioProgramme
from news.radio_demo import make_wav
from portal.models import StandardPage
from tests.factories import DocumentTypeFactory, IssuingBodyFactory

SEARCH = "/tim-kiem/"


def backend():
    return connections["default"].get_backend()


def clear_index():
    backend().clear()


def indexed_ids():
    """Identifiers ("news.newspage.7") of every entry in the index."""
    from haystack.query import SearchQuerySet

    return {result.id for result in SearchQuerySet().all()[:10_000]}


def publish(page):
    """Publishes the page's current state as an editor would (a revision)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add(parent, page):
    """Adds `page` under `parent` as a draft, then publishes it."""
    page.live = False
    parent.add_child(instance=page)
    return publish(page)


def search(client, q="", host=None, **params):
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get(SEARCH, {"q": q, **params}, **extra)
    assert response.status_code == 200
    return response


def titles(response):
    """Titles of the results shown, without the highlighting."""
    return [strip_tags(str(item["title"])) for item in response.context["results"]]


@pytest.fixture(name="commit")
def commit_fixture(django_capture_on_commit_callbacks):
    """`with commit():` runs the on-commit callbacks (the index writes) at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(name="search_index")
def search_index_fixture(db):
    """An empty index before and after the test."""
    clear_index()
    yield backend()
    clear_index()


@pytest.fixture(name="sections")
def sections_fixture(district, commit):
    """The district's news, documents, radio and an information page, all published."""
    with commit():
        news = add(district, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
        register = add(district, DocumentIndexPage(title="Văn bản", slug="van-ban"))
        radio = add(district, RadioIndexPage(title="Phát thanh", slug="phat-thanh"))
        about = add(district, StandardPage(title="Giới thiệu", slug="gioi-thieu"))
    return {"news": news, "register": register, "radio": radio, "about": about}


def article(parent, title, lead="Tóm tắt bài viết.", body=None, published_at=None, **fields):
    page = NewsPage(
        title=title,
        lead=lead,
        published_at=published_at or datetime.datetime(2025, 3, 5, 8, tzinfo=datetime.UTC),
        body=body or [],
        **fields,
    )
    return add(parent, page)


def document(parent, number, title, summary="Về việc ban hành quy định.", **fields):
    fields.setdefault("issued_on", datetime.date(2024, 3, 1))
    page = LegalDocumentPage(
        title=title,
        number=number,
        summary=summary,
        document_type=fields.pop("document_type", None) or DocumentTypeFactory(),
        issuing_body=fields.pop("issuing_body", None) or IssuingBodyFactory(),
        **fields,
    )
    return add(parent, page)


def episode(parent, title, summary="Bản tin thời sự của huyện.", transcript="", **fields):
    programme = (
        fields.pop("programme", None)
        or RadioProgramme.objects.get_or_create(name="Thời sự huyện")[0]
    )
    page = RadioEpisodePage(
        title=title,
        summary=summary,
        transcript=transcript,
        programme=programme,
        broadcast_at=fields.pop(
            "broadcast_at", datetime.datetime(2023, 11, 20, 12, tzinfo=datetime.UTC)
        ),
        audio=File(io.BytesIO(make_wav(1.0)), name="ban-tin.wav"),
        **fields,
    )
    return add(parent, page)
