"""Upload safety for attachments: the type is read from the content, not the name.

A file is accepted only when its magic bytes say it is one of the allowed formats and
its extension agrees; it is stored under a random name (the Vietnamese original is
kept for downloads) outside MEDIA_ROOT, so only our view can serve it.
"""

import io
import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext

from portal.templatetags.portal_filters import filesize_vi

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

# extension → (label shown to citizens, MIME type served)
FORMATS = {
    "pdf": ("PDF", "application/pdf"),
    "doc": ("DOC", "application/msword"),
    "docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xls": ("XLS", "application/vnd.ms-excel"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "odt": ("ODT", "application/vnd.oasis.opendocument.text"),
}


def detect_format(head: bytes, file) -> str | None:
    """The extension the content really has, or None if it is none of ours."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE2):
        return "ole2"  # DOC or XLS: the container cannot tell which without parsing
    if head.startswith(ZIP):
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                    if mimetype == FORMATS["odt"][1]:
                        return "odt"
                if any(name.startswith("word/") for name in names):
                    return "docx"
                if any(name.startswith("xl/") for name in names):
                    return "xlsx"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
    return None


def validate_attachment(file):
    """Raises a ValidationError (in Vietnamese, with the reason) unless the file is safe."""
    name = getattr(file, "name", "") or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    filename = PurePath(name).name
    allowed = ", ".join(label for label, _mime in FORMATS.values())
    if extension not in FORMATS:
        raise ValidationError(
            gettext("Tệp “%(name)s” có đuôi không được phép. Chỉ nhận: %(allowed)s.")
            % {"name": filename, "allowed": allowed},
            code="extension",
        )
    limit = settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            gettext("Tệp “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s.")
            % {"name": filename, "size": filesize_vi(file.size), "limit": filesize_vi(limit)},
            code="size",
        )
    if file.size == 0:
        raise ValidationError(gettext("Tệp “%(name)s” rỗng.") % {"name": filename}, code="empty")
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(8)
        detected = detect_format(head, file if hasattr(file, "seek") else io.BytesIO(head))
    finally:
        file.seek(position)
    agrees = detected == extension or (detected == "ole2" and extension in ("doc", "xls"))
    if not agrees:
        raise ValidationError(
            gettext(
                "Nội dung tệp “%(name)s” không phải %(format)s "
                "(có thể tệp bị đổi đuôi hoặc bị hỏng)."
            )
            % {"name": filename, "format": FORMATS[extension][0]},
            code="content",
        )


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Attachment storage outside MEDIA_ROOT: never served by the web server directly."""

    def __init__(self):
        super().__init__(location=settings.PORTAL_PRIVATE_MEDIA_ROOT, base_url=None)

    def url(self, name):
        raise ValueError(gettext("Tệp văn bản chỉ được tải qua trang văn bản."))


def attachment_path(instance, filename):
    """A random stored name; the original (Vietnamese) name is kept in the model."""
    extension = PurePath(filename).suffix.lower()
    return f"van-ban/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"
