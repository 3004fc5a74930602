"""Serving media with HTTP Range support, for the embedded default (`make run`).

Audio players seek by asking for byte ranges, and Safari will not play audio at all
without them. In production the web server in front (nginx) serves media itself and
handles ranges natively (docs/deploy.md).
"""

import mimetypes
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header, size):
    """(start, end) inclusive for a single-range header, None for no usable range,
    or "unsatisfiable"."""
    match = RANGE.match(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if start >= size or end < start:
        return "unsatisfiable"
    return start, min(end, size - 1)


class RangeFile:
    """A file object that yields only bytes start..end."""

    def __init__(self, handle, start, end, block=64 * 1024):
        self.handle, self.remaining, self.block = handle, end - start + 1, block
        handle.seek(start)

    def __iter__(self):
        while self.remaining > 0:
            chunk = self.handle.read(min(self.block, self.remaining))
            if not chunk:
                break
            self.remaining -= len(chunk)
            yield chunk

    def close(self):
        self.handle.close()


@require_safe
def serve_media(request, path):
    """A file under MEDIA_ROOT: 200 with Accept-Ranges, 206 for a range, 416 if unsatisfiable."""
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (SuspiciousFileOperation, ValueError) as error:
        # A path escaping MEDIA_ROOT ("../") is simply not a media file.
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    stat = full_path.stat()
    size = stat.st_size
    content_type = mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
    if not was_modified_since(request.headers.get("If-Modified-Since"), stat.st_mtime):
        return HttpResponseNotModified()
    requested = parse_range(request.headers.get("Range", ""), size)
    if requested == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif requested is None:
        response = FileResponse(full_path.open("rb"), content_type=content_type)
    else:
        start, end = requested
        response = FileResponse(
            RangeFile(full_path.open("rb"), start, end), content_type=content_type, status=206
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(stat.st_mtime)
    return response
