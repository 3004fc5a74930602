"""Production settings: refuse to start without a secret key and the served hosts.

With them set, `manage.py check --deploy` passes without warnings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for _name in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not os.environ.get(_name, "").strip():
        raise ImproperlyConfigured(f"{_name} must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail marks its own preview views SAMEORIGIN; nothing else may be framed.
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
# nginx serves MEDIA_URL (with Range support) in front of gunicorn; SERVE_MEDIA=true
# lets Django do it where there is no such server.
PORTAL_SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
