"""The district home page: Tin nổi bật, Tin mới and a block per top section."""

import datetime

from tests.factories import NewsPageFactory

ICT = datetime.timezone(datetime.timedelta(hours=7))


def section(html, heading_id, end="</section>"):
    return html.split(f'id="{heading_id}"')[1].split(end)[0]


def test_featured_newest_first_and_limited(client, politics):
    for day in range(1, 8):
        NewsPageFactory(
            parent=politics,
            featured=True,
            title=f"Nổi bật {day}",
            published_at=datetime.datetime(2025, 5, day, tzinfo=ICT),
        )
    NewsPageFactory(
        parent=politics,
        featured=True,
        title="Nổi bật nháp",
        published_at=datetime.datetime(2025, 6, 1, tzinfo=ICT),
    ).unpublish()
    featured = section(client.get("/").content.decode(), "tin-noi-bat")
    assert featured.index("Nổi bật 7") < featured.index("Nổi bật 6")
    assert "Nổi bật 2" not in featured and "Nổi bật nháp" not in featured


def test_latest_and_section_blocks(client, news_index, politics, economy):
    NewsPageFactory(parent=politics, title="Tin chính trị")
    NewsPageFactory(parent=economy, title="Tin kinh tế")
    NewsPageFactory(parent=economy, title="Tin nháp").unpublish()
    html = client.get("/").content.decode()
    latest = section(html, "tin-moi")
    assert "Tin chính trị" in latest and "Tin kinh tế" in latest and "Tin nháp" not in latest
    politics_block = section(html, f"muc-{politics.pk}")
    economy_block = section(html, f"muc-{economy.pk}")
    assert "Tin chính trị" in politics_block and "Tin kinh tế" not in politics_block
    assert "Tin kinh tế" in economy_block


def test_section_block_shows_its_four_newest(client, politics):
    for day in range(1, 7):
        NewsPageFactory(
            parent=politics,
            title=f"Bài {day}",
            published_at=datetime.datetime(2025, 5, day, tzinfo=ICT),
        )
    block = section(client.get("/").content.decode(), f"muc-{politics.pk}")
    assert [f"Bài {d}" in block for d in range(6, 0, -1)] == [True] * 4 + [False] * 2
