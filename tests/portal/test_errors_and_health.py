"""Vietnamese error pages in the site's look, and the health check."""

from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory

from portal.views import server_error


def test_404_is_vietnamese_and_in_the_sites_look(client, district):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert 'class="site-header"' in html and "Ủy ban nhân dân huyện Thử Nghiệm" in html
    assert '<html lang="vi">' in html


def test_500_is_vietnamese_and_needs_no_database():
    request = RequestFactory().get("/")
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html and 'lang="vi"' in html
    assert "portal.css" in html


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client, db):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
