"""Settings shared by every environment, safe to run in production as they are.

DEBUG is off and nothing secret lives here: the secret key, the hosts, the database
and the cache come from the environment. dev.py loosens these for a laptop; test.py
speeds them up; production.py refuses to start without what it needs.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "portal",
    "news",
    "documents",
    "communes",
    # Before wagtail.search: `update_index` (used by `rebuild_index`) is haystack's;
    # Wagtail's own stays available as `wagtail_update_index`.
    "haystack",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "documents.middleware.SecretDocumentErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.page_cache.PageCacheMiddleware",
]
# Whole pages for anonymous visitors stay cached this long at most; every publish,
# unpublish, move or delete invalidates them at once (portal/page_cache.py). 0 = off.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The embedded default needs no server: SQLite under var/. DATABASE_URL switches to
# PostgreSQL (postgres://user@host:port/name) through psycopg 3.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; a busy timeout makes a second
    # writer wait instead of failing with "database is locked"; IMMEDIATE takes the
    # write lock at BEGIN so a transaction never has to upgrade (the deadlock case).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL switches to a cache shared by every gunicorn host. Otherwise the cache is
# files under var/: shared by the processes of one machine, so a publish invalidates
# the page cache of every gunicorn worker, not only the one that handled it.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Wagtail caches rendition metadata on every {% image %}; kept in each process's memory
# (small, rebuilt from the database) so it never fills or slows the shared cache.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Django consults these before the apps' own catalogs. The first holds our strings (where
# `makemessages` writes); the second completes Wagtail's and Django's Vietnamese
# (see docs/thuat-ngu.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]
# Our own format module pins dd/mm/yyyy whatever Django's vi locale says.
FORMAT_MODULE_PATH = ["portal.formats"]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Whether Django serves MEDIA_URL itself (with Range support): on for the embedded
# default; production sets SERVE_MEDIA=false and lets nginx serve media.
PORTAL_SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "true").lower() != "false"
# Files that must pass a permission check (attachments of legal documents) live outside
# MEDIA_ROOT, so no web server or URL can reach them except through our views.
PORTAL_PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = int(
    os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử huyện"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Slugs are ASCII: Vietnamese titles are folded (see portal/slugs.py), so URLs can be
# typed, read aloud and shared over SMS.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "jpeg": "webp", "png": "webp", "webp": "webp"}
# Office files for download, and the audio clips an article's "Âm thanh" block plays.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "mp3", "m4a", "ogg"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Public search (portal/search/, /tim-kiem/): haystack on Whoosh files under var/search,
# or, with ELASTICSEARCH_URL, on Elasticsearch 7 with the same Vietnamese folding
# (docs/deploy.md). The signal processor keeps the index true on publish, unpublish,
# move, delete and view-restriction changes; Wagtail's admin search stays on the database.
if os.environ.get("ELASTICSEARCH_URL"):
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "portal.search.backend.VietnameseElasticsearchEngine",
            "URL": os.environ["ELASTICSEARCH_URL"],
            "INDEX_NAME": os.environ.get("ELASTICSEARCH_INDEX", "portal"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "10")),
            "ICU": os.environ.get("ELASTICSEARCH_ICU", "").lower() == "true",
        }
    }
else:
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "portal.search.backend.VietnameseWhooshEngine",
            "PATH": str(VAR_DIR / "search"),
        }
    }
HAYSTACK_SIGNAL_PROCESSOR = "portal.search.signals.PageSignalProcessor"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin must not call out to third parties: servers here may have no Internet, and
# staff e-mail addresses are not sent to Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# View counts are buffered in memory and written this often (portal/counters.py).
PORTAL_COUNTER_FLUSH_SECONDS = 30

# Workflow e-mails (portal/notifications.py) come from the portal, in Vietnamese only.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Cổng thông tin điện tử <khong-tra-loi@localhost>"
)
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Dev-only conveniences (the printed demo accounts) are never switched on here.
PORTAL_DEV_ACCOUNTS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
