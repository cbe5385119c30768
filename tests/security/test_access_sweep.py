"""Access control sweep: every URL of our own code that takes a parameter refuses the people who must not have it,
and changes nothing for them.

The URL patterns are found by walking ``django.urls.get_resolver()`` (recursively, namespaces included) and keeping
those whose view is defined in ``lms``, ``courses``, ``assessments``, ``certificates`` or ``placement`` — the
front-end URLs and the ones our ``wagtail_hooks`` register under ``/admin/`` — and, under ``/admin/``, Wagtail's
generic views that our viewsets and snippets register for our own models (edit, delete, inspect, history, usage,
copy, chooser: a candidacy's edit page shows as much as our own views do). A new URL joins the sweep by itself:
each parameter is given a value from the world (``tests/security/world.py``) by the rules in ``PARAMETER_RULES``; a
parameter the rules do not know makes the sweep fail and says how to add it.

For each URL, four people ask with GET and with an empty POST (the test client does not enforce CSRF, so the view
itself answers): **trainee B** (another trainee, assessed in the same event by someone else), **assessor B** (a
registered assessor of the same event, not assigned to trainee A), **employer B** (a user acting for another
employer than the one trainee A applied to) and an **anonymous** visitor. A refusal is:

- 403 or 404;
- 405 — the method is refused before the view looks anything up (GET on a POST-only view, POST on a GET-only one);
- for the anonymous visitor, a redirect to the login page (``settings.LOGIN_URL``);
- under ``/admin/``: Wagtail answers people without admin access (anonymous, trainee B) with a 302 to its own login
  page, and people with admin access but without the model permission (assessor B) with a 302 to the admin
  dashboard and the message "Sorry, you do not have permission to access this area"
  (``wagtail.admin.auth.permission_denied``). Both count as refusals here, and only those two targets do;
- for the few URLs in ``SELF_SERVICE`` (a public page's own action that acts only on the asker's records), a
  redirect back to that public page.

Whatever the answer, **nothing changed**: every row of every model of the four apps, of auth and of Wagtail's
pages, revisions and audit log, and the list of stored files, is the same before and after the request.

Deliberately public URLs (``PUBLIC``: the verify pages, the Open Badges credentials, the issuers' DID documents,
profiles, status lists and keys — a verification code is a 192-bit capability) answer anyone, but never show the
holder's e-mail or national ID, and a POST to them changes nothing.

A control test checks, for each URL, that someone entitled to it (trainee A, assessor A, employer A, the batch's
instructor or a superuser) does reach it — so that the refusals above are about who asks, not about a missing object.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from tests.security.world import (
    Instrument,
    build_world,
    fingerprint,
    fingerprint_changes,
    fingerprint_models,
    watching_files,
)

pytestmark = pytest.mark.django_db

OUR_APPS = ("lms", "courses", "assessments", "certificates", "placement")
ACTORS = ("trainee_b", "assessor_b", "employer_b", "anonymous")
METHODS = ("GET", "POST")
ENTITLED = ("trainee_a", "assessor_a", "employer_a", "instructor", "superuser")

#: (URL name or route, parameter, key of ``World.values``): the first rule whose name pattern (fnmatch) matches.
#: Parameters named after what they hold are mapped for every URL; the generic ``pk`` (and ``code``, which is
#: either a certificate's verification code or an issuer's code) by the URL's name.
PARAMETER_RULES = [
    ("api:assessment_event_detail", "event_id", "open_event"),
    ("assessments:application_*", "application_id", "certification_application"),
    ("assessments:application_create", "event_id", "open_event"),
    ("assessments_application_*", "pk", "certification_application"),
    ("assessments_required_document:*", "pk", "required_document"),
    ("*", "document_id", "certification_application_document"),
    ("api:my_batch_application", "application_id", "batch_application"),
    ("certificates:issuer_*", "code", "issuer_code"),
    ("certificates:status_list", "code", "issuer_code"),
    ("*", "code", "verification_code"),
    ("assessments_event_report_pdf", "pk", "event_report_file"),
    ("assessments_event_*", "pk", "event"),
    ("courses_batch_*", "pk", "batch"),
    ("courses:registration_*", "batch_id", "registration_batch"),
    ("courses_selection_*", "batch_id", "registration_batch"),
    ("*", "registration_id", "batch_application"),
    ("certificates_certificate:*", "pk", "certificate"),
    ("certificates_pending:*", "pk", "pending_candidacy"),
    ("certificates_pending:*", "event_id", "pending_event"),
    ("certificates_run:*", "pk", "run"),
    ("certificates_bnsp:*", "candidacy_id", "bnsp_candidacy"),
    ("certificates_bnsp:*", "pk", "bnsp_registration"),
    ("certificates_issuer:*", "pk", "issuer"),
    ("wagtailsnippets_certificates_certificatetemplate:*", "pk", "template"),
    ("wagtailsnippets_assessments_competencystandard:*", "pk", "standard"),
    ("wagtailsnippetchoosers_certificates_certificatetemplate:*", "pk", "template"),
    ("certificates_schemerule:*", "pk", "scheme_rule"),
    ("*_assessments_question:*", "pk", "question"),
    ("wagtailsnippetchoosers_assessments_competencystandard:*", "pk", "standard"),
    ("*_assessments_competencyunit:*", "pk", "unit"),
    ("*_assessments_element:*", "pk", "element"),
    ("*_assessments_certificationscheme:*", "pk", "scheme"),
    ("assessments_event:*", "pk", "event"),
    ("assessments_candidacy:*", "pk", "candidacy"),
    ("assessments_registration:*", "pk", "registration"),
    ("courses_batch:*", "pk", "batch"),
    ("wagtailusers_users:*", "pk", "trainee_a"),
    ("*", "file_format", "export_format"),
    ("*", "course_id", "course"),
    ("*", "lesson_id", "lesson"),
    ("*", "batch_id", "batch"),
    ("*", "enrolment_id", "enrolment"),
    ("*", "exam_id", "exam"),
    ("*", "attempt_id", "attempt"),
    ("*", "position", "position"),
    ("*", "response_id", "response"),
    ("*", "file_id", "response_file"),
    ("*", "event_id", "event"),
    ("*", "candidacy_id", "candidacy"),
    ("*", "appeal_id", "appeal"),
    ("*", "complaint_id", "complaint"),
    ("*", "unit_id", "unit"),
    ("*", "method", "evidence_method"),
    ("*", "index", "portfolio_index"),
    ("*", "certificate_id", "certificate"),
    ("placement_employer:*", "pk", "employer"),
    ("placement_vacancy:*", "pk", "vacancy"),
    ("placement_placement:*", "pk", "placement"),
    ("*_placement_employer:*", "pk", "employer"),
    ("*_placement_vacancy:*", "pk", "vacancy"),
    ("*_placement_application:*", "pk", "application"),
    ("*_placement_demand:*", "pk", "demand"),
    ("placement_demand:*", "pk", "demand"),
    ("*_placement_jobseekerprofile:*", "pk", "seeker_profile"),
    ("*", "employer_id", "employer"),
    ("*", "vacancy_id", "vacancy"),
    ("*", "application_id", "application"),
    ("*", "profile_id", "seeker_profile"),
    ("*", "demand_id", "demand"),
    ("placement:application_step", "to", "application_step"),
    ("placement:tracer_answer", "token", "tracer_token"),
    ("assessments:third_party_answer", "token", "third_party_token"),
    ("courses:scorm_file", "token", "scorm_token"),
    ("courses:scorm_file", "path", "scorm_path"),
    ("*", "package_id", "scorm_package"),
    ("courses_scorm_package:*", "pk", "scorm_package"),
    ("courses:session_checkin", "token", "checkin_token"),
    ("courses:calendar_ics", "token", "feed_token"),
    ("*", "session_id", "training_session"),
    ("courses_session:*", "pk", "training_session"),
    ("courses_workshop:*", "pk", "workshop"),
    ("*_courses_trainingsession:*", "pk", "training_session"),
    ("*_courses_workshop:*", "pk", "workshop"),
    ("*", "workshop_id", "k3_workshop"),
    ("courses_k3_induction:*", "pk", "k3_induction"),
    ("courses_k3_incident:*", "pk", "k3_incident"),
    ("*_courses_k3induction:*", "pk", "k3_induction"),
    ("*_courses_k3incident:*", "pk", "k3_incident"),
    ("api:track_detail", "pk", "track"),
    ("api:course_detail", "pk", "course"),
]

_CAPABILITY = "public by design: the verification code in the URL is a 192-bit capability the holder hands out"
_ISSUER = "public by design: an issuer's published identity, keys or revocation list, needed by every verifier"
#: Views that answer anyone (dotted path of the view -> why). GET must not show e-mail or national ID; POST changes
#: nothing.
PUBLIC = {
    "certificates.views.verify.verify": _CAPABILITY,
    "certificates.views.verify.verify_json": _CAPABILITY,
    "certificates.views.credentials.credential_json": _CAPABILITY,
    "certificates.views.credentials.credential_jwt": _CAPABILITY,
    "certificates.views.credentials.issuer_profile": _ISSUER,
    "certificates.views.credentials.issuer_did": _ISSUER,
    "certificates.views.credentials.status_list_credential": _ISSUER,
    "placement.views.public.vacancy_detail": (
        "public by design: a verified employer's open vacancy (lowongan) is advertised to everyone; any other is a 404"
    ),
    # The JSON API's public resources (docs/api.md): the published catalogue, open vacancies, verification by code.
    **{
        f"courses.api.views.{name}": "public by design: the published curriculum, as its pages show it to anyone"
        for name in ("TrackDetail", "CourseDetail", "ModuleList", "LessonList")
    },
    "certificates.api.views.Verification": _CAPABILITY,
    "courses.training.sessions.views.calendar_ics": (
        "public by design: a person's calendar (ICS) feed at a secret 256-bit address that phone calendars read "
        "without a session; revocable from the calendar subscription page; shows no e-mail or national ID"
    ),
    "courses.scorm.views.package_file": (
        "public by design: a SCORM package's files at a signed address (package, trainee, 8-hour expiry) that the "
        "lesson page gives its enrolled trainee; the package's sandboxed frame sends no session cookie, so the "
        "address is the credential; anyone signed in as someone else gets a 404; shows no e-mail or national ID"
    ),
    "placement.api.views.VacancyDetail": "public by design: a verified employer's open vacancy; any other is a 404",
    "assessments.api.views.EventDetail": (
        "public by design: an assessment event open for application (scheme, units, site, dates) is announced to "
        "everyone; neither its assessors nor its candidates are shown; any other event is a 404"
    ),
    # The centre's public outcomes (placement:outcomes, kerja/hasil/) take no parameter, so the sweep does not walk
    # them; tests/placement/test_figures.py proves they show aggregates only.
    "assessments.competency.views.third_party.third_party_answer_view": (
        "public by design: a third-party verification (FR.IA.10) is answered by the candidate's supervisor, who has "
        "no account, through a signed, salted, expiring single-use link mailed to them; an empty POST is refused "
        "and changes nothing"
    ),
    "placement.views.tracer.tracer_answer_view": (
        "public by design: the tracer survey's link is a signed 256-bit capability mailed to the trainee, answered "
        "without logging in; an empty POST is refused by the form and changes nothing"
    ),
}

#: URL name -> (key of ``World.values`` of the page, why): a public page's action that only ever acts on the
#: asker's own records; a signed-in stranger is sent back to the page with a message.
SELF_SERVICE = {
    "courses:enrol": ("course", "any signed-in user may enrol themselves in a live course; an empty form is refused"),
    "courses:continue": ("course", "someone not enrolled is sent to the public course page"),
    "assessments:attempt_start": ("exam", "someone not enrolled in the exam's course is refused on the exam page"),
}

#: (URL name, actor) -> why someone who is not trainee A's may still have it (the change check still runs).
GRANTED = {
    ("wagtailsnippets_assessments_competencystandard:export", "assessor_b"): (
        "assessors read the competency standards they assess against (lms.roles: Assessor has "
        "view_competencystandard); a standard is reference data, not a trainee's record"
    ),
    **{
        (f"wagtailsnippetchoosers_{model}:chosen", "assessor_b"): (
            "Wagtail's snippet chooser answers any admin user with the chosen snippet's id, title and edit URL; "
            "standards, schemes, questions and templates are reference data, not a trainee's record"
        )
        for model in (
            "certificates_certificatetemplate",
            "assessments_question",
            "assessments_competencystandard",
            "assessments_competencyunit",
            "assessments_element",
            "assessments_certificationscheme",
        )
    },
}

GRANTED.update(
    {
        ("courses:registration_apply", actor): (
            "any signed-in person may apply for a batch whose registration is open (the form is their own); an empty "
            "POST is refused by the form and stores nothing"
        )
        for actor in ("trainee_b", "assessor_b", "employer_b")
    }
)
GRANTED.update(
    {
        ("courses:k3_ppe", actor): (
            "any signed-in person may read a workshop's PPE checklist and acknowledge it for themselves (the page "
            "shows only the asker's own acknowledgement); an empty POST is refused (every item must be ticked) and "
            "stores nothing"
        )
        for actor in ("trainee_b", "assessor_b", "employer_b")
    }
)

GRANTED.update(
    {
        ("assessments:application_create", actor): (
            "any signed-in person may apply for certification to an event open for applications (FR.APL.01: the "
            "form is their own); an empty POST is refused by the form and stores nothing"
        )
        for actor in ("trainee_b", "assessor_b", "employer_b")
    }
)
GRANTED[("assessments:assessment_plan", "assessor_b")] = (
    "the assessment plan (FR.MAPA.01/02) belongs to the event, not to a candidate: every assessor of the event edits "
    "it; an empty POST is refused by the form and changes nothing"
)

#: (URL name, actor, method) -> a hole the sweep found in code another engineer is changing: strict xfail.
KNOWN_HOLES: dict = {
    # (url label, actor, method): reason. Fixed: an assessor not assigned to the candidate could download the
    # candidate's uploaded exam answer (assessments:file_download, held only "view attempts").
}


@dataclass(frozen=True)
class Pattern:
    route: str
    name: str
    view: str
    callback: object

    @property
    def label(self) -> str:
        return self.name or self.route

    @property
    def params(self) -> tuple[str, ...]:
        return tuple(re.findall(r"<(?:\w+:)?(\w+)>", self.route))

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")

    @property
    def is_public(self) -> bool:
        return self.view in PUBLIC


def _view_path(callback) -> str:
    target = getattr(callback, "view_class", callback)
    return f"{target.__module__}.{target.__qualname__}"


def _walk(resolver: URLResolver, prefix: str = "", namespaces: tuple[str, ...] = ()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else ""
            yield Pattern(prefix + str(entry.pattern), name, _view_path(entry.callback), entry.callback)


def _model_app(callback) -> str:
    """The app of the model a Wagtail viewset's generic view was made for ("" for other views)."""
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if isinstance(model, str):
        model = apps.get_model(model)
    return model._meta.app_label if model is not None else ""


def _ours(pattern: Pattern) -> bool:
    if pattern.view.split(".")[0] in OUR_APPS:
        return True
    return pattern.is_admin and _model_app(pattern.callback) in OUR_APPS


def swept_patterns() -> list[Pattern]:
    """Our own URL patterns that take a parameter, in URL order (one per route)."""
    seen, patterns = set(), []
    for pattern in _walk(get_resolver()):
        if _ours(pattern) and pattern.params and pattern.route not in seen:
            seen.add(pattern.route)
            patterns.append(pattern)
    return patterns


PATTERNS = swept_patterns()


def value_key(pattern: Pattern, param: str) -> str | None:
    for name_pattern, rule_param, key in PARAMETER_RULES:
        if rule_param == param and fnmatch.fnmatchcase(pattern.label, name_pattern):
            return key
    return None


def _unmapped_message(pattern: Pattern, param: str) -> str:
    return (
        f"The access sweep cannot give URL parameter {param!r} of {pattern.label!r} (/{pattern.route}, view "
        f"{pattern.view}) a value. Add a rule to PARAMETER_RULES in tests/security/test_access_sweep.py, e.g. "
        f"({pattern.label!r}, {param!r}, '<key>'), where '<key>' names a record of trainee A's in World.values "
        f"(build it in tests/security/world.py::build_world). If the URL is public by design, add its view to PUBLIC "
        f"with the reason."
    )


def url_for(pattern: Pattern, world) -> str:
    """The pattern's URL for the world's values (failing, with how to fix it, for a parameter without a rule)."""
    if "^" in pattern.route:
        pytest.fail(f"{pattern.label}: a regular-expression route; give the sweep a path() route or a rule for it")
    path = pattern.route
    for param in pattern.params:
        key = value_key(pattern, param)
        if key is None or key not in world.values:
            pytest.fail(_unmapped_message(pattern, param))
        path = re.sub(rf"<(?:\w+:)?{param}>", str(world.values[key]), path, count=1)
    url = "/" + path
    match = resolve(url)
    assert _view_path(match.func) == pattern.view, f"{url} resolves to {match.func}, not {pattern.view}"
    return url


# --- the world, built once for the module and rolled back at its end --------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for every test of the module: built in a transaction that is rolled back when the module ends
    (each test runs in a savepoint inside it, rolled back after the test)."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            built = build_world()
            built.sessions = _sessions(built)
        except BaseException:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        block.__exit__(None, None, None)
    for name in built.stored_files:
        default_storage.delete(name)


@pytest.fixture(scope="module")
def tables():
    with watching_files(Instrument(fingerprint_models())) as instrument:
        yield instrument


def _sessions(world) -> dict[str, str]:
    """A session per signed-in person, made once with the world (logging in per test would change last_login and
    cost a third of the sweep's time)."""
    keys = {}
    for actor in {*ACTORS, *ENTITLED} - {"anonymous"}:
        client = Client()
        client.force_login(getattr(world, actor))
        keys[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def _client_for(client, world, actor: str):
    """The test client as this person (an existing session's cookie), or anonymous."""
    if actor == "anonymous":
        client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    else:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[actor]
    return client


def _send(client, method: str, url: str):
    return client.get(url) if method == "GET" else client.post(url)


def _location_path(response) -> str:
    return urlsplit(response.get("Location", "")).path


def _refusal(pattern: Pattern, actor: str, response, world) -> str | None:
    """Why this answer is a refusal, or None when it is not one."""
    status = response.status_code
    if status in (403, 404):
        return f"{status}"
    if status == 405:
        return "405: method refused before the view ran"
    if status == 401 and pattern.route.startswith("api/"):
        return "401: the JSON API asks for a session or a token"
    if status != 302:
        return None
    target = _location_path(response)
    if pattern.is_admin:
        if target == reverse("wagtailadmin_login"):
            return "302 to the Wagtail admin login (no admin access)"
        if target == reverse("wagtailadmin_home") and actor != "anonymous":
            return "302 to the admin dashboard: Wagtail's permission_denied"
        return None
    if actor == "anonymous" and target == urlsplit(reverse(settings.LOGIN_URL)).path:
        return "302 to the login page"
    if pattern.name in SELF_SERVICE:
        page_key, _why = SELF_SERVICE[pattern.name]
        from wagtail.models import Page

        page_path = urlsplit(Page.objects.get(pk=world.values[page_key]).specific.url).path
        if target.split("#")[0] == page_path:
            return "302 back to the public page (self-service)"
    return None


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _cases():
    for pattern in PATTERNS:
        for actor in ACTORS:
            for method in METHODS:
                marks = []
                hole = KNOWN_HOLES.get((pattern.label, actor, method))
                if hole:
                    marks.append(pytest.mark.xfail(strict=True, reason=hole))
                yield pytest.param(pattern, actor, method, id=f"{pattern.label}-{actor}-{method}", marks=marks)


@pytest.mark.parametrize(("pattern", "actor", "method"), list(_cases()))
def test_nobody_else_gets_in_and_nothing_changes(client, world, tables, pattern, actor, method):
    # Given trainee A's world and someone who is not entitled to it
    url = url_for(pattern, world)
    client = _client_for(client, world, actor)
    before = fingerprint(tables)
    # When they ask for the URL
    response = _send(client, method, url)
    # Then they are refused (or, for a public URL, shown no private data) and nothing changed
    body = _body(response)
    if pattern.is_public:
        assert response.status_code < 500
        if response.status_code == 200:
            for private in world.private_texts:
                assert private not in body, f"{method} {url} shows {private!r} to {actor}"
    elif (pattern.label, actor) not in GRANTED:
        reason = _refusal(pattern, actor, response, world)
        assert reason, (
            f"{actor} {method} {url} ({pattern.view}) answered {response.status_code} "
            f"{response.get('Location', '')} {body[:300]!r}"
        )
    changes = fingerprint_changes(before, fingerprint(tables))
    assert not changes, f"{actor} {method} {url} changed: " + "; ".join(changes)


def _reached(pattern: Pattern, actor: str, response, world) -> bool:
    if response.status_code >= 500:
        return False
    return _refusal(pattern, actor, response, world) is None or (
        pattern.name in SELF_SERVICE and response.status_code == 302
    )


@pytest.mark.parametrize("pattern", PATTERNS, ids=[pattern.label for pattern in PATTERNS])
def test_someone_entitled_reaches_it(client, world, pattern):
    """The control: the world's values name real records, so the refusals are about who asks."""
    url = url_for(pattern, world)
    actors = ("anonymous",) if pattern.is_public else ENTITLED
    answers = []
    for actor in actors:
        _client_for(client, world, actor)
        for method in METHODS:
            response = _send(client, method, url)
            answers.append(f"{actor} {method}: {response.status_code} {response.get('Location', '')}")
            if _reached(pattern, actor, response, world):
                return
    pytest.fail(f"nobody entitled reaches {url} ({pattern.label}): " + "; ".join(answers))


def test_every_parameter_has_a_value_rule():
    missing = [
        _unmapped_message(pattern, param)
        for pattern in PATTERNS
        for param in pattern.params
        if value_key(pattern, param) is None
    ]
    assert not missing, "\n".join(missing)


def test_the_sweep_finds_our_urls_front_and_admin():
    """The walker sees nested namespaces and the admin URLs our hooks register (the sweep cannot shrink silently)."""
    labels = {pattern.label for pattern in PATTERNS}
    for expected in (
        "assessments:attempt",
        "assessments:evidence_file_download",
        "certificates:download",
        "courses:batch_roster",
        "assessments_event_report_pdf",
        "certificates_certificate:pdf",
        "certificates_run:zip",
    ):
        assert expected in labels
    assert len(PATTERNS) >= 50
    assert {pattern.view for pattern in PATTERNS if pattern.is_public} == set(PUBLIC)


def test_the_fingerprint_sees_a_changed_row_and_a_stored_file(world, tables):
    """The instrument itself: a change of one field, or one more stored file, is reported."""
    from django.core.files.base import ContentFile

    from certificates.models import Certificate

    before = fingerprint(tables)
    Certificate.objects.filter(pk=world.values["certificate"]).update(holder_name="Orang Lain")
    name = default_storage.save("sweep/extra.txt", ContentFile(b"x"))
    try:
        changes = fingerprint_changes(before, fingerprint(tables))
    finally:
        default_storage.delete(name)
    assert [change.split(":")[0] for change in changes] == ["certificates_certificate", "(stored files)"]
