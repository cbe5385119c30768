"""The roles of Kompeten and the permissions each one holds.

Roles are Django groups. Plugins declare their permissions; the host site (this module) decides which
group gets which. Three kinds of permission are granted:
- model permissions ("app_label.codename"), on the group;
- collection permissions for images and documents (Wagtail keeps these per collection: granted on the root);
- page permissions (Wagtail keeps these per page): only administrators get the whole tree; instructors get
  the tracks they teach, through one group per track (``courses.services.track_instructor_group_ensure``).

``roles_sync`` is idempotent. The data migration that creates the roles calls it, and so does a post_migrate
receiver, so that permissions brought by a new plugin reach the roles on the next ``migrate``.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.utils.translation import gettext_lazy as _

TRAINEE = "Trainee"
INSTRUCTOR = "Instructor"
ASSESSOR = "Assessor"
CERTIFICATION_ADMIN = "Certification admin"
#: The certification committee (Komite Sertifikasi) of the LSP: records the certification decision on the
#: assessor's recommendation, on the site's own pages; never someone who assessed or countersigned the candidate.
CERTIFICATION_COMMITTEE = "Certification committee"
ADMINISTRATOR = "Administrator"
#: People who act for an employer of the industrial park: they work on the site's own employer pages (their
#: employer's vacancies and applicants only), not in the Wagtail admin, so the group holds no model permission.
EMPLOYER = "Employer"

ROLE_LABELS = {
    TRAINEE: _("Trainee"),
    INSTRUCTOR: _("Instructor"),
    ASSESSOR: _("Assessor"),
    CERTIFICATION_ADMIN: _("Certification admin"),
    CERTIFICATION_COMMITTEE: _("Certification committee"),
    ADMINISTRATOR: _("Administrator"),
    EMPLOYER: _("Employer"),
}
ROLES = list(ROLE_LABELS)


def group_label(name: str) -> str:
    """A group's name in the reader's language. Stored names stay English (the code finds the roles by them); a
    role and a track's instructors ("Instructor: <track>") read translated, any other group as it was named."""
    if name in ROLE_LABELS:
        return str(ROLE_LABELS[name])
    role, separator, rest = name.partition(": ")
    if separator and role in ROLE_LABELS:
        return f"{ROLE_LABELS[role]}: {rest}"
    return name


_ADMIN_ACCESS = ["wagtailadmin.access_admin"]

# "app_label.codename" per role. Administrators get every permission there is.
_STANDARDS_READ = [
    "assessments.view_competencystandard",
    "assessments.view_competencyunit",
    "assessments.view_element",
    "assessments.view_certificationscheme",
]
_QUESTION_BANK = [
    "assessments.add_question",
    "assessments.change_question",
    "assessments.delete_question",
    "assessments.view_question",
]

# Issuers, templates and rules are managed; certificates are issued, corrected and revoked (never edited or
# deleted); bulk runs are started and followed.
_CERTIFICATES = [
    *[
        f"certificates.{action}_{model}"
        for model in ("issuer", "signatory", "certificatetemplate", "schemecertificate", "coursecertificate")
        for action in ("add", "change", "view")
    ],
    "certificates.add_certificate",
    "certificates.change_certificate",
    "certificates.view_certificate",
    "certificates.add_issuerun",
    "certificates.change_issuerun",
    "certificates.view_issuerun",
    "certificates.add_revocation",
    "certificates.view_revocation",
    # BNSP registration: requested, then the numbers entered
    "certificates.add_bnspregistration",
    "certificates.change_bnspregistration",
    "certificates.view_bnspregistration",
]

# The training cycle (courses/training/): centre staff run registration, selection and the timetable; instructors
# read the timetable and the applications, record interview scores and take attendance (the roster itself is
# theirs for the sessions they teach, without any permission).
_TRAINING_CYCLE_STAFF = [
    "courses.view_application",
    "courses.change_application",  # the interview score
    "courses.add_selectionplan",
    "courses.change_selectionplan",
    "courses.view_selectionplan",
    "courses.publish_selectionplan",
    *[f"courses.{action}_{model}" for model in ("trainingsession", "workshop") for action in ("add", "change", "view")],
    "courses.view_attendance",
    "courses.change_attendance",
    # BPJS Ketenagakerjaan coverage: the list, the import and the roster export, and a record changed by hand
    # (deleting one stays with administrators; instructors are warned on their roster without seeing numbers).
    "courses.view_coverage",
    "courses.add_coverage",
    "courses.change_coverage",
]
_TRAINING_CYCLE_INSTRUCTOR = [
    "courses.view_application",
    "courses.change_application",  # the interview score
    "courses.view_selectionplan",
    "courses.view_trainingsession",
    "courses.view_workshop",
    "courses.view_attendance",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINEE: [],
    INSTRUCTOR: [
        *_ADMIN_ACCESS,
        *_STANDARDS_READ,
        *_QUESTION_BANK,
        *_TRAINING_CYCLE_INSTRUCTOR,
        # K3: instructors read the workshops' inductions and record incidents in the log (changing an entry, like
        # the inductions themselves, stays with administrators).
        "courses.view_k3induction",
        "courses.add_k3incident",
        "courses.view_k3incident",
        # SCORM packages in the lessons they may edit (the form offers only those), and the xAPI report of the
        # courses they teach.
        *[f"courses.{action}_scormpackage" for action in ("add", "change", "delete", "view")],
        "courses.view_statement",
    ],
    ASSESSOR: [*_ADMIN_ACCESS, *_STANDARDS_READ, "assessments.view_question", "assessments.view_attempt"],
    CERTIFICATION_ADMIN: [
        *_ADMIN_ACCESS,
        *_STANDARDS_READ,
        *[
            f"assessments.{action}_{model}"
            for model in ("assessmentevent", "candidacy", "assessorregistration")
            for action in ("add", "change", "view")
        ],
        # The reviews of an event's assessment: its instruments (FR.IA.11) and its process (FR.AK.06).
        *[
            f"assessments.{action}_{model}"
            for model in ("instrumentreview", "processreview")
            for action in ("add", "change", "view")
        ],
        # The documents each scheme requires of an application (FR.APL.01).
        *[f"assessments.{action}_schemedocumentrequirement" for action in ("add", "change", "view", "delete")],
        "assessments.view_attempt",
        "assessments.change_response",
        "assessments.view_certificationdecision",
        *[f"assessments.{action}_{model}" for model in ("appeal", "complaint") for action in ("change", "view")],
        *_CERTIFICATES,
        # Placement: verify employers (and withdraw it), read vacancies and placements in the admin.
        "placement.view_employer",
        "placement.verify_employer",
        "placement.view_vacancy",
        "placement.view_placement",
        "placement.view_demand",
        # Placement pipeline: nominate consenting job seekers, record placements found outside the portal.
        "placement.add_application",
        "placement.view_application",
        "placement.add_placement",
        "placement.view_figures",  # the centre's placement figures (Reports → Placement figures)
        *_TRAINING_CYCLE_STAFF,
    ],
    CERTIFICATION_COMMITTEE: [
        "assessments.add_certificationdecision",
        "assessments.view_certificationdecision",
        "assessments.view_candidacy",
        # the committee may record an appeal's hearing (never on a candidate its member assessed)
        "assessments.change_appeal",
        "assessments.view_appeal",
    ],
    ADMINISTRATOR: [],
    EMPLOYER: [],
}
ALL_PERMISSIONS_ROLES = {ADMINISTRATOR}

_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
# Image and document permissions on the root collection.
ROLE_COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    INSTRUCTOR: _MEDIA,
    CERTIFICATION_ADMIN: ["wagtailimages.add_image", "wagtailimages.choose_image"],
    ADMINISTRATOR: [*_MEDIA, "wagtailimages.delete_image", "wagtaildocs.delete_document"],
}
# Page permissions on the root page.
ROLE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    ADMINISTRATOR: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}


def roles_sync(apps) -> None:
    """Create the role groups and give each exactly its permissions. ``apps``: a (historical) app registry."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    by_key = {
        f"{p.content_type.app_label}.{p.codename}": p for p in permission_model.objects.select_related("content_type")
    }
    groups = {}
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        groups[role] = group
        if role in ALL_PERMISSIONS_ROLES:
            group.permissions.set(list(by_key.values()))
        else:
            group.permissions.set([by_key[key] for key in ROLE_PERMISSIONS[role] if key in by_key])
    _tree_permissions_sync(
        apps,
        groups=groups,
        by_key=by_key,
        link_model=("wagtailcore", "GroupCollectionPermission", "collection"),
        root_model=("wagtailcore", "Collection"),
        wanted=ROLE_COLLECTION_PERMISSIONS,
    )
    page_keys = {
        role: [f"wagtailcore.{codename}" for codename in codes] for role, codes in ROLE_PAGE_PERMISSIONS.items()
    }
    _tree_permissions_sync(
        apps,
        groups=groups,
        by_key=by_key,
        link_model=("wagtailcore", "GroupPagePermission", "page"),
        root_model=("wagtailcore", "Page"),
        wanted=page_keys,
    )


def _tree_permissions_sync(apps, *, groups, by_key, link_model, root_model, wanted) -> None:
    """Grant each role its permissions on the root of a Wagtail tree (pages or collections), and only those."""
    app_label, model_name, target = link_model
    link = apps.get_model(app_label, model_name)
    root = apps.get_model(*root_model).objects.filter(depth=1).first()
    if root is None:
        return
    for role, group in groups.items():
        permissions = [by_key[key] for key in wanted.get(role, []) if key in by_key]
        existing = link.objects.filter(group=group, **{target: root})
        existing.exclude(permission__in=permissions).delete()
        have = set(existing.values_list("permission_id", flat=True))
        for permission in permissions:
            if permission.pk not in have:
                link.objects.create(group=group, permission=permission, **{target: root})


def roles_sync_after_migrate(sender, using="default", **kwargs) -> None:
    """Keep the role groups complete once every app's permissions exist (plugins bring new ones): a post_migrate
    receiver (connected in ``LmsConfig.ready``).

    post_migrate is sent once per app that has models, in INSTALLED_APPS order. Acting on the last one sees
    every app; Django's own create_permissions receiver may still run after this one for that app, so the
    permissions are made sure of first (idempotent).
    """
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    for config in with_models:
        create_permissions(config, verbosity=0, using=using)
    roles_sync(global_apps)
