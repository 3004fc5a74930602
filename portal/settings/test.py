"""Settings for the test suite: fast hashing, plain static storage, local memory cache."""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret-" + "x" * 40  # noqa: S105 - never used outside tests
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
if "REDIS_URL" in os.environ:
    # CI's PostgreSQL run exercises the Redis cache; its own key prefix keeps it apart.
    CACHES["default"]["KEY_PREFIX"] = "portal-test"  # noqa: F405
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": CACHES["renditions"],  # noqa: F405
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
PORTAL_PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-private-")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory database: concurrency tests then meet
    # SQLite's real locking (WAL, busy timeout) as production does.
    # One file per test run, so parallel runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Off by default so every test sees what it just built; page cache tests switch it on.
PORTAL_PAGE_CACHE_SECONDS = 0
# No background writer: tests flush the view counters themselves.
PORTAL_COUNTER_FLUSH_SECONDS = 0
PORTAL_DEV_ACCOUNTS = True
# One Whoosh index per test process, removed at exit (tests/search/ empties it around
# each test that uses it).
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "portal.search.backend.VietnameseWhooshEngine",
        "PATH": tempfile.mkdtemp(prefix="portal-test-search-"),
    }
}
atexit.register(shutil.rmtree, HAYSTACK_CONNECTIONS["default"]["PATH"], ignore_errors=True)
