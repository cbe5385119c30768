"""Cached reads that let a page be served without walking the tree on every request (issue #20).

Every read here is cached under the ``courses.pages`` version token (``kompeten_core.versions``), which
``courses.receivers`` bumps whenever a page is saved, published, unpublished, moved or deleted, a view restriction
or a site changes: the next request after any of those reads the database again. Nothing here depends on who asks:
what is per user (enrolment, progress, locks) is always read live by the callers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import F
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from courses.models import LessonPage, ModulePage
from kompeten_core import versions
from kompeten_core.conf import settings as kompeten

#: The version token every cached read of the page tree is stored under.
PAGES_TOKEN = "courses.pages"
#: The version token of the batches open on a course page and their seats taken (a public page's cache).
BATCHES_TOKEN = "courses.batches"
STEPLEN = Page.steplen


def pages_token() -> str:
    return versions.tokens(PAGES_TOKEN)[0]


def _cached(key: str, compute):
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, kompeten.PAGE_CACHE_SECONDS)
    return value


# --- routing ---------------------------------------------------------------------------------------------------


def site_for_host(*, hostname: str, port: int, token: str) -> Site | None:
    """Wagtail's site for this host and port (``get_site_for_hostname``, root page included), cached.

    The host is one ``ALLOWED_HOSTS`` accepted (CommonMiddleware asked first), so the keys are few."""

    def compute():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return False

    return _cached(f"courses:site:{token}:{hostname}:{port}", compute) or None


def _routes_plainly(model_class) -> bool:
    """True when the page class routes as Wagtail's ``Page.route`` does (no sub-pages of its own)."""
    return model_class is not None and getattr(model_class, "route", None) is Page.route


@dataclass(frozen=True)
class Route:
    page_id: int
    model: type


def route_for_path(*, site: Site, path: str, token: str) -> Route | None:
    """The live page this path reaches under the site's root, when Wagtail's own routing would reach the same page
    slug by slug: found by its ``url_path`` (one query, cached), and only when neither it nor an ancestor routes on
    its own (a routable page). None: let Wagtail route the request itself."""
    components = [part for part in path.split("/") if part]
    root = site.root_page
    url_path = root.url_path + "".join(f"{part}/" for part in components)

    def compute():
        row = (
            Page.objects.filter(url_path=url_path, path__startswith=root.path, live=True)
            .values("pk", "path", "content_type_id")
            .first()
        )
        if row is None:
            return False
        ancestors = [row["path"][:end] for end in range(len(root.path), len(row["path"]), STEPLEN)]
        type_ids = {row["content_type_id"]}
        type_ids |= set(Page.objects.filter(path__in=ancestors).values_list("content_type_id", flat=True))
        models = [_model_for(type_id) for type_id in type_ids]
        if not all(_routes_plainly(model) for model in models):
            return False
        return (row["pk"], row["content_type_id"])

    found = _cached(f"courses:route:{token}:{site.pk}:{url_path}", compute)
    if not found:
        return None
    page_id, type_id = found
    return Route(page_id=page_id, model=_model_for(type_id))


def _model_for(content_type_id: int):
    return ContentType.objects.get_for_id(content_type_id).model_class()  # ContentType's own in-process cache


def page_for_route(*, route: Route) -> Page | None:
    """The specific live page of a route (one query)."""
    return route.model.objects.filter(pk=route.page_id, live=True).first()


def restricted_paths(*, token: str) -> frozenset[str]:
    """Tree paths under which a view restriction applies: the restricted pages and their aliases (Wagtail applies a
    source page's restrictions to its aliases). One query, cached."""

    def compute():
        restricted = PageViewRestriction.objects.values("page_id")
        rows = Page.objects.annotate(source=Coalesce(F("alias_of_id"), F("pk"))).filter(source__in=restricted)
        return frozenset(rows.values_list("path", flat=True))

    return _cached(f"courses:restricted:{token}", compute)


def is_unrestricted(*, page: Page, token: str) -> bool:
    """True when no view restriction applies to the page or any of its ancestors."""
    paths = restricted_paths(token=token)
    if not paths:
        return True
    return not any(page.path[:end] in paths for end in range(STEPLEN, len(page.path) + 1, STEPLEN))


# --- a course's structure ----------------------------------------------------------------------------------------


@dataclass
class CourseStructure:
    """A course's live modules, lessons and other child pages in tree order: the same for every reader."""

    modules: list[ModulePage] = field(default_factory=list)
    lessons: list[LessonPage] = field(default_factory=list)
    extras: list[Page] = field(default_factory=list)

    def module_of(self, lesson) -> ModulePage | None:
        parent = lesson.path[:-STEPLEN]
        return next((module for module in self.modules if module.path == parent), None)


LESSON_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "live",
    "estimated_minutes",
    "required",
    "first_published_at",
    "content_type_id",
    "locale_id",
)


def course_structure(*, course) -> CourseStructure:
    """The course's outline without anyone's progress (three queries, cached until a page changes)."""

    def compute():
        children = list(Page.objects.live().child_of(course).order_by("path").select_related("content_type"))
        module_ids = {child.pk for child in children if child.content_type.model_class() is ModulePage}
        return CourseStructure(
            modules=list(ModulePage.objects.filter(pk__in=module_ids).order_by("path")),
            lessons=list(
                LessonPage.objects.live()
                .descendant_of(course)
                .filter(depth=course.depth + 2)
                .order_by("path")
                .only(*LESSON_FIELDS)
            ),
            extras=[child for child in children if child.pk not in module_ids],
        )

    return _cached(f"courses:structure:{pages_token()}:{course.pk}", compute)
