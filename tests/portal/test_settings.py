"""Configuration: the embedded default, DATABASE_URL, REDIS_URL and production's refusals."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-" + "k3y" * 12,
    "ALLOWED_HOSTS": "vanson.example.gov.vn,.vanson.example.gov.vn",
}


def run_python(code, **env):
    """Runs code in a fresh interpreter with only the given environment on top of PATH."""
    clean_env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True
    )


def read_setting(expression, module="portal.settings.base", **env):
    code = (
        "import importlib, json;"
        f"s = importlib.import_module({module!r});"
        f"print(json.dumps({expression}, default=str))"
    )
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_embedded_default_is_sqlite_under_var():
    engine = read_setting("[s.DATABASES['default']['ENGINE'], str(s.DATABASES['default']['NAME'])]")
    assert "sqlite3" in engine and "var/db.sqlite3" in engine
    assert "var/media" in read_setting("str(s.MEDIA_ROOT)")
    assert "FileBasedCache" in read_setting("s.CACHES['default']['BACKEND']")
    assert "var/cache" in read_setting("s.CACHES['default']['LOCATION']")


def test_database_url_switches_to_postgresql():
    value = read_setting(
        "[s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']]",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal",
    )
    assert value == '["django.db.backends.postgresql", "portal"]'


def test_redis_url_switches_the_cache_to_redis():
    value = read_setting("s.CACHES['default']", REDIS_URL="redis://127.0.0.1:6379/0")
    assert "django.core.cache.backends.redis.RedisCache" in value
    assert "redis://127.0.0.1:6379/0" in value


def test_base_settings_are_production_safe():
    assert read_setting("[s.DEBUG, s.SECRET_KEY, s.ALLOWED_HOSTS]") == '[false, "", []]'
    assert read_setting("[s.LANGUAGE_CODE, s.TIME_ZONE]") == '["vi", "Asia/Ho_Chi_Minh"]'


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_python("import portal.settings.production", **env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_passes_the_deploy_check_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            **PRODUCTION_ENV,
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "no issues" in result.stdout
