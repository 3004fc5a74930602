"""Bringing articles from the old portal into the news app (manage.py import_news).

Two steps, kept apart so each can be tested alone:

- `read_entries(path)` reads a JSON Lines or RSS 2.0 file into `Entry` items: a position
  (line number, or item number for RSS) with either a checked `Article` or the reason,
  in Vietnamese, why it cannot be imported;
- `ArticleImporter(index).save(article)` creates or updates one NewsPage under a news
  section, in its own transaction, keyed by `source_url` so that reruns never duplicate.

Nothing in an article is trusted: HTML goes through Wagtail's own rich-text converter,
images must open with Pillow, and every text fits its model field before anything is written.
"""

import datetime
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.images import get_image_model
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from portal.slugs import vietnamese_slugify

from .blocks import NewsBodyBlock
from .models import NewsIndexPage, NewsPage

CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"

# Elements removed with everything inside them before any text is kept: their content is
# code or an embedded document, never words of the article.
DROPPED_ELEMENTS = [
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "noscript",
    "template",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "head",
    "title",
    "canvas",
    "audio",
    "video",
    "select",
    "textarea",
    "button",
]
# Elements after which plain text needs a space, so "<p>a</p><p>b</p>" reads "a b".
BLOCK_ELEMENTS = [
    "p",
    "div",
    "br",
    "li",
    "dd",
    "dt",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "figcaption",
]
# "lan@example.gov.vn (Nguyễn Thị Lan)", RSS 2.0's form of <author>.
RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]+)\)$")
MAX_TAG_LENGTH = 100  # taggit's Tag.name
# Pillow's format names whose files carry another extension (MPO: a camera's JPEG).
PILLOW_EXTENSIONS = {"jpeg": "jpg", "mpo": "jpg"}


class NewsImportError(Exception):
    """The whole import cannot run: unreadable file, bad --into path. Message in Vietnamese."""


class InvalidArticle(Exception):
    """One article cannot be imported; the message (Vietnamese) says why."""


@dataclass
class Article:
    """One article read from the file, checked and ready to save."""

    key: str
    title: str
    lead: str
    body_html: str = ""
    published_at: datetime.datetime | None = None
    author: str = ""
    source: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    image: Path | None = None
    image_alt: str = ""


@dataclass
class Entry:
    """An article of the file at its position, or the reason it cannot be imported."""

    position: int
    article: Article | None = None
    error: str = ""


# --- Text and HTML -------------------------------------------------------------------


def paragraph_features():
    """The rich-text features of an article's paragraph block, as the editor offers them."""
    return NewsBodyBlock().child_blocks["paragraph"].features


def _soup_without_code(html):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(DROPPED_ELEMENTS):
        element.decompose()
    return soup


def plain_text(html):
    """The words of an HTML fragment on one line: tags, scripts and styles removed."""
    if not html:
        return ""
    soup = _soup_without_code(html)
    for element in soup.find_all(BLOCK_ELEMENTS):
        element.insert_after(" ")
    return " ".join(soup.get_text().split())


def clean_html(html):
    """HTML reduced to what the article's rich-text editor allows, in Wagtail's stored form.

    Wagtail's contentstate converter (the editor's own) rebuilds the fragment from the
    paragraph block's features: paragraphs, h2–h4, bold, italic, lists, links and rules
    stay; any other tag is dropped but its text kept, attributes (styles, onclick...)
    vanish and unsafe link schemes lose their href. Script, style and embedded content
    are removed with their text first. Empty paragraphs are dropped; "" if nothing is left.
    """
    if not html or not html.strip():
        return ""
    converter = ContentstateConverter(paragraph_features())
    contentstate = json.loads(converter.from_database_format(str(_soup_without_code(html))))
    contentstate["blocks"] = [
        block
        for block in contentstate["blocks"]
        if block["type"] == "atomic" or block["text"].strip()
    ]
    if not contentstate["blocks"]:
        return ""
    return converter.to_database_format(json.dumps(contentstate))


def _one_line(text):
    return " ".join(text.split())


# --- Field parsing ---------------------------------------------------------------------


def parse_iso_datetime(value):
    """An aware datetime from ISO 8601 text; without an offset it is the portal's local time."""
    try:
        parsed = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidArticle(
            gettext(
                "ngày đăng «%(value)s» không hợp lệ (cần dạng ISO 8601, "
                "ví dụ 2024-03-05T08:30:00+07:00)."
            )
            % {"value": value}
        ) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def parse_rfc822_datetime(value):
    """An aware datetime from an RSS pubDate (RFC 822); "-0000" and no zone mean UTC."""
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        raise InvalidArticle(
            gettext(
                "ngày đăng (pubDate) «%(value)s» không hợp lệ "
                "(cần dạng RFC 822, ví dụ Tue, 05 Mar 2024 08:30:00 +0700)."
            )
            % {"value": value}
        ) from None
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed


def parse_tags(value):
    """Tag names from a list of strings or a comma-separated string, without blanks or repeats."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        names = value.split(",")
    elif isinstance(value, list) and all(isinstance(name, str) for name in value):
        names = value
    else:
        raise InvalidArticle(
            gettext("trường tags phải là danh sách chuỗi hoặc chuỗi cách nhau bởi dấu phẩy.")
        )
    tags = []
    for name in names:
        name = _one_line(name)
        if len(name) > MAX_TAG_LENGTH:
            raise InvalidArticle(
                gettext("từ khóa «%(name)s…» dài quá %(limit)s ký tự.")
                % {"name": name[:40], "limit": MAX_TAG_LENGTH}
            )
        if name and name not in tags:
            tags.append(name)
    return tags


def check_image(path):
    """Refuse a missing file, a file Pillow cannot open, or a format Wagtail does not accept."""
    if not path.is_file():
        raise InvalidArticle(gettext("không tìm thấy tệp ảnh %(path)s.") % {"path": path})
    try:
        with PillowImage.open(path) as image:
            image_format = (image.format or "").lower()
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        PillowImage.DecompressionBombError,
    ):
        raise InvalidArticle(
            gettext("tệp %(path)s không phải ảnh hoặc ảnh bị hỏng.") % {"path": path}
        ) from None
    allowed = get_allowed_image_extensions()
    extension = PILLOW_EXTENSIONS.get(image_format, image_format)
    if extension not in allowed and image_format not in allowed:
        values = {"path": path, "format": image_format.upper(), "allowed": ", ".join(allowed)}
        if not image_format:
            raise InvalidArticle(
                gettext("ảnh %(path)s có định dạng lạ, không được hỗ trợ (chỉ nhận %(allowed)s).")
                % values
            )
        raise InvalidArticle(
            gettext(
                "ảnh %(path)s có định dạng %(format)s, không được hỗ trợ (chỉ nhận %(allowed)s)."
            )
            % values
        )


def _max_length(field_name):
    return NewsPage._meta.get_field(field_name).max_length


def make_article(fields, labels):
    """A checked Article from parsed fields, or InvalidArticle.

    `labels` names the fields as the file spells them, for messages ("lead" in JSON Lines
    is "description" in RSS).
    """
    missing = [str(labels[name]) for name in ("title", "lead", "key") if not fields.get(name)]
    if missing:
        raise InvalidArticle(
            gettext("thiếu trường bắt buộc: %(fields)s.") % {"fields": ", ".join(missing)}
        )
    limits = {
        "title": _max_length("title"),
        "key": _max_length("source_url"),
        "author": _max_length("author"),
        "source": _max_length("source"),
        "image_alt": _max_length("cover_alt"),
        "section": Page._meta.get_field("title").max_length,
    }
    for name, limit in limits.items():
        if len(fields.get(name) or "") > limit:
            raise InvalidArticle(
                gettext("trường %(field)s dài quá %(limit)s ký tự.")
                % {"field": labels.get(name, name), "limit": limit}
            )
    return Article(**fields)


# --- JSON Lines -----------------------------------------------------------------------

JSONL_LABELS = {"title": "title", "lead": "lead", "key": "source_url"}


def _string(record, name):
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidArticle(gettext("trường %(field)s phải là chuỗi.") % {"field": name})
    return value


def article_from_record(record, base_dir):
    """An Article from one JSON object; relative image paths are taken from base_dir."""
    fields = {
        "key": _string(record, "source_url").strip(),
        "title": _one_line(_string(record, "title")),
        "lead": plain_text(_string(record, "lead")),
        "body_html": clean_html(_string(record, "body_html")),
        "author": _one_line(_string(record, "author")),
        "source": _one_line(_string(record, "source")),
        "section": _one_line(_string(record, "section")),
        "tags": parse_tags(record.get("tags")),
        "image_alt": _one_line(_string(record, "image_alt")),
    }
    published_at = _string(record, "published_at")
    if published_at.strip():
        fields["published_at"] = parse_iso_datetime(published_at)
    image = _string(record, "image").strip()
    if image:
        path = Path(image).expanduser()
        fields["image"] = path if path.is_absolute() else base_dir / path
    article = make_article(fields, JSONL_LABELS)
    if article.image:
        check_image(article.image)
    return article


def _jsonl_entries(path):
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig").strip())
            except UnicodeDecodeError:
                yield Entry(number, error=gettext("dòng không phải văn bản UTF-8."))
                continue
            except json.JSONDecodeError as exc:
                yield Entry(
                    number,
                    error=gettext("JSON không hợp lệ (%(reason)s, cột %(column)s).")
                    % {"reason": exc.msg, "column": exc.colno},
                )
                continue
            if not isinstance(record, dict):
                yield Entry(number, error=gettext("mỗi dòng phải là một đối tượng JSON {…}."))
                continue
            try:
                yield Entry(number, article=article_from_record(record, path.parent))
            except InvalidArticle as exc:
                yield Entry(number, error=str(exc))


# --- RSS 2.0 --------------------------------------------------------------------------

RSS_LABELS = {"title": "title", "lead": "description", "key": gettext_lazy("guid hoặc link")}


def _text(item, tag):
    return (item.findtext(tag) or "").strip()


def article_from_item(item):
    """An Article from an RSS <item>: guid (else link) is the key, categories are tags."""
    author = _one_line(_text(item, "author") or _text(item, DC_CREATOR))
    named = RSS_AUTHOR.match(author)
    description = _text(item, "description")
    fields = {
        "key": _text(item, "guid") or _text(item, "link"),
        "title": plain_text(_text(item, "title")),
        "lead": plain_text(description),
        "body_html": clean_html(_text(item, CONTENT_ENCODED) or description),
        "author": named["name"].strip() if named else author,
        "tags": parse_tags([category.text or "" for category in item.findall("category")]),
    }
    published_at = _text(item, "pubDate")
    if published_at:
        fields["published_at"] = parse_rfc822_datetime(published_at)
    return make_article(fields, RSS_LABELS)


def _rss_entries(path):
    try:
        root = SafeElementTree.parse(path).getroot()
    except SafeElementTree.ParseError as exc:
        raise NewsImportError(
            gettext("Tệp %(path)s không phải XML hợp lệ: %(error)s.") % {"path": path, "error": exc}
        ) from exc
    except DefusedXmlException as exc:
        raise NewsImportError(
            gettext("Tệp %(path)s chứa khai báo thực thể XML, không được phép vì lý do an toàn.")
            % {"path": path}
        ) from exc
    if root.tag != "rss":
        raise NewsImportError(
            gettext("Tệp %(path)s là XML nhưng không phải RSS 2.0 (phần tử gốc là <%(tag)s>).")
            % {"path": path, "tag": root.tag}
        )
    entries = []
    for position, item in enumerate(root.iterfind("channel/item"), start=1):
        try:
            entries.append(Entry(position, article=article_from_item(item)))
        except InvalidArticle as exc:
            entries.append(Entry(position, error=str(exc)))
    return entries


# --- Reading a file -------------------------------------------------------------------


def read_entries(path) -> tuple[str, Iterator[Entry]]:
    """("rss" or "jsonl", the file's entries), told apart by content: XML with <rss> is RSS.

    JSON Lines is read lazily, line by line; RSS is parsed whole. Raises NewsImportError
    when the file cannot be read at all.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise NewsImportError(
            gettext("Không mở được tệp %(path)s: %(error)s.")
            % {"path": path, "error": exc.strerror or exc}
        ) from exc
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "rss", iter(_rss_entries(path))
    return "jsonl", _jsonl_entries(path)


# --- Saving ---------------------------------------------------------------------------


def find_news_index(url_path):
    """The NewsIndexPage at this URL path ("/tin-tuc/") of the default Site."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise NewsImportError(
            gettext(
                "Chưa có trang web mặc định (Site đánh dấu is_default_site): "
                "không biết đường dẫn --into thuộc trang nào."
            )
        )
    components = [part for part in unquote(urlsplit(url_path).path).split("/") if part]
    full_path = site.root_page.url_path + "".join(f"{part}/" for part in components)
    page = Page.objects.filter(url_path=full_path).first()
    if page is None:
        raise NewsImportError(
            gettext(
                "Không tìm thấy trang nào tại đường dẫn «%(path)s» trên trang web mặc định "
                "(%(hostname)s). Hãy dùng đường dẫn của một chuyên mục tin, ví dụ /tin-tuc/."
            )
            % {"path": url_path, "hostname": site.hostname}
        )
    page = page.specific
    if not isinstance(page, NewsIndexPage):
        raise NewsImportError(
            gettext(
                "Trang «%(title)s» tại «%(path)s» không phải chuyên mục tin "
                "(NewsIndexPage); không thể nhập bài vào đó."
            )
            % {"title": page.title, "path": url_path}
        )
    return page


def describe_validation_error(error):
    """A ValidationError on one line: "field: message; field: message"."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


class ArticleImporter:
    """Creates or updates NewsPages under one news section, keyed by source_url.

    An existing article (any NewsPage with the same source_url, wherever an editor has
    moved it) is updated in place: its fields take the file's values, it gets a new
    revision which is published, and its slug and place in the tree stay. Its cover is
    replaced only when the file names an image. Sub-sections are found by title (or by
    the slug of the title) among the index's children, and created when missing.
    """

    def __init__(self, index):
        self.index_id = index.pk

    @transaction.atomic
    def save(self, article):
        """Create or update the article in one transaction; True when it was created."""
        page = NewsPage.objects.filter(source_url=article.key).order_by("pk").first()
        created = page is None
        if created:
            page = NewsPage(source_url=article.key)
        page.title = article.title
        page.lead = article.lead
        page.body = [("paragraph", RichText(article.body_html))] if article.body_html else []
        page.author = article.author
        page.source = article.source
        if article.published_at:
            page.published_at = article.published_at
        if article.image:
            page.cover_image = self.image_for(article)
            page.cover_alt = article.image_alt or article.title
            page.cover_decorative = False
        page.tags.set(article.tags)
        try:
            if created:
                self.section_for(article.section).add_child(instance=page)
            page.save_revision().publish()
        except ValidationError as exc:
            raise InvalidArticle(
                gettext("dữ liệu không hợp lệ: %(errors)s")
                % {"errors": describe_validation_error(exc)}
            ) from exc
        if article.published_at:
            # Publishing stamps "now"; the admin should show the original date instead.
            NewsPage.objects.filter(pk=page.pk).update(
                first_published_at=article.published_at, last_published_at=article.published_at
            )
        return created

    def section_for(self, title):
        """The index itself for an empty title, else its sub-section of that title."""
        # Fetched afresh: a rolled-back article must not leave a stale numchild behind.
        index = NewsIndexPage.objects.get(pk=self.index_id)
        if not title:
            return index
        children = NewsIndexPage.objects.child_of(index)
        section = (
            children.filter(title__iexact=title).first()
            or children.filter(slug=vietnamese_slugify(title)).first()
        )
        if section is None:
            section = NewsIndexPage(title=title)
            index.add_child(instance=section)
            section.save_revision().publish()
        return section

    def image_for(self, article):
        """A library image from the article's file, reusing one with the same content."""
        image_model = get_image_model()
        with article.image.open("rb") as handle:
            file_hash = hash_filelike(handle)
            existing = image_model.objects.filter(file_hash=file_hash).order_by("pk").first()
            if existing:
                return existing
            image = image_model(
                title=article.title,
                file_hash=file_hash,
                file_size=article.image.stat().st_size,
            )
            image.file = ImageFile(handle, name=article.image.name)
            image.save()
        return image
