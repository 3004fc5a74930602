"""A district with a news index "Tin tức" and two sections."""

import pytest

from tests.factories import NewsIndexPageFactory


@pytest.fixture
def news_index(district):
    return NewsIndexPageFactory(parent=district, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def politics(news_index):
    return NewsIndexPageFactory(parent=news_index, title="Chính trị", slug="chinh-tri")


@pytest.fixture
def economy(news_index):
    return NewsIndexPageFactory(parent=news_index, title="Kinh tế", slug="kinh-te")
