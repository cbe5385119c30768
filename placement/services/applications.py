"""Applications: a job seeker applies (or centre staff nominate a consenting one), and the pipeline moves
applied → shortlisted → interview → offered → hired, or rejected / withdrawn — each step only by its actor, each
recorded with who and when. *Hired* records a placement."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompeten_core.audit import audit_log
from placement.models import Application, ApplicationStep, JobSeekerProfile, Placement, Vacancy
from placement.selectors.seekers import consenting_profiles
from placement.services import PlacementRefused
from placement.services.employers import is_member
from placement.services.notices import notices_announce
from placement.services.vacancies import vacancy_accepts_applications

EMPLOYER, SEEKER = "employer", "seeker"
S = Application.Status
#: (from, to) → the actor allowed to take that step.
STEPS = {
    (S.APPLIED, S.SHORTLISTED): EMPLOYER,
    (S.SHORTLISTED, S.INTERVIEW): EMPLOYER,
    (S.INTERVIEW, S.OFFERED): EMPLOYER,
    (S.OFFERED, S.HIRED): EMPLOYER,
    **{(state, S.REJECTED): EMPLOYER for state in (S.APPLIED, S.SHORTLISTED, S.INTERVIEW, S.OFFERED)},
    **{(state, S.WITHDRAWN): SEEKER for state in (S.APPLIED, S.SHORTLISTED, S.INTERVIEW, S.OFFERED)},
}


def _consenting_profile(seeker) -> JobSeekerProfile:
    profile = consenting_profiles().filter(user=seeker).first()
    if profile is None:
        raise PlacementRefused(
            _("Fill in your job-seeker profile and agree to be shown to employers first."), code="no_consent"
        )
    return profile


def _create(*, vacancy: Vacancy, seeker, actor, nominated_by=None) -> Application:
    locked = Vacancy.objects.select_related("employer").get(pk=vacancy.pk)
    if not vacancy_accepts_applications(locked):
        raise PlacementRefused(_("This vacancy is not open for applications."), code="closed")
    _consenting_profile(seeker)
    try:
        with transaction.atomic():
            application = Application.objects.create(vacancy=locked, seeker=seeker, nominated_by=nominated_by)
    except IntegrityError as duplicate:
        raise PlacementRefused(_("There is already an application for this vacancy."), code="duplicate") from duplicate
    ApplicationStep.objects.create(application=application, actor=actor, to_status=application.status)
    audit_log(
        application,
        "placement.application_nominate" if nominated_by else "placement.application_create",
        user=actor,
        data={"vacancy": locked.pk, "seeker": seeker.pk},
    )
    notices_announce(application=application, kind="nominated" if nominated_by else S.APPLIED, actor=actor)
    return application


@transaction.atomic
def application_create(*, vacancy: Vacancy, seeker) -> Application:
    """The job seeker applies: one application per vacancy (the database refuses a second)."""
    return _create(vacancy=vacancy, seeker=seeker, actor=seeker)


@transaction.atomic
def application_nominate(*, vacancy: Vacancy, seeker, by) -> Application:
    """Centre staff put a consenting job seeker forward for a vacancy."""
    if not by.has_perm("placement.add_application"):
        raise PlacementRefused(_("Only centre staff can nominate a job seeker."), code="not_staff")
    return _create(vacancy=vacancy, seeker=seeker, actor=by, nominated_by=by)


def steps_for(application: Application, user) -> list[str]:
    """The statuses this user may move the application to now (none for anyone else)."""
    actor = actor_of(application, user)
    return [to for (before, to), allowed in STEPS.items() if before == application.status and allowed == actor]


def actor_of(application: Application, user) -> str | None:
    if user.is_authenticated and application.seeker_id == user.pk:
        return SEEKER
    if is_member(employer_id=application.vacancy.employer_id, user=user):
        return EMPLOYER
    return None


@transaction.atomic
def application_move(
    *,
    application: Application,
    to: str,
    by,
    note: str = "",
    interview_at: datetime.datetime | None = None,
    interview_place: str = "",
    starts_on: datetime.date | None = None,
    wage_band: str = "",
    position: str = "",
    contract: str = "",
) -> Application:
    """Take one step of the pipeline, recorded (who, when), audited and announced to the people it concerns. An
    interview needs its date (not past) and place; *hired* needs the start date and wage band (the position and
    contract default to the vacancy's), and records the placement."""
    locked = Application.objects.select_for_update().select_related("vacancy__employer").get(pk=application.pk)
    allowed = STEPS.get((locked.status, to))
    if allowed is None:
        raise PlacementRefused(_("This step is not possible from the application's current state."), code="state")
    if actor_of(locked, by) != allowed:
        raise PlacementRefused(_("You cannot take this step for this application."), code="actor")
    if (
        allowed == EMPLOYER
        and not JobSeekerProfile.objects.filter(user_id=locked.seeker_id, consent_at__isnull=False).exists()
    ):
        raise PlacementRefused(_("This job seeker no longer shares their profile with employers."), code="no_consent")
    if to == S.INTERVIEW:
        if interview_at is None or not interview_place.strip():
            raise PlacementRefused(_("Give the interview's date, time and place."), code="interview")
        if interview_at < timezone.now():
            raise PlacementRefused(_("The interview cannot be in the past."), code="interview_past")
        locked.interview_at, locked.interview_place = interview_at, interview_place.strip()[:200]
    if to == S.HIRED and (starts_on is None or wage_band not in Placement.WageBand.values):
        raise PlacementRefused(_("Give the start date and the wage band of the hire."), code="hire")
    if to == S.HIRED and contract and contract not in Vacancy.Contract.values:
        raise PlacementRefused(_("Choose a contract type from the list."), code="hire")
    before = locked.status
    locked.status = to
    locked.save(update_fields=["status", "interview_at", "interview_place", "updated_at"])
    ApplicationStep.objects.create(application=locked, actor=by, from_status=before, to_status=to, note=note.strip())
    audit_log(locked, "placement.application_move", user=by, data={"from": before, "to": to})
    if to == S.HIRED:
        _placement_save(
            person=locked.seeker,
            application=locked,
            employer=locked.vacancy.employer,
            position=position.strip() or locked.vacancy.title,
            starts_on=starts_on,
            wage_band=wage_band,
            contract=contract or locked.vacancy.contract,
            by=by,
        )
    notices_announce(application=locked, kind=to, actor=by)
    return locked


def _placement_save(
    *,
    person,
    by,
    position: str,
    starts_on,
    wage_band: str,
    contract: str,
    employer=None,
    employer_name="",
    application=None,
) -> Placement:
    placement = Placement(
        person=person,
        application=application,
        employer=employer,
        employer_name=employer_name.strip(),
        position=position,
        starts_on=starts_on,
        wage_band=wage_band,
        contract=contract,
        recorded_by=by,
    )
    if placement.employer_id is None and not placement.employer_name:
        raise PlacementRefused(_("Name the employer."), code="employer")
    placement.full_clean()
    placement.save()
    audit_log(
        placement,
        "placement.placement_record",
        user=by,
        data={"position": position, "person": person.pk, "application": getattr(application, "pk", None)},
    )
    return placement


@transaction.atomic
def placement_record(
    *, person, by, position: str, starts_on, wage_band: str, contract: str, employer=None, employer_name: str = ""
) -> Placement:
    """Centre staff record a placement found outside the portal (a graduate hired directly), audited."""
    if not by.has_perm("placement.add_placement"):
        raise PlacementRefused(_("Only centre staff can record a placement."), code="not_staff")
    return _placement_save(
        person=person,
        by=by,
        employer=employer,
        employer_name=employer_name,
        position=position,
        starts_on=starts_on,
        wage_band=wage_band,
        contract=contract,
    )
