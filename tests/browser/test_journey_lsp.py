"""The LSP's whole certification path in a browser (issue #18): an outside worker applies on a phone (FR.APL.01 with
their particulars and the identity card); the certification admin accepts in the admin; the assessor records the
APL.02 recommendation and signs the consent (FR.AK.01) on a tablet, the candidate signs it on a tablet; the assessor
records the evidence and the verdict and signs off; a member of the certification committee — who took no part —
decides to certify; the certification admin requests the BNSP registration and enters BNSP's numbers; the certificate
is issued and its public page shows the registration number. A second candidate's appeal is heard by a panel
without the assessor and overturned into a re-assessment by another assessor.

Every page on the way fits its screen and passes axe-core; nothing is refused by the CSP."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, new_page, problems_at, problems_here, written

pytestmark = pytest.mark.django_db(transaction=True)

TABLET = {"width": 820, "height": 1180}
NUMBER, BLANKO = "85499 2421 3 0000123 2026", "N0123456"


def _person(role: str | None = None, **fields):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory(preferred_language="en", **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def _build():
    """The LSP's people and the event; a second candidate already decided *not yet* by the committee."""
    from django.contrib.auth.models import Group

    from assessments.competency.decision.services import certification_decision_record
    from assessments.competency.services import candidacy as competency_services
    from assessments.models import SchemeUnit
    from certificates.models import CertificateTemplate, SchemeCertificate
    from lms import roles
    from tests.assessments.competency.factories import (
        assessor_create,
        candidacy_create,
        candidacy_ready,
        event_create,
        plan_create,
        scheme_create,
    )
    from tests.certificates import factories as certificate_factories

    try:
        event = event_create(scheme=scheme_create(units=1))
        SchemeCertificate.objects.create(
            scheme=event.scheme,
            template=certificate_factories.template_create(kind=CertificateTemplate.Kind.COMPETENCY),
            automatic=True,
        )
        people = {
            "worker": _person(full_name="Dewi Lestari"),
            "staff": _person(roles.CERTIFICATION_ADMIN, full_name="Rina Admin"),
            "member": _person(roles.CERTIFICATION_COMMITTEE, full_name="Agus Komite"),
            "panelist": _person(roles.CERTIFICATION_COMMITTEE, full_name="Sari Panel"),
            "appellant": _person(full_name="Joko Banding"),
        }
        for name in ("assessor", "reassessor"):
            user = assessor_create(event=event)
            user.groups.add(Group.objects.get(name=roles.ASSESSOR))
            type(user).objects.filter(pk=user.pk).update(preferred_language="en")
            people[name] = type(user).objects.get(pk=user.pk)
            event.assessors.add(user)
        plan_create(event=event, user=people["assessor"], methods=("observation", "oral"))
        # The second candidate: judged BK, signed off, decided "not yet" by the committee member
        unit = SchemeUnit.objects.filter(scheme=event.scheme).get().unit
        second = candidacy_ready(
            candidacy_create(event=event, candidate=people["appellant"], assessor=people["assessor"])
        )
        competency_services.unit_verdict_record(
            candidacy=second,
            assessor=people["assessor"],
            unit=unit,
            verdict="BK",
            rationale="Belum rapi",
            justification="Dinilai dari tanya jawab lisan.",
            gap_note="Jahitan obras",
        )
        competency_services.candidacy_sign_off(candidacy=second, assessor=people["assessor"])
        certification_decision_record(
            candidacy=second, by=people["member"], outcome="not_yet", unit_ids=[unit.pk], reason="Obras belum rapi"
        )
        return event, people, second
    finally:
        connection.close()


@pytest.fixture
def world(settings, live_server):
    settings.KOMPETEN_PUBLIC_BASE_URL = live_server.url
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build).result()


def _confirm_with_password(page) -> None:
    from tests.factories import PASSWORD

    page.locator('input[name="secret"]').fill(PASSWORD)
    page.locator('main form [type="submit"], form [type="submit"]').last.click()
    page.wait_for_load_state()


def test_an_outside_worker_is_certified_end_to_end_and_an_appeal_is_overturned(
    browser, live_server, world, tmp_path, tasks_run_in_process
):
    from assessments.models import Application, Candidacy
    from certificates.models import BnspRegistration, Certificate
    from tests.courses.registration.factories import PDF

    event, people, second = world
    axe = Axe()
    problems: list[str] = []
    csp: list[str] = []

    # 1. FR.APL.01 on a phone: the particulars, the purpose, the identity card
    phone = new_page(browser, live_server, csp, user=people["worker"], locale="en-US")
    problems += problems_at(phone, reverse("assessments:application_create", args=[event.pk]), axe, shot="lsp-apl01")
    phone.get_by_label("NIK (16 digits, as on your KTP)").fill("3325015203980001")
    phone.get_by_label("Place of birth").fill("Batang")
    phone.get_by_label("Date of birth").fill("1998-03-12")
    phone.get_by_label("Gender (as on your KTP)").select_option("f")
    phone.get_by_label("Home address").fill("Jl. Gajah Mada 12, Kauman, Batang")
    phone.get_by_label("Phone / WhatsApp").fill("0812 3456 7890")
    phone.get_by_label("Last education").select_option("smk")
    phone.get_by_label("Purpose of the assessment").select_option("rpl")
    (tmp_path / "ktp.pdf").write_bytes(PDF)
    phone.get_by_label("Identity card (KTP)").set_input_files(str(tmp_path / "ktp.pdf"))
    phone.get_by_role("button", name="Submit my application").click()
    phone.wait_for_load_state()
    application = written(lambda: Application.objects.filter(applicant=people["worker"]).first(), "the APL.01")
    problems += problems_here(phone, axe, shot="lsp-apl01-submitted")

    # 2. The certification admin checks the documents and accepts (confirmed)
    admin = new_page(browser, live_server, csp, user=people["staff"], viewport=DESKTOP, locale="en-US")
    problems += problems_at(admin, reverse("assessments_application_review", args=[application.pk]), axe)
    expect(admin.get_by_text("Batang, 12 March 1998")).to_be_visible()
    admin.goto(reverse("assessments_application_accept", args=[application.pk]))
    admin.locator('main form [type="submit"]').last.click()
    admin.wait_for_load_state()
    candidacy = written(lambda: Candidacy.objects.filter(candidate=people["worker"]).first(), "the candidacy")
    Candidacy.objects.filter(pk=candidacy.pk).update(assessor=people["assessor"])

    # 3. The assessor, on a tablet: APL.02 recommendation and the consent; the candidate signs it on a tablet
    tablet = new_page(browser, live_server, csp, user=people["assessor"], viewport=TABLET, locale="en-US")
    problems += problems_at(tablet, reverse("assessments:apl02_recommendation", args=[candidacy.pk]), axe)
    tablet.get_by_label("The assessment can proceed").check()
    tablet.get_by_role("button", name="Record the recommendation").click()
    tablet.wait_for_load_state()
    problems += problems_at(tablet, reverse("assessments:consent_assessor", args=[candidacy.pk]), axe)
    tablet.get_by_label("Agreed time").fill(f"{timezone.localdate().isoformat()}T09:00")
    tablet.get_by_role("button", name="Sign as the assessor").click()
    tablet.wait_for_load_state()
    candidate_tablet = new_page(browser, live_server, csp, user=people["worker"], viewport=TABLET, locale="en-US")
    problems += problems_at(
        candidate_tablet, reverse("assessments:consent_candidate", args=[candidacy.pk]), axe, shot="lsp-ak01"
    )
    candidate_tablet.get_by_label("I agree to be assessed with these methods at this time and place.").check()
    candidate_tablet.get_by_role("button", name="Sign the consent").click()
    candidate_tablet.wait_for_load_state()

    # 4. Evidence (the observation checklist), the verdict, the sign-off with the password
    tablet.goto(f"/uji-kompetensi/{candidacy.pk}/asesor/")
    unit_link = tablet.locator("main a[href*='/asesor/unit/']").first
    tablet.goto(unit_link.get_attribute("href"))
    tablet.get_by_label("Yes").first.check()
    expect(tablet.get_by_text("All changes saved")).to_be_visible()
    problems += problems_here(tablet, axe, shot="lsp-evidence")
    tablet.get_by_label("Competent (Kompeten)").check()
    tablet.get_by_label("Rationale").fill("Semua KUK teramati dengan benar.")
    tablet.get_by_role("button", name="Record the verdict").click()
    tablet.goto(f"/uji-kompetensi/{candidacy.pk}/asesor/")
    tablet.get_by_role("link", name="Sign off the decision").click()
    tablet.get_by_label("Your password").fill(_password())
    tablet.get_by_role("button", name="Confirm and sign off").click()
    expect(tablet.get_by_text("The decision is signed off.")).to_be_visible()

    # 5. A committee member who took no part decides to certify (confirmed with the password)
    committee = new_page(browser, live_server, csp, user=people["member"], viewport=DESKTOP, locale="en-US")
    problems += problems_at(committee, reverse("assessments:committee_list"), axe, shot="lsp-committee")
    committee.get_by_role("link", name="Dewi Lestari").click()
    problems += problems_here(committee, axe, shot="lsp-decision")
    committee.get_by_label("Certify (Kompeten)").check()
    committee.get_by_label("Your password").fill(_password())
    committee.get_by_role("button", name="Confirm the decision").click()
    expect(committee.get_by_text("The certification decision is recorded.")).to_be_visible()

    # 6. BNSP registration: requested, then BNSP's numbers entered; the certificate is issued from them
    problems += problems_at(admin, reverse("certificates_bnsp:index"), axe, shot="lsp-bnsp")
    admin.goto(reverse("certificates_bnsp:request", args=[candidacy.pk]))
    _confirm_with_password(admin)
    registration = written(lambda: BnspRegistration.objects.filter(candidacy=candidacy).first(), "the registration")
    admin.goto(reverse("certificates_bnsp:numbers", args=[registration.pk]))
    admin.locator('input[name="registration_number"]').fill(NUMBER)
    admin.locator('input[name="blanko_number"]').fill(BLANKO)
    _confirm_with_password(admin)
    certificate = written(
        lambda: Certificate.objects.filter(candidacy=candidacy, kind="competency").first(), "the certificate"
    )

    # 7. Anyone verifies it on the public page, which shows the BNSP registration number
    public = new_page(browser, live_server, csp, viewport=DESKTOP, locale="en-US")
    problems += problems_at(public, f"/verify/{certificate.verification_code}/", axe, shot="lsp-verify")
    expect(public.get_by_text(NUMBER).first).to_be_visible()

    # 8. The second candidate appeals the committee's "not yet" from their phone
    appellant = new_page(browser, live_server, csp, user=people["appellant"], locale="en-US")
    problems += problems_at(appellant, reverse("assessments:candidacy_detail", args=[second.pk]), axe)
    appellant.get_by_label("Why do you appeal?").fill("Obras saya sudah rapi; mohon dinilai ulang.")
    appellant.get_by_role("button", name="Open an appeal").click()
    appellant.wait_for_load_state()
    appeal = written(lambda: second.appeals.first(), "the appeal")

    # 9. A panel without the assessor hears it and overturns: another assessor re-assesses
    problems += problems_at(admin, reverse("assessments:appeal_hearing", args=[appeal.pk]), axe, shot="lsp-hearing")
    panel = admin.locator("fieldset").filter(has_text="Panel members")
    expect(panel.locator(f'input[value="{people["assessor"].pk}"]')).to_have_count(0)
    admin.get_by_label("Date of the hearing").fill(timezone.localdate().isoformat())
    panel.get_by_label("Sari Panel").check()
    admin.get_by_label("Minutes").fill("Panel memeriksa ulang bukti obras; penilaian diulang oleh asesor lain.")
    admin.get_by_label("Overturned (re-assessment by another assessor)").check()
    admin.get_by_label("Re-assessing assessor (overturned only)").select_option(str(people["reassessor"].pk))
    admin.get_by_label("Your password").fill(_password())
    admin.get_by_role("button", name="Confirm the hearing").click()
    admin.wait_for_load_state()
    second = written(
        lambda: Candidacy.objects.filter(pk=second.pk, assessor=people["reassessor"]).first(), "the re-assessment"
    )
    assert second.status == Candidacy.Status.ASSESSING

    for opened in (phone, admin, tablet, candidate_tablet, committee, public, appellant):
        opened.context.close()
    assert problems + csp == [], "\n".join(problems + csp)


def _password() -> str:
    from tests.factories import PASSWORD

    return PASSWORD
