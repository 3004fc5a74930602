"""/tim-kiem/ on every Site, and the OpenSearch description that lets browsers add it.

The search speaks only haystack's SearchQuerySet (content, filters, facets, order), so it
runs the same on Whoosh and on Elasticsearch. Whatever is typed, the answer is a 200 page:
the query is reduced to words before it reaches the engine (forms.py), an engine failure
is logged and answered with a message, and nothing found comes with suggestions.

Each result is re-checked against the database before it is shown (one query per page
type on the page): should the index ever be behind (a search server that was down during
an unpublish, a restored backup), a page that is no longer public is left out and its
entry is repaired, so the index can be late but never leaks.
"""

import logging
import unicodedata
from collections import namedtuple

from haystack import connections
from haystack.query import SQ, SearchQuerySet

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .analyzer import WORD, fold_text
from .forms import (
    MAX_PAGE,
    MAX_QUERY_CHARS,
    MAX_WORD_CHARS,
    PER_PAGE,
    SORT_NEWEST,
    SearchForm,
    query_terms,
)
from .forms import number_key as query_number_key
from .indexing import KINDS, indexable, local_naive

logger = logging.getLogger(__name__)

EXCERPT_CHARS = 260
# Suggestions when nothing is found: at most this many "without one word" variants.
MAX_VARIANT_WORDS = 5

# `wide`: the scope covering the most (offered when a narrower one finds nothing).
Scope = namedtuple("Scope", "code label field value wide", defaults=[False])


# ------------------------------------------------------------------------ scopes


def site_label(site):
    return site.site_name or site.root_page.title


def scopes_for(site, sites):
    """The scopes offered on `site`: the first is the default.

    A site with Sites under it (the district): all of it, itself alone, or one of them.
    A site under another (a commune): itself, or the whole of the one above it.
    A scope holding every Site needs no filter (every entry belongs to some Site): the
    engine then has one condition less to check on every matching entry.
    """
    if site is None:  # no Site at all for this host (and no default one): everything
        return [Scope("", gettext("Tất cả"), None, None, wide=True)]
    own_path = site.root_page.path
    below = sorted(
        (
            other
            for other in sites
            if other.root_page.path.startswith(own_path) and other.root_page.path != own_path
        ),
        key=lambda other: fold_text(site_label(other)),
    )
    above = [
        other
        for other in sites
        if own_path.startswith(other.root_page.path) and other.root_page.path != own_path
    ]

    def whole(of):
        root = of.root_page.path
        holds_all = all(other.root_page.path.startswith(root) for other in sites)
        return (None, None) if holds_all else ("sites", of.pk)

    if below:
        scopes = [
            Scope("", gettext("Toàn huyện (cả các xã, thị trấn)"), *whole(site), wide=True),
            Scope(
                "huyen",
                gettext("Riêng %(site)s") % {"site": site_label(site)},
                "site_exact",
                site.pk,
            ),
        ]
        taken = {"", "huyen"}
        for other in below:
            code = other.root_page.slug if other.root_page.slug not in taken else f"site-{other.pk}"
            taken.add(code)
            scopes.append(Scope(code, site_label(other), "sites", other.pk))
        return scopes
    scopes = [Scope("", site_label(site), "sites", site.pk, wide=not above)]
    if above:
        top = max(above, key=lambda other: len(other.root_page.path))
        scopes.append(
            Scope(
                "toan-huyen",
                gettext("Toàn bộ %(site)s") % {"site": site_label(top)},
                *whole(top),
                wide=True,
            )
        )
    return scopes


# ---------------------------------------------------------------------- querying


def base_queryset(terms, key, scope):
    """Entries matching every word (or the document number), in scope, not expired."""
    matches = SQ(content=" ".join(terms))
    if key:
        matches |= SQ(number_key=key)
    # Every entry has an expiry (far away for most): leaving out the few past ones is
    # much cheaper for the engine than keeping everything after now.
    now = local_naive(timezone.now())
    queryset = SearchQuerySet().filter(matches).exclude(expires__lte=now)
    if scope.field:
        queryset = queryset.filter(**{scope.field: str(scope.value)})
    return queryset


def narrowed_base(terms, key, scope, values):
    """base_queryset with the chosen type and year."""
    return narrowed(base_queryset(terms, key, scope), values["loai"], values["nam"])


def narrowed(queryset, kind, year):
    if kind:
        queryset = queryset.filter(kind_exact=kind)
    if year:
        queryset = queryset.filter(year_exact=str(year))
    return queryset


def fetch(queryset, start, stop):
    """(results, hits, facets) of one page of a query, in one engine call."""
    results = list(queryset[start:stop])
    return results, queryset.count(), queryset.facet_counts().get("fields", {})


def count(queryset):
    try:
        return queryset.count()
    except Exception:
        logger.exception("Search count failed")
        return 0


def facet_list(facets, name):
    counts = facets.get(f"{name}_exact") or facets.get(name) or []
    return {str(value): number for value, number in counts if value not in (None, "")}


# ----------------------------------------------------------------------- results


def verified(results):
    """The results whose pages are still indexable; the others are repaired in the index."""
    by_model = {}
    for result in results:
        if result.model is not None:
            by_model.setdefault(result.model, set()).add(int(result.pk))
    valid, stale = set(), []
    for model, ids in by_model.items():
        found = set(
            indexable(model._default_manager.filter(pk__in=ids)).values_list("pk", flat=True)
        )
        valid |= {(model, pk) for pk in found}
        stale += [(model, pk) for pk in ids - found]
    if stale:
        from .signals import resync

        resync(stale)
    return [
        result
        for result in results
        if result.model is not None and (result.model, int(result.pk)) in valid
    ]


def marked(text, termset, limit=None):
    """Escaped text with the query's words in <mark>; cut around the first one if `limit`."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    spans = [
        (match.start(), match.end())
        for match in WORD.finditer(text)
        if fold_text(match.group())[:MAX_WORD_CHARS] in termset
    ]
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, first - limit // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + limit)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    html = "".join(parts)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 - every piece above is escaped


def excerpt(result, termset):
    """The part of the summary or stored body that shows the query's words."""
    summary = getattr(result, "summary", "") or ""
    body = getattr(result, "body", "") or ""
    for text in (summary, body):
        if any(fold_text(word) in termset for word in WORD.findall(text)):
            return marked(text, termset, EXCERPT_CHARS)
    return marked(summary or body, termset, EXCERPT_CHARS)


def presented(results, termset, site, sites_by_id):
    """What the template shows of each result: no database query per result."""
    root_paths = Site.get_site_root_paths()
    items = []
    for result in results:
        url_path = getattr(result, "url_path", "") or ""
        # The deepest Site holding the page gives its canonical address (a commune's
        # page is on the commune's hostname), relative when it is this Site.
        candidates = [root for root in root_paths if url_path.startswith(root.root_path)]
        if not candidates:
            continue
        root = max(candidates, key=lambda candidate: len(candidate.root_path))
        path = url_path[len(root.root_path) - 1 :]
        url = path if site and root.site_id == site.pk else root.root_url + path
        entry_site = sites_by_id.get(int(result.site)) if str(result.site).isdigit() else None
        items.append(
            {
                "url": url,
                "title": marked(getattr(result, "title", ""), termset),
                "kind": KINDS.get(getattr(result, "kind", ""), ""),
                "number": getattr(result, "number", ""),
                "date": getattr(result, "date", None),
                "site": site_label(entry_site) if entry_site else "",
                "excerpt": excerpt(result, termset),
            }
        )
    return items


# ------------------------------------------------------------------- suggestions


def changed_query(request, **changes):
    """This page's query string with some parameters changed (None removes one)."""
    params = request.GET.copy()
    params.pop("trang", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return "?" + params.urlencode()


def suggestions_for(request, terms, key, scope, scopes, values):
    """Queries worth trying when nothing was found, each with its number of results."""
    found = []
    spell = getattr(connections["default"].get_backend(), "create_spelling_suggestion", None)
    if spell is not None:
        try:
            suggestion = " ".join(query_terms(spell(" ".join(terms)) or ""))
        except Exception:
            logger.exception("Spelling suggestion failed")
            suggestion = ""
        # Word for word only: a suggestion that dropped words is another query.
        if len(suggestion.split()) == len(terms) and suggestion != " ".join(terms):
            hits = count(narrowed_base(query_terms(suggestion), "", scope, values))
            if hits:
                found.append(
                    {"q": suggestion, "hits": hits, "url": changed_query(request, q=suggestion)}
                )
    if 2 <= len(terms) <= MAX_VARIANT_WORDS:
        variants = []
        for left_out in range(len(terms)):
            shorter = terms[:left_out] + terms[left_out + 1 :]
            hits = count(narrowed_base(shorter, "", scope, values))
            if hits:
                variants.append({"q": " ".join(shorter), "hits": hits})
        variants.sort(key=lambda variant: -variant["hits"])
        found += [
            {**variant, "url": changed_query(request, q=variant["q"])} for variant in variants[:3]
        ]
    if values["loai"] or values["nam"]:
        hits = count(base_queryset(terms, key, scope))
        if hits:
            found.append(
                {
                    "q": values["q"],
                    "hits": hits,
                    "url": changed_query(request, loai=None, nam=None),
                    "note": gettext("mọi loại, mọi năm"),
                }
            )
    widest = next((item for item in scopes if item.wide), None)
    if widest and scope != widest:
        hits = count(base_queryset(terms, key, widest))
        if hits:
            found.append(
                {
                    "q": values["q"],
                    "hits": hits,
                    "url": changed_query(request, pham_vi=widest.code or None, loai=None, nam=None),
                    "note": widest.label,
                }
            )
    return found


# ------------------------------------------------------------------------- views


@require_safe
def search(request):
    """The search page: a form, then results with facets, sorting and pages."""
    site = Site.find_for_request(request)
    sites = list(Site.objects.select_related("root_page").order_by("pk"))
    sites_by_id = {other.pk: other for other in sites}
    scopes = scopes_for(site, sites)
    form = SearchForm(request.GET, scopes=scopes)
    values = form.values()
    notices = []
    if form.dropped():
        notices.append(
            gettext("Một số điều kiện không hợp lệ đã được bỏ qua: %(fields)s.")
            % {"fields": ", ".join(form.dropped())}
        )
    query = values["q"]
    terms = query_terms(query)
    typed = " ".join(str(request.GET.get("q", "")).split())
    if len(typed) > MAX_QUERY_CHARS or len(terms) < len(
        dict.fromkeys(fold_text(word)[:MAX_WORD_CHARS] for word in WORD.findall(query))
    ):
        notices.append(gettext("Từ khóa quá dài: chỉ tìm theo phần đầu."))
    scope = next((item for item in scopes if item.code == values["pham_vi"]), None)
    scope = scope or (scopes[0] if scopes else None)
    context = {
        "form": form,
        "query": query,
        "search_query": query,
        "notices": notices,
        "scopes": scopes if len(scopes) > 1 else [],
        "scope": scope,
        "kind_label": KINDS.get(values["loai"], ""),
        "values": values,
        "sort_newest": SORT_NEWEST,
        "searched": False,
        "results": [],
        "hits": 0,
    }
    if query and not terms:
        notices.append(gettext("Từ khóa không có chữ hay số nào để tìm."))
    if terms and scope is not None:
        context.update(run(request, terms, query, scope, scopes, values, site, sites_by_id))
    return render(request, "search/search.html", context)


def run(request, terms, query, scope, scopes, values, site, sites_by_id):
    """Runs the query of one page; never raises."""
    key = query_number_key(query)
    termset = set(terms)
    base = base_queryset(terms, key, scope)
    filtered = narrowed(base, values["loai"], values["nam"])
    if values["sap_xep"] == SORT_NEWEST:
        filtered = filtered.order_by("-date")
    filtered = filtered.facet("kind").facet("year")
    page_number = values["trang"]
    try:
        results, hits, facets = fetch(
            filtered, (page_number - 1) * PER_PAGE, page_number * PER_PAGE
        )
        if not results and page_number > 1:
            # Past the last page (some engines then report no hits at all): the first.
            page_number = 1
            results, hits, facets = fetch(filtered, 0, PER_PAGE)
        if values["loai"] or values["nam"]:
            # Facets count what the other choices would give: without type and year.
            facets = fetch(base.facet("kind").facet("year"), 0, 1)[2]
    except Exception:
        logger.exception("Search failed for %r", terms)
        return {"searched": True, "engine_error": True, "results": [], "hits": 0}
    shown = presented(verified(results), termset, site, sites_by_id)
    paginator = Paginator(range(min(hits, MAX_PAGE * PER_PAGE)), PER_PAGE)
    kind_counts = facet_list(facets, "kind")
    year_counts = facet_list(facets, "year")
    context = {
        "searched": True,
        "results": shown,
        "hits": hits,
        "page_obj": paginator.get_page(page_number) if hits else None,
        "kind_facets": [
            {"code": code, "label": label, "count": kind_counts.get(code, 0)}
            for code, label in KINDS.items()
            if kind_counts.get(code) or values["loai"] == code
        ],
        "year_facets": [
            {"year": year, "count": number}
            for year, number in sorted(year_counts.items(), reverse=True)
            if year.isdigit()
        ][:15],
    }
    if not hits:
        try:
            context["suggestions"] = suggestions_for(request, terms, key, scope, scopes, values)
        except Exception:
            logger.exception("Search suggestions failed for %r", terms)
            context["suggestions"] = []
    return context


@require_safe
def opensearch(request):
    """The OpenSearch description of this Site's search (for the browser's search bar)."""
    site = Site.find_for_request(request)
    name = site_label(site) if site else settings.WAGTAIL_SITE_NAME
    context = {
        "short_name": name[:16],
        "long_name": name[:48],
        "description": gettext("Tìm tin tức, văn bản, phát thanh và trang thông tin trên %(name)s")
        % {"name": name},
        "search_url": request.build_absolute_uri("/tim-kiem/"),
        "self_url": request.build_absolute_uri("/opensearch.xml"),
    }
    return render(
        request,
        "opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
