"""Media served by portal.media.serve_media: whole files, byte ranges (audio players seek
with them), unsatisfiable ranges, malformed headers, HEAD, and no way out of MEDIA_ROOT."""

import os
import random
import tempfile
from pathlib import Path

import pytest

from django.conf import settings
from django.urls import resolve
from django.utils.http import http_date

from portal.media import parse_range, serve_media

pytestmark = pytest.mark.django_db

SIZE = 2000


@pytest.fixture
def media_file():
    """(URL, bytes) of a file written into MEDIA_ROOT; bytes differ at every offset."""
    data = random.Random(7).randbytes(SIZE)  # noqa: S311 - test content, not a secret
    path = Path(settings.MEDIA_ROOT) / "kiem-thu-range" / "ban-tin.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    yield f"{settings.MEDIA_URL}kiem-thu-range/ban-tin.wav", data
    path.unlink()


def body(response):
    """The whole body of a (streaming) response, which is then closed."""
    try:
        if response.streaming:
            return b"".join(response.streaming_content)
        return response.content
    finally:
        response.close()


def test_media_url_is_served_by_the_range_view(media_file):
    url, _ = media_file
    assert settings.PORTAL_SERVE_MEDIA
    assert resolve(url).func is serve_media


def test_no_range_is_the_whole_file(client, media_file):
    url, data = media_file
    response = client.get(url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)
    assert response["Content-Type"] in ("audio/x-wav", "audio/wav")
    assert "Content-Range" not in response
    assert body(response) == data


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=700-1299", 700, 1299),
        ("bytes=1234-1234", 1234, 1234),
        ("bytes=-100", SIZE - 100, SIZE - 1),
        ("bytes=500-", 500, SIZE - 1),
        ("bytes=0-", 0, SIZE - 1),
        ("bytes=1500-99999", 1500, SIZE - 1),  # the end is clipped to the file
        ("bytes=-99999", 0, SIZE - 1),  # a suffix longer than the file is all of it
        (" bytes=10-19 ", 10, 19),
    ],
    ids=[
        "first-100",
        "middle",
        "one-byte",
        "suffix",
        "open",
        "from-0",
        "past-end",
        "long-suffix",
        "spaces",
    ],
)
def test_a_range_is_answered_with_exactly_those_bytes(client, media_file, header, start, end):
    url, data = media_file
    response = client.get(url, headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{SIZE}"
    assert response["Content-Length"] == str(end - start + 1)
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] in ("audio/x-wav", "audio/wav")
    assert body(response) == data[start : end + 1]


def test_consecutive_ranges_rebuild_the_file(client, media_file):
    """What a player does when it streams in chunks."""
    url, data = media_file
    pieces = []
    for start in range(0, SIZE, 700):
        response = client.get(url, headers={"Range": f"bytes={start}-{start + 699}"})
        assert response.status_code == 206
        pieces.append(body(response))
    assert b"".join(pieces) == data


@pytest.mark.parametrize("header", [f"bytes={SIZE}-", f"bytes={SIZE + 10}-{SIZE + 20}", "bytes=-0"])
def test_unsatisfiable_range_is_416_with_the_size(client, media_file, header):
    url, _ = media_file
    response = client.get(url, headers={"Range": header})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"
    assert body(response) == b""


@pytest.mark.parametrize(
    "header",
    ["bytes=abc", "bytes=", "bytes=-", "items=0-99", "0-99", "bytes=0-99,200-299", "bytes=1e3-"],
)
def test_malformed_range_is_ignored(client, media_file, header):
    url, data = media_file
    response = client.get(url, headers={"Range": header})
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert "Content-Range" not in response
    assert body(response) == data


def test_head_answers_like_get_without_a_body(client, media_file):
    url, _ = media_file
    response = client.head(url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)
    assert body(response) == b""

    ranged = client.head(url, headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206
    assert ranged["Content-Range"] == f"bytes 0-99/{SIZE}"
    assert ranged["Content-Length"] == "100"
    assert body(ranged) == b""


def test_only_safe_methods(client, media_file):
    url, _ = media_file
    assert client.post(url).status_code == 405
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405


def test_unchanged_file_is_304(client, media_file):
    url, _ = media_file
    path = Path(settings.MEDIA_ROOT) / "kiem-thu-range" / "ban-tin.wav"
    response = client.get(url)
    assert response["Last-Modified"] == http_date(os.stat(path).st_mtime)
    body(response)
    again = client.get(url, headers={"If-Modified-Since": response["Last-Modified"]})
    assert again.status_code == 304


def test_missing_file_and_directory_are_404(client, media_file):
    assert client.get(f"{settings.MEDIA_URL}kiem-thu-range/khong-co.wav").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}kiem-thu-range/").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}kiem-thu-range").status_code == 404


@pytest.fixture
def secret():
    """A file next to MEDIA_ROOT (outside it), with a name unique to this run."""
    with tempfile.NamedTemporaryFile(
        dir=Path(settings.MEDIA_ROOT).parent, prefix="bi-mat-", suffix=".txt"
    ) as handle:
        handle.write("bí mật".encode())
        handle.flush()
        yield Path(handle.name)


@pytest.mark.parametrize(
    "template",
    [
        "../{name}",
        "kiem-thu-range/../../{name}",
        "%2e%2e/{name}",
        "..%2f{name}",
        "{absolute}",
        "%2F{absolute_rest}",
    ],
)
def test_nothing_outside_media_root_is_served(client, media_file, secret, template):
    path = template.format(name=secret.name, absolute=secret, absolute_rest=str(secret).lstrip("/"))
    response = client.get(f"{settings.MEDIA_URL}{path}")
    assert response.status_code == 404
    assert "bí mật".encode() not in body(response)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-0", (0, 0)),
        ("bytes=-1", (SIZE - 1, SIZE - 1)),
        ("bytes=5-2", "unsatisfiable"),
        ("", None),
        ("bytes=0-1,3-4", None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, SIZE) == expected
