"""Security levels (độ mật) and the message refusing to publish a secret document."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecurityLevel(models.TextChoices):
    """Độ mật. Anything but NORMAL must never be public."""

    NORMAL = "thuong", _("Thường")
    CONFIDENTIAL = "mat", _("Mật")
    SECRET = "toi_mat", _("Tối mật")
    TOP_SECRET = "tuyet_mat", _("Tuyệt mật")


SECRET_MESSAGE = _(
    "Văn bản có độ mật “%(level)s” không được xuất bản lên cổng thông tin. "
    "Hãy chọn độ mật “Thường” nếu văn bản đã được phép công khai."
)


class SecretDocumentError(ValidationError):
    """Raised when anything tries to make a secret document live (see the middleware)."""
