"""What Vietnamese the admin really shows, and whether our catalogs are complete and compiled.

Three questions, each answered from the running configuration rather than from the files alone:

- coverage: of the msgids a third-party catalog declares (its English catalog lists them all),
  how many have a Vietnamese translation in the catalog Django merges at run time, i.e. after
  our LOCALE_PATHS completions are laid over Wagtail's and Django's own `vi` files;
- our own strings: every string our code marks for translation (collected by Django's
  `makemessages`, so exactly what a translator would get) must be in our catalog, translated;
- compilation: every `.po` under LOCALE_PATHS has a `.mo` beside it holding the same translations.

Our source strings are written in Vietnamese (the portal has no other language), so for our own
catalog a translation usually repeats its msgid; the catalog still guards that every marked string
was collected, reviewed and compiled. `manage.py check_translations` prints these figures.
"""

import contextlib
import dataclasses
import importlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import polib

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog

LANGUAGE = "vi"

# Our translatable sources, relative to BASE_DIR: the four apps and the project templates.
SOURCE_DIRS = ("portal", "news", "documents", "communes", "templates")

OWN_CATALOG_HEADER = (
    "Vietnamese catalog of the portal's own strings, kept by `manage.py update_translations`.\n"
    "Our sources are written in Vietnamese: a translation repeats its msgid unless\n"
    "reviewed wording is better. Terms: docs/thuat-ngu.md."
)

# Ignored while collecting our strings: data and generated code, not interface text.
IGNORED_SOURCES = ("migrations", "demo.py", "radio_demo.py")


@dataclasses.dataclass(frozen=True)
class Catalog:
    """A third-party gettext catalog, named by its package and domain."""

    package: str
    domain: str = "django"
    # Whether editors meet it on every working day (Wagtail's core catalogs); the others are
    # reported, and completed, too.
    required: bool = True
    name: str = ""

    @property
    def label(self):
        name = self.name or self.package.replace(".", "/")
        return f"{name} (JavaScript)" if self.domain == "djangojs" else name

    @property
    def locale_dir(self):
        return Path(importlib.import_module(self.package).__file__).parent / "locale"

    def msgids(self):
        """Every (msgctxt, msgid) the package declares, read from its English source catalog."""
        source = polib.pofile(str(self.locale_dir / "en" / "LC_MESSAGES" / f"{self.domain}.po"))
        return [(entry.msgctxt, entry.msgid) for entry in source if not entry.obsolete]


UPSTREAM_CATALOGS = (
    Catalog("wagtail.admin"),
    Catalog("wagtail.admin", domain="djangojs"),
    Catalog("wagtail"),
    Catalog("wagtail.images"),
    Catalog("wagtail.documents"),
    Catalog("wagtail.snippets"),
    Catalog("wagtail.users"),
    Catalog("wagtail.contrib.settings", required=False),
    Catalog("wagtail.contrib.forms", required=False),
    Catalog("wagtail.contrib.redirects", required=False),
    Catalog("wagtail.contrib.table_block", required=False),
    Catalog("wagtail.sites", required=False),
    Catalog("wagtail.embeds", required=False),
    Catalog("taggit", required=False),
    Catalog("django.conf", required=False, name="django"),
    Catalog("django.contrib.auth", required=False),
)


@dataclasses.dataclass
class Share:
    """How many of a catalog's msgids have a translation in use."""

    label: str
    translated: int
    total: int
    missing: list
    required: bool = True

    @property
    def percent(self):
        return 100.0 * self.translated / self.total if self.total else 100.0


def catalog_key(msgctxt, msgid, plural=False):
    """The key Python's gettext stores a message under (contexts are joined with EOT)."""
    key = f"{msgctxt}\x04{msgid}" if msgctxt else msgid
    return (key, 0) if plural else key


def runtime_translation(domain="django", package=None):
    """The merged translation Django serves for `domain`, as the admin's views build it."""
    if domain == "django":
        return trans_real.translation(LANGUAGE)
    paths = JavaScriptCatalog().get_paths([package])
    return trans_real.DjangoTranslation(LANGUAGE, domain=domain, localedirs=paths)


PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
# Words a Vietnamese translation keeps as they are (with acronyms such as URL, ID, MB, API).
KEPT_WORDS = {"Email", "Wagtail", "byte", "IPv", "v"}


def kept_as_is(msgid):
    """Whether a Vietnamese translation may repeat this English msgid: only names, acronyms,
    units and punctuation in it ("URL", "%s MB", "IPv4", "…")."""
    words = re.findall(r"[A-Za-z]+", PLACEHOLDER.sub(" ", msgid))
    return all(word.isupper() or word in KEPT_WORDS for word in words)


def is_translated(translation, msgctxt, msgid, source_is_english=True):
    """Whether `translation` holds a Vietnamese text for the message.

    Read from the merged catalog rather than through gettext(): gettext answers with the msgid
    when nothing is found, which cannot be told apart from a translation equal to its msgid.
    For an English source, a "translation" repeating the msgid ("Image" → "Image", as Django's
    own vi catalog has) is English, not Vietnamese, unless it is a unit or name kept as is.
    """
    catalog = translation._catalog
    for key in (catalog_key(msgctxt, msgid), catalog_key(msgctxt, msgid, plural=True)):
        text = catalog.get(key)
        if text and (not source_is_english or text != msgid or kept_as_is(msgid)):
            return True
    return False


def share(label, keys, translation, required=True, source_is_english=True):
    """The Share of `keys` ((msgctxt, msgid) pairs) that `translation` translates."""
    missing = [
        key
        for key in keys
        if key[1] and not is_translated(translation, *key, source_is_english=source_is_english)
    ]
    total = sum(1 for key in keys if key[1])
    return Share(label, total - len(missing), total, missing, required)


def upstream_shares(catalogs=UPSTREAM_CATALOGS):
    """One Share per third-party catalog, measured against what Django merges at run time."""
    return [
        share(
            catalog.label,
            catalog.msgids(),
            runtime_translation(catalog.domain, catalog.package),
            catalog.required,
        )
        for catalog in catalogs
    ]


def own_catalog_path():
    """Our catalog: the first LOCALE_PATHS entry, where `makemessages` writes."""
    return Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / "django.po"


@contextlib.contextmanager
def _inside(directory):
    """Run the body with `directory` as the working directory."""
    previous = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


def run_makemessages(output_dir, base_dir=None, source_dirs=SOURCE_DIRS):
    """Collect our marked strings with Django's `makemessages` into `output_dir`/vi/.../django.po.

    makemessages walks the current directory and writes next to LOCALE_PATHS, so it runs in a
    scratch directory holding links to our sources, with LOCALE_PATHS pointing at `output_dir`:
    nothing else is written. A catalog already in `output_dir` is merged, keeping translations.
    """
    base_dir = Path(base_dir or settings.BASE_DIR)
    with tempfile.TemporaryDirectory(prefix="portal-sources-") as scratch:
        for name in source_dirs:
            if (base_dir / name).exists():
                (Path(scratch) / name).symlink_to(base_dir / name)
        with _inside(scratch), override_settings(LOCALE_PATHS=[str(output_dir)]):
            call_command(
                "makemessages",
                locale=[LANGUAGE],
                symlinks=True,
                ignore_patterns=list(IGNORED_SOURCES),
                no_obsolete=True,
                verbosity=0,
            )
    return Path(output_dir) / LANGUAGE / "LC_MESSAGES" / "django.po"


def collect_own_msgids(base_dir=None):
    """Every (msgctxt, msgid) our sources mark for translation."""
    with tempfile.TemporaryDirectory(prefix="portal-messages-") as output:
        collected = run_makemessages(output, base_dir)
        if not collected.exists():
            return []
        return [(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(collected))]


def update_own_catalog(catalog_path=None, base_dir=None):
    """Bring our catalog in line with the sources; returns the msgids it newly filled.

    New strings get their own text as translation, since our sources are already Vietnamese
    (review them in the diff), and so do strings msgmerge marked fuzzy. Strings gone from the
    sources leave the catalog.
    """
    catalog_path = Path(catalog_path or own_catalog_path())
    with tempfile.TemporaryDirectory(prefix="portal-messages-") as output:
        working = Path(output) / LANGUAGE / "LC_MESSAGES" / "django.po"
        working.parent.mkdir(parents=True)
        if catalog_path.exists():
            shutil.copyfile(catalog_path, working)
        run_makemessages(output, base_dir)
        catalog = polib.pofile(str(working), wrapwidth=0)
    catalog.header = OWN_CATALOG_HEADER
    catalog.metadata_is_fuzzy = False
    for volatile in ("POT-Creation-Date", "PO-Revision-Date", "Last-Translator", "Language-Team"):
        catalog.metadata.pop(volatile, None)
    catalog.metadata.update({"Project-Id-Version": "portal", "Language": LANGUAGE})
    filled = []
    for entry in catalog:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            # msgmerge's guess from a similar old string: our msgid is the Vietnamese truth.
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            entry.msgstr, entry.msgstr_plural = "", {0: ""} if entry.msgid_plural else {}
        elif entry.translated():
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        filled.append(entry.msgid)
    catalog_path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(catalog_path))
    return filled


def compile_catalogs():
    """Compile every .po under LOCALE_PATHS with Django's `compilemessages` (msgfmt checks them).

    Run from an empty directory so that compilemessages' own walk finds nothing but LOCALE_PATHS.
    """
    with tempfile.TemporaryDirectory(prefix="portal-compile-") as empty, _inside(empty):
        call_command("compilemessages", locale=[LANGUAGE], verbosity=0)


def own_share(base_dir=None, catalog_path=None, translation=None):
    """The Share of our marked strings that our catalog translates and Django serves."""
    keys = collect_own_msgids(base_dir)
    catalog = polib.pofile(str(catalog_path or own_catalog_path()))
    in_catalog = {(e.msgctxt, e.msgid) for e in catalog.translated_entries() if not e.obsolete}
    result = share("ours", keys, translation or runtime_translation(), source_is_english=False)
    # A string the catalog lacks is untranslated even if another catalog happens to cover it.
    absent = {key for key in keys if key[1] and key not in in_catalog}
    result.missing = sorted(set(result.missing) | absent, key=lambda key: (key[1], key[0] or ""))
    result.translated = result.total - len(result.missing)
    return result


def _translations(entries):
    """{(msgctxt, msgid): msgstr or (plural forms)} of the translated, non-header entries."""
    found = {}
    for entry in entries:
        if not entry.msgid or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if all(forms):
                found[(entry.msgctxt, entry.msgid)] = forms
        elif entry.msgstr:
            found[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return found


def uncompiled_catalogs(locale_paths=None):
    """The .po files under LOCALE_PATHS whose .mo is missing or differs from them, with why."""
    problems = []
    for locale_path in locale_paths or settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists():
                problems.append((po_path, "chưa biên dịch (không có tệp .mo)"))
                continue
            source = _translations(polib.pofile(str(po_path)))
            compiled = _translations(polib.mofile(str(mo_path)))
            if source != compiled:
                changed = len(set(source.items()) ^ set(compiled.items()))
                problems.append((po_path, f"tệp .mo cũ: {changed} mục khác với tệp .po"))
    return problems
