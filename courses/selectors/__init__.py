"""Reads of the courses plugin. Each returns data that carries everything its page needs (no queries later)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import CharField, Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.html import escape, format_html, strip_tags
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search.query import PlainText

from courses.models import Batch, CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage, TrackPage
from courses.selectors import serving
from kompeten_core.conf import settings as kompeten

LIVE_ENROLMENT = [Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
STEPLEN = Page.steplen  # a child's tree path is its parent's plus this many characters


def _count(queryset) -> Subquery:
    """COUNT(*) of a correlated queryset as a subquery expression."""
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"), output_field=IntegerField()
    )


def _lessons_under(path_ref) -> object:
    return LessonPage.objects.filter(live=True, path__startswith=path_ref)


# --- tracks and courses ----------------------------------------------------------------------------------


def track_list(*, index_page):
    """Live tracks under the index, each with its number of live courses (one query)."""
    courses = CoursePage.objects.filter(live=True, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    return (
        TrackPage.objects.live()
        .child_of(index_page)
        .select_related("image")
        .annotate(course_count=_count(courses))
        .order_by("path")
    )


def course_list_for_track(*, track):
    """Live courses of a track with their module and lesson counts (one query, plus images)."""
    modules = ModulePage.objects.filter(live=True, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    return (
        CoursePage.objects.live()
        .child_of(track)
        .select_related("cover_image")
        .annotate(module_count=_count(modules), lesson_count=_count(_lessons_under(OuterRef("path"))))
        .order_by("path")
    )


def prerequisite_list(*, course, user) -> list[dict]:
    """The course's prerequisites, each with whether this user has completed it."""
    completed = Enrolment.objects.filter(course=OuterRef("pk"), status=Enrolment.Status.COMPLETED)
    completed = completed.filter(user=user) if user.is_authenticated else completed.none()
    rows = course.prerequisites.all().annotate(done=Exists(completed)).order_by("title")
    return [{"course": row, "done": row.done} for row in rows]


def batch_list_open(*, course):
    """Batches of the course open for enrolment, or taking applications now (``Batch.takes_applications``: the page
    links to their application form), with the seats taken (one query)."""
    now = timezone.now()
    direct = Q(enrolment_open=True, registration_opens__isnull=True)
    registration = Q(registration_opens__lte=now, registration_closes__gt=now)
    return (
        Batch.objects.filter(direct | registration, course=course)
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=LIVE_ENROLMENT)))
        .order_by("starts_on", "name")
    )


def batch_exists(*, course) -> bool:
    return Batch.objects.filter(course=course).exists()


def required_lessons_done(*, enrolment, as_of=None) -> bool:
    """Has the trainee done every live required lesson of the course (first published by ``as_of``)? One query."""
    required = LessonPage.objects.live().descendant_of(enrolment.course).filter(required=True)
    if as_of is not None:  # a page made live in code, never published, has no first publication: it counts
        required = required.filter(Q(first_published_at__lte=as_of) | Q(first_published_at__isnull=True))
    done = LessonCompletion.objects.filter(enrolment=enrolment).values("lesson_id")
    return not required.exclude(pk__in=done).exists()


def completion_requirements_met(*, enrolment) -> bool:
    """Does the enrolment meet every requirement of completing its course, now?

    Every live required lesson done — for a completed enrolment, those published by its completion: a lesson added
    later does not take a completion back — and each ``KOMPETEN_COMPLETION_REQUIREMENTS`` check (a passed exam).
    The one check of completion: recording it and issuing a certificate for it both ask here.
    """
    if not required_lessons_done(enrolment=enrolment, as_of=enrolment.completed_at):
        return False
    return all(import_string(path)(enrolment) for path in kompeten.COMPLETION_REQUIREMENTS)


def enrolment_for(*, user, course) -> Enrolment | None:
    """The person's enrolment in the course, with its batch and with ``course`` as its course (not read again)."""
    if not user.is_authenticated:
        return None
    enrolment = Enrolment.objects.filter(user=user, course=course).select_related("batch").first()
    if enrolment is not None:
        enrolment.user = user  # the asker: not read again
    if enrolment is not None and isinstance(course, CoursePage):
        enrolment.course = course
    return enrolment


# --- the outline of a course --------------------------------------------------------------------------


@dataclass
class LessonRow:
    lesson: LessonPage
    done: bool = False
    locked: bool = False
    new: bool = False  # published after the trainee enrolled (or completed the course), and not done yet


@dataclass
class ModuleRow:
    module: ModulePage
    lessons: list[LessonRow] = field(default_factory=list)
    locked: bool = False

    @property
    def done_count(self) -> int:
        return sum(1 for row in self.lessons if row.done)


@dataclass
class Outline:
    course: CoursePage
    enrolment: Enrolment | None
    modules: list[ModuleRow]
    done: int
    total: int
    next_lesson: LessonPage | None
    extras: list = field(default_factory=list)  # other live child pages of the course, e.g. its exam

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @classmethod
    def empty(cls, *, course) -> Outline:
        return cls(course=course, enrolment=None, modules=[], done=0, total=0, next_lesson=None)


def course_outline(*, course, user) -> Outline:
    """Modules and lessons in tree order with the user's state per lesson: the course's structure from the cache
    (``serving.course_structure``, the same for everyone), then the enrolment and its completions (two queries)."""
    enrolment = enrolment_for(user=user, course=course)
    structure = serving.course_structure(course=course)
    modules, lessons, extras = structure.modules, structure.lessons, structure.extras
    done_ids = set()
    since = None
    if enrolment is not None:
        done_ids = set(LessonCompletion.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True))
        since = enrolment.completed_at or enrolment.enrolled_at
    rows = {module.path: ModuleRow(module=module) for module in modules}
    for lesson in lessons:
        row = rows.get(lesson.path[:-STEPLEN])
        if row is not None:
            done = lesson.pk in done_ids
            new = bool(since and not done and lesson.first_published_at and lesson.first_published_at > since)
            row.lessons.append(LessonRow(lesson=lesson, done=done, new=new))
    module_rows = list(rows.values())
    if course.sequential_modules:
        earlier_open = True
        for row in module_rows:
            row.locked = not earlier_open
            for lesson_row in row.lessons:
                lesson_row.locked = row.locked
            earlier_open = earlier_open and all(r.done for r in row.lessons if r.lesson.required)
    ordered = [r for row in module_rows for r in row.lessons]
    next_lesson = next((r.lesson for r in ordered if not r.done and not r.locked), None)
    return Outline(
        course=course,
        enrolment=enrolment,
        modules=module_rows,
        done=sum(1 for r in ordered if r.done),
        total=len(ordered),
        next_lesson=next_lesson,
        extras=extras,
    )


# --- a lesson ----------------------------------------------------------------------------------------------


@dataclass
class LessonAccess:
    allowed: bool
    course: CoursePage | None = None
    enrolment: Enrolment | None = None
    reason: str = ""
    redirect_to: str | None = None
    done: bool = False


def lesson_access(*, lesson, user, next_url: str = "") -> LessonAccess:
    """May this user study this lesson? Enrolled trainees may, unless a sequential course still locks it.

    One query for an enrolled trainee: the enrolment with its course, whether this lesson is done and whether a
    required lesson of an earlier module is still to do (read live, never cached)."""
    if not user.is_authenticated:
        login = resolve_url(settings.LOGIN_URL)
        query = f"?{urlencode({'next': next_url})}" if next_url else ""
        return LessonAccess(allowed=False, reason=_("Log in to study this lesson."), redirect_to=f"{login}{query}")
    course_path, module_path = lesson.path[: -2 * STEPLEN], lesson.path[:-STEPLEN]
    earlier_to_do = (
        LessonPage.objects.live()
        .filter(path__startswith=course_path, path__lt=module_path, required=True)
        .exclude(
            Exists(LessonCompletion.objects.filter(enrolment_id=OuterRef(OuterRef("pk")), lesson_id=OuterRef("pk")))
        )
    )
    enrolment = (
        Enrolment.objects.filter(user=user, course__path=course_path)
        .select_related("batch", "course")
        .annotate(
            lesson_done=Exists(LessonCompletion.objects.filter(enrolment_id=OuterRef("pk"), lesson_id=lesson.pk)),
            earlier_to_do=Exists(earlier_to_do),
        )
        .first()
    )
    if enrolment is None or enrolment.status == Enrolment.Status.WITHDRAWN:
        course = enrolment.course if enrolment is not None else course_of_lesson(lesson=lesson)
        if lesson.permissions_for_user(user).can_edit():
            return LessonAccess(allowed=True, course=course)
        return LessonAccess(allowed=False, course=course, reason=_("Enrol in this course to study its lessons."))
    course, done = enrolment.course, enrolment.lesson_done
    if course.sequential_modules and not done and enrolment.earlier_to_do:
        reason = _("Finish the required lessons of the earlier modules first.")
        return LessonAccess(allowed=False, course=course, enrolment=enrolment, reason=reason)
    return LessonAccess(allowed=True, course=course, enrolment=enrolment, done=done)


def course_of_page(*, page) -> CoursePage | None:
    """The course a page sits directly under (a module, an exam), or None when its parent is no course. One query."""
    return CoursePage.objects.filter(path=page.path[:-STEPLEN]).first()


def course_of_module(*, module) -> CoursePage | None:
    """The course a module belongs to (its parent in the tree), or None for any other page. One query."""
    return course_of_page(page=module)


def enrolment_count_live(*, course) -> int:
    """How many trainees are enrolled in the course, active or completed (withdrawn ones are not)."""
    return Enrolment.objects.filter(course=course, status__in=LIVE_ENROLMENT).count()


def course_of_lesson(*, lesson) -> CoursePage | None:
    """The course a lesson belongs to (lesson → module → course in the tree). One query."""
    return CoursePage.objects.filter(path=lesson.path[: -2 * STEPLEN]).first()


def _locked(*, course, lesson, enrolment) -> bool:
    """True when a required lesson of an earlier module is not done yet."""
    module_path = lesson.path[:-STEPLEN]
    earlier_required = LessonPage.objects.live().descendant_of(course).filter(required=True, path__lt=module_path)
    done = LessonCompletion.objects.filter(enrolment=enrolment).values("lesson_id")
    return earlier_required.exclude(pk__in=done).exists()


def lesson_navigation(*, lesson, course) -> dict:
    """The lessons before and after this one in the course, and its module: from the course's cached structure
    (``serving.course_structure``; no query once cached)."""
    previous = following = module = None
    if course is not None:
        structure = serving.course_structure(course=course)
        siblings = [row for row in structure.lessons if row.depth == lesson.depth]
        index = next((i for i, row in enumerate(siblings) if row.pk == lesson.pk), None)
        if index is not None:
            previous = siblings[index - 1] if index > 0 else None
            following = siblings[index + 1] if index + 1 < len(siblings) else None
        module = structure.module_of(lesson)
    return {"previous": previous, "next": following, "module": module, "course": course}


# --- a trainee's courses ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """Something to do after a course's lessons, offered by a plugin above (``KOMPETEN_NEXT_STEPS``)."""

    title: str
    url: str
    description: str = ""


def next_steps(*, enrolments) -> dict[int, list[NextStep]]:
    """The next steps of each enrolment whose lessons are all done, from every ``KOMPETEN_NEXT_STEPS`` provider
    (each reads all the enrolments at once, so the cost does not grow with them)."""
    steps: dict[int, list[NextStep]] = {enrolment.pk: [] for enrolment in enrolments}
    if not enrolments:
        return steps
    for path in kompeten.NEXT_STEPS:
        for enrolment_id, rows in import_string(path)(enrolments=enrolments).items():
            steps[enrolment_id].extend(rows)
    return steps


def enrolment_list_for_dashboard(*, user):
    """The user's live enrolments with progress and the next lesson to open (two queries in all)."""
    lessons = _lessons_under(OuterRef("course__path"))
    done = LessonCompletion.objects.filter(enrolment=OuterRef("pk"), lesson__live=True)
    next_lesson = (
        LessonPage.objects.filter(live=True, path__startswith=OuterRef("course__path"))
        .exclude(pk__in=LessonCompletion.objects.filter(enrolment=OuterRef(OuterRef("pk"))).values("lesson_id"))
        .order_by("path")
        .values("pk")[:1]
    )
    enrolments = list(
        Enrolment.objects.filter(user=user, status__in=LIVE_ENROLMENT)
        .select_related("course", "batch", "last_lesson")
        .annotate(lesson_total=_count(lessons), lesson_done=_count(done), next_lesson_id=Subquery(next_lesson))
        .order_by("-last_activity_at", "-enrolled_at")
    )
    next_ids = {e.next_lesson_id for e in enrolments if e.next_lesson_id}
    next_lessons = LessonPage.objects.in_bulk(next_ids) if next_ids else {}
    for enrolment in enrolments:
        enrolment.next_lesson = next_lessons.get(enrolment.next_lesson_id)
        enrolment.percent = round(100 * enrolment.lesson_done / enrolment.lesson_total) if enrolment.lesson_total else 0
    steps = next_steps(enrolments=[e for e in enrolments if e.lesson_total and e.lesson_done >= e.lesson_total])
    for enrolment in enrolments:
        enrolment.next_steps = steps.get(enrolment.pk, [])
    return enrolments


# --- a batch for its instructors --------------------------------------------------------------------------


def batch_roster(*, batch):
    """Every trainee of the batch with progress and last activity (one query)."""
    lessons = _lessons_under(OuterRef("course__path"))
    done = LessonCompletion.objects.filter(enrolment=OuterRef("pk"), lesson__live=True)
    rows = list(
        Enrolment.objects.filter(batch=batch)
        .select_related("user", "course")
        .annotate(lesson_total=_count(lessons), lesson_done=_count(done))
        .order_by("user__email")
    )
    for row in rows:
        row.percent = round(100 * row.lesson_done / row.lesson_total) if row.lesson_total else 0
    return rows


def batch_for_instructor(*, batch_id: int, user) -> Batch | None:
    """The batch if this user may see its roster: one of its instructors, or staff allowed to view batches."""
    batch = Batch.objects.select_related("course").filter(pk=batch_id).first()
    if batch is None:
        return None
    if user.has_perm("courses.view_batch") or batch.instructors.filter(pk=user.pk).exists():
        return batch
    return None


def courses_taught(*, user):
    """The courses this user is named an instructor of, by title."""
    return CoursePage.objects.filter(instructors=user).order_by("title")


def batch_list_for_instructor(*, user):
    return (
        Batch.objects.filter(instructors=user)
        .select_related("course")
        .annotate(trainees=Count("enrolments", filter=Q(enrolments__status__in=LIVE_ENROLMENT)))
        .order_by("-starts_on")
    )


# --- search ---------------------------------------------------------------------------------------------


SEARCH_WORD = re.compile(r"[^\W_]+")  # letters and digits only: no quotes, operators, NUL or bidi controls


@dataclass(frozen=True)
class SearchTerms:
    words: list[str]
    truncated: bool = False


@dataclass(frozen=True)
class SearchHit:
    page: Page
    course: CoursePage | None = None  # the course a lesson belongs to
    snippet: str = ""  # safe HTML: escaped text around the first match, the words in <mark>


SNIPPET_CHARS = 180


def search_terms(*, query: str) -> SearchTerms:
    """The words a search looks for: letters and digits of the query, at most the configured number."""
    max_words, max_chars = kompeten.SEARCH_MAX_WORDS, kompeten.SEARCH_MAX_WORD_CHARS
    words = list(dict.fromkeys(word.lower()[:max_chars] for word in SEARCH_WORD.findall(query)))
    return SearchTerms(words=words[:max_words], truncated=len(words) > max_words)


def curriculum_search(*, terms: SearchTerms, limit: int = 30) -> list[SearchHit]:
    """Live tracks, courses and lessons holding every word (PostgreSQL: by their Indonesian stem), those with every
    word in the title first, then by relevance; lessons with their course; each with a snippet. Three queries."""
    if not terms.words:
        return []
    pages = Page.objects.live().type(TrackPage, CoursePage, LessonPage).specific()
    found = list(pages.search(PlainText(" ".join(terms.words), operator="and"))[:limit])
    found.sort(key=lambda page: not all(word in page.title.lower() for word in terms.words))  # stable: rank kept
    courses = _courses_of(page for page in found if isinstance(page, LessonPage))
    return [
        SearchHit(
            page=page,
            course=next((c for path, c in courses.items() if page.path.startswith(path)), None)
            if isinstance(page, LessonPage)
            else None,
            snippet=_snippet(_page_text(page), terms.words),
        )
        for page in found
    ]


def _courses_of(lessons) -> dict[str, CoursePage]:
    """The live courses above these lessons, by tree path (one query, none without lessons)."""
    prefixes = {lesson.path[:end] for lesson in lessons for end in range(STEPLEN, len(lesson.path), STEPLEN)}
    if not prefixes:
        return {}
    return {course.path: course for course in CoursePage.objects.live().filter(path__in=prefixes)}


def _page_text(page) -> str:
    if isinstance(page, LessonPage):
        return " ".join(_strings(page.body.raw_data))
    return getattr(page, "summary", "") or getattr(page, "short_description", "") or ""


def _strings(value) -> list[str]:
    """The text in a StreamField's raw data (rich text, headings, callouts), without ids, types or URLs."""
    if isinstance(value, str):
        return [] if value.startswith(("http://", "https://", "/")) else [html.unescape(strip_tags(value))]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in ("id", "type") for text in _strings(item)]
    if isinstance(value, Iterable):  # lists, and the raw data of a StreamField
        return [text for item in value for text in _strings(item)]
    return []


def _snippet(text: str, words: list[str]) -> str:
    """About SNIPPET_CHARS of ``text`` around its first match, escaped, each word marked."""
    text = " ".join(text.split())
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_CHARS // 3) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start  # begin at a word
    piece = text[start : start + SNIPPET_CHARS]
    parts, last = [], 0
    for match in pattern.finditer(piece):
        parts += [escape(piece[last : match.start()]), format_html("<mark>{}</mark>", match.group())]
        last = match.end()
    parts.append(escape(piece[last:]))
    ellipsis_before = "…" if start else ""
    ellipsis_after = "…" if start + SNIPPET_CHARS < len(text) else ""
    return mark_safe(ellipsis_before + "".join(str(part) for part in parts) + ellipsis_after)  # noqa: S308 - escaped above


# --- the JSON API -------------------------------------------------------------------------------------------


def track_list_published():
    """Every live track with its number of live courses (one query), for the API."""
    courses = CoursePage.objects.filter(live=True, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    return TrackPage.objects.live().annotate(course_count=_count(courses))


def course_list_published():
    """Every live course with its track's id and its module and lesson counts (one query), for the API."""
    modules = ModulePage.objects.filter(live=True, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    track = TrackPage.objects.filter(live=True, path=OuterRef("parent_path"))
    return (
        CoursePage.objects.live()
        .annotate(
            parent_path=Func(F("path"), 1, (F("depth") - 1) * STEPLEN, function="SUBSTR", output_field=CharField())
        )
        .annotate(
            track_id=Subquery(track.values("pk")[:1]),
            module_count=_count(modules),
            lesson_count=_count(_lessons_under(OuterRef("path"))),
        )
    )


def module_list_published(*, course):
    """The live modules of a course in order, each with its number of live lessons (one query)."""
    return ModulePage.objects.live().child_of(course).annotate(lesson_count=_count(_lessons_under(OuterRef("path"))))


def lesson_list_published(*, course):
    """The live lessons of a course in order, each with its module's id (one query). No bodies: a lesson's content
    is read on its page, where access is checked."""
    module = ModulePage.objects.filter(path=OuterRef("module_path"))
    return (
        LessonPage.objects.live()
        .descendant_of(course)
        .filter(depth=course.depth + 2)
        .annotate(
            module_path=Func(F("path"), 1, (F("depth") - 1) * STEPLEN, function="SUBSTR", output_field=CharField())
        )
        .annotate(module_id=Subquery(module.values("pk")[:1]))
        .only("id", "title", "slug", "path", "depth", "url_path", "estimated_minutes", "required")
    )


def enrolment_list_with_progress(*, user):
    """The user's enrolments (any status) with their course's id and title, their batch's name, and lessons done
    and in all (one query)."""
    lessons = _lessons_under(OuterRef("course__path"))
    done = LessonCompletion.objects.filter(enrolment=OuterRef("pk"), lesson__live=True)
    return (
        Enrolment.objects.filter(user=user)
        .select_related("course", "batch")
        # Of the course (a Wagtail page) and the batch only what the list shows: building and reading a query of
        # every page column cost more than the rest of the API call.
        .only(*(field.name for field in Enrolment._meta.concrete_fields), "course__id", "course__title", "batch__name")
        .annotate(lesson_total=_count(lessons), lesson_done=_count(done))
    )
