"""The Wagtail admin speaks Indonesian to Indonesian staff: every screen they reach, Wagtail's words and ours.

A superuser who prefers Indonesian walks the dashboard, the page explorer, the editor (edit and create) of each of
our page types, every list and form of our snippets and viewsets, the reports and the settings menus; no English
phrase known to have slipped through before may show (Wagtail's own gaps are filled by ``lms/locale_wagtail``).
"""

import contextlib
import datetime
import html
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page, Site

from lms import roles
from lms.models import User
from placement.models import Demand
from tests.assessments.competency.factories import candidacy_create, event_create
from tests.assessments.exams.factories import exam_create
from tests.certificates.factories import issuer_create, template_create
from tests.courses import factories as course_factories
from tests.lms.factories import make_user
from tests.placement import factories as placement_factories

pytestmark = pytest.mark.django_db

PAGE_SIZE = 20  # rows of a Wagtail listing page
OUR_APPS = {"lms", "courses", "assessments", "certificates", "placement"}

# English that Indonesian staff met in the admin (issue #13.11), and more of Wagtail's untranslated words.
KNOWN_UNTRANSLATED = [
    "Reports",
    "Help",
    "Page title",
    "Collapse all",
    "More actions",
    "The page could not be saved due to validation errors",
    "Autosave is paused",
    "is referenced",
    "There are no",
    "Why not add one?",
    "Moderators approval",
    "Candidate",
    "Event",
    "Requested by",
    "Meta description",
    "Title tag",
    "kompetensis",  # Django's English plural of an Indonesian verbose name
    "asesors",
    # Roles and permissions (Settings → Groups, Users): the role groups are stored under English names.
    "Trainee",
    "Instructor",
    "Assessor",
    "Certification admin",
    "Employer",
    "Editors",
    "Moderators",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Can verify",
    "Can access Wagtail admin",
    "Custom permissions",
    "Toggle all",
    "Collection management permissions",
    "Add collections",
    "Select images in choosers",
    "Unlock any page",
    "View users in this group",
    # Field names Django turns into English labels when a field has no verbose name (inspect views, columns).
    "Signed by",
    "Countersigned by",
    "Applied at",
    "Recorded by",
    "Created by",
    "Verified by",
    # Wagtail's words its id_ID catalogue lacks, met on every screen or in the editors.
    "instructions how to enable JavaScript",
    "on this screen selected",
    "in listing selected",
    "Bold",
    "Italic",
    "unsaved edits",
    "created in",
    "Table caption",
    "Display the first row",
    "Choose a different root page",
    "Import redirects",
    "Permanent",
    "Temporary",
    "Add tags to the selected",
    "low to high",
    "comma-separated list of tags",
    # Pagination of long listings.
    "Page 1 of",
    "Page 2 of",
    "Next",
    "Previous",
]

# Program code is left out; the JSON the admin's scripts render from (the sidebar's menu, say) is kept.
SCRIPTS = re.compile(r"<script\b(?![^>]*application/json)[^>]*>.*?</script>", re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


def visible_text(content: str) -> str:
    """The words a person reads: no program code or markup (labels in attributes and in the scripts' JSON kept)."""
    without_scripts = SCRIPTS.sub(" ", content)
    attributes = " ".join(
        re.findall(r'(?:title|aria-label|placeholder|data-w-tooltip-content-value)="([^"]*)"', without_scripts)
    )
    return html.unescape(TAGS.sub(" ", without_scripts) + " " + attributes)


def english_in(content: str) -> list[str]:
    text = visible_text(content)
    found = []
    for phrase in KNOWN_UNTRANSLATED:
        match = re.search(rf"\b{re.escape(phrase)}\b", text)
        if match:
            found.append(f"{phrase} ({text[max(0, match.start() - 40) : match.end() + 40]!r})")
    return found


@pytest.fixture
def indonesian_superuser(client):
    user = make_user(roles.ADMINISTRATOR, preferred_language="id")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    client.force_login(user)
    return client


@pytest.fixture
def content():
    """One of each thing our staff edit: the curriculum down to an exam, a batch, competency and certificates."""
    course = course_factories.course(modules=1, lessons=1)
    exam = exam_create(course=course)
    batch = course_factories.batch(course_page=course)
    event = event_create()
    candidacy_create(event=event, batch=batch)
    template_create(issuer=issuer_create())
    verified = placement_factories.employer()
    unverified = placement_factories.employer(verified=False)
    placement_factories.vacancy(employer_obj=verified)
    placement_factories.placed(make_user(roles.TRAINEE, full_name="Siti Rahayu"), datetime.date(2027, 1, 4))
    Demand.objects.create(employer=verified, position="Operator", headcount=3, quarter="2027-Q1")
    for n in range(PAGE_SIZE):  # more people than one page of the users list holds
        make_user(roles.TRAINEE, full_name=f"Peserta Pelatihan {n}")
    return {"course": course, "exam": exam, "employers": (verified, unverified)}


def _admin_urls(content) -> list[str]:
    urls = [reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")]
    for page in Page.objects.exclude(depth=1).specific():
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        urls.append(reverse("wagtailadmin_explore", args=[page.pk]))
        urls.append(reverse("wagtailadmin_pages:usage", args=[page.pk]))
        for page_type in page.specific_class.allowed_subpage_models():
            if not page_type.can_create_at(page):
                continue
            meta = page_type._meta
            urls.append(reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, page.pk]))
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet) or model is None or model._meta.app_label not in OUR_APPS:
            continue
        for name in ("index", "add"):
            try:
                urls.append(reverse(viewset.get_url_name(name)))
            except NoReverseMatch:
                continue
        instance = model._default_manager.first()
        if instance is not None:
            for name in ("edit", "inspect"):
                with contextlib.suppress(NoReverseMatch):
                    urls.append(reverse(viewset.get_url_name(name), args=[instance.pk]))
    verified, unverified = content["employers"]
    urls += [
        reverse("placement_employer:verify", args=[unverified.pk]),
        reverse("placement_employer:unverify", args=[verified.pk]),
        reverse("placement_pipeline:index"),
        reverse("placement_pipeline:nominate"),
        reverse("placement_pipeline:record"),
        reverse("placement_figures"),
    ]
    # Roles and people: every group (the roles, a track's instructors), a person of each role, the paginated list.
    urls += [reverse("wagtailusers_groups:edit", args=[group.pk]) for group in Group.objects.order_by("name")]
    urls += [reverse("wagtailusers_users:edit", args=[user.pk]) for user in User.objects.order_by("pk")[:3]]
    urls += [f"{reverse('wagtailusers_users:index')}?p=2", reverse("wagtailusers_groups:add")]
    urls += [reverse("wagtailsites:edit", args=[site.pk]) for site in Site.objects.all()]
    for name in (
        "wagtailusers_users:index",
        "wagtailusers_groups:index",
        "wagtailadmin_workflows:index",
        "wagtailadmin_workflows:task_index",
        "wagtailsites:index",
        "wagtailcore_collections:index",
        "wagtailredirects:index",
        "wagtailimages:index",
        "wagtaildocs:index",
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:aging_pages",
        "wagtailadmin_reports:page_types_usage",
        "wagtailadmin_reports:workflow",
    ):
        try:
            urls.append(reverse(name))
        except NoReverseMatch:
            continue
    return list(dict.fromkeys(urls))


def test_every_admin_screen_our_staff_reach_is_in_indonesian(indonesian_superuser, content):
    problems = {}
    for url in _admin_urls(content):
        response = indonesian_superuser.get(url)
        found = english_in(response.content.decode()) if response.status_code == 200 else [response.status_code]
        if found:
            problems[url] = found
    assert problems == {}
