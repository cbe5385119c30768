"""Issuers, certificate templates (with the HTML and PDF preview), scheme rules, the course editor's panel, the
"Certificates" menu and who sees it."""

import pytest
from django.apps import apps
from django.urls import reverse

from certificates.models import CertificateTemplate, Issuer, SchemeCertificate
from tests.assessments.competency.factories import scheme_create
from tests.certificates import factories
from tests.certificates.support.admin import certification_staff, instructor_like
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = "wagtailsnippets_certificates_certificatetemplate"
MENU_URLS = [
    "certificates_certificate:index",
    "certificates_pending:index",
    "certificates_run:index",
    f"{TEMPLATES}:list",
    "certificates_schemerule:index",
    "certificates_issuer:index",
]


@pytest.fixture
def staff_client(client):
    client.force_login(certification_staff())
    return client


def _template_form_data(issuer: Issuer, **overrides) -> dict:
    data = {
        "name": "Sertifikat Pelatihan Garmen",
        "kind": "training",
        "issuer": issuer.pk,
        "title_id": "SERTIFIKAT PELATIHAN",
        "title_en": "TRAINING CERTIFICATE",
        "presented_id": "Diberikan kepada",
        "presented_en": "This is to certify that",
        "statement_id": "telah menyelesaikan pelatihan berbasis kompetensi",
        "statement_en": "has completed the competency-based training",
        "primary_colour": "#0b5cad",
        "accent_colour": "#c9a227",
        "signatories": [signatory.pk for signatory in issuer.signatories.all()],
        "units_page": "on",
    }
    data.update(overrides)
    return data


def test_the_preview_of_an_unsaved_template_shows_the_html_and_the_real_pdf(staff_client):
    # Given a certificate template being written, not saved yet
    issuer = factories.issuer_create()
    url = reverse(f"{TEMPLATES}:preview_on_add")
    data = _template_form_data(issuer, title_id="SERTIFIKAT UJI PRATINJAU")
    # When the editor's preview panel sends the form and asks for each preview mode
    assert staff_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = staff_client.get(url)
    pdf = staff_client.get(url, {"mode": "pdf", "in_preview_panel": "true"})
    # Then the page mode shows the HTML and the PDF mode answers a real PDF; nothing is saved
    assert html.status_code == 200
    assert "SERTIFIKAT UJI PRATINJAU" in html.content.decode()
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert not CertificateTemplate.objects.exists()


def test_the_template_editor_offers_both_preview_modes(staff_client):
    template = factories.template_create()
    response = staff_client.get(reverse(f"{TEMPLATES}:edit", args=[template.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse(f"{TEMPLATES}:preview_on_edit", args=[template.pk]) in html
    assert 'value="pdf"' in html


def test_a_template_is_created_in_the_admin(staff_client):
    issuer = factories.issuer_create()
    response = staff_client.post(reverse(f"{TEMPLATES}:add"), _template_form_data(issuer))
    assert response.status_code == 302
    template = CertificateTemplate.objects.get()
    assert list(template.signatories.all()) == list(issuer.signatories.all())


def test_a_template_in_use_is_not_deleted_and_no_error_is_raised(
    staff_client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    from certificates.services.issuing import certificate_issue_for_enrolment

    enrolment = factories.completed_enrolment()
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    response = staff_client.post(reverse(f"{TEMPLATES}:delete", args=[certificate.template_id]))
    assert response.status_code in (302, 403)
    assert CertificateTemplate.objects.filter(pk=certificate.template_id).exists()


def test_the_issuer_pages_show_whether_keys_are_published_and_their_fingerprint(staff_client):
    # Given an issuer with keys and one without
    with_keys = factories.issuer_create(code="TEST-KEYS")
    without = Issuer.objects.create(code="TEST-NOKEY", name="Balai Tanpa Kunci")
    # When the list and the edit pages are opened
    listing = staff_client.get(reverse("certificates_issuer:index")).content.decode()
    edit = staff_client.get(reverse("certificates_issuer:edit", args=[with_keys.pk])).content.decode()
    edit_without = staff_client.get(reverse("certificates_issuer:edit", args=[without.pk])).content.decode()
    # Then the fingerprints are shown read-only, and how to make keys is explained (never a key field)
    from certificates.selectors.admin import issuer_key_summary

    summary = issuer_key_summary(issuer=with_keys)
    assert summary["published"] and len(summary["key_thumbprint"]) == 43
    assert summary["key_thumbprint"][:16] in listing
    assert summary["key_thumbprint"] in edit
    assert summary["certificate_fingerprint"] in edit
    assert "manage.py certificates_keys TEST-NOKEY" in edit_without
    assert "manage.py certificates_keys TEST-NOKEY" in listing
    assert "public_key_pem" not in edit and "BEGIN PRIVATE KEY" not in edit


def test_an_issuer_with_a_signatory_is_created_in_the_admin(staff_client):
    data = {
        "code": "LSP-BARU",
        "kind": "lsp",
        "name": "LSP Baru Batang",
        "licence_number": "BNSP-LSP-9999-ID",
        "address": "Batang",
        "website": "",
        "email": "",
        "signatories-TOTAL_FORMS": "1",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "1",
        "signatories-MAX_NUM_FORMS": "1000",
        "signatories-0-name": "Ir. Sri Lestari",
        "signatories-0-position": "Ketua LSP",
        "signatories-0-employee_number": "",
        "signatories-0-ORDER": "1",
        "signatories-0-id": "",
        "signatories-0-DELETE": "",
    }
    response = staff_client.post(reverse("certificates_issuer:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    issuer = Issuer.objects.get(code="LSP-BARU")
    assert issuer.signatories.get().name == "Ir. Sri Lestari"
    assert not issuer.has_keys


def test_an_issuer_in_use_is_not_deleted_and_no_error_is_raised(client):
    template = factories.template_create()
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(reverse("certificates_issuer:delete", args=[template.issuer_id]))
    assert response.status_code in (302, 403)
    assert Issuer.objects.filter(pk=template.issuer_id).exists()


def test_a_scheme_rule_is_set_in_the_admin_with_a_competency_template(staff_client):
    scheme = scheme_create(units=1)
    training = factories.template_create()
    competency = factories.template_create(kind=CertificateTemplate.Kind.COMPETENCY)
    url = reverse("certificates_schemerule:add")
    response = staff_client.post(url, {"scheme": scheme.pk, "template": training.pk, "automatic": "on"})
    assert response.status_code == 200
    assert "template" in response.context["form"].errors
    response = staff_client.post(url, {"scheme": scheme.pk, "template": competency.pk, "automatic": "on"})
    assert response.status_code == 302
    rule = SchemeCertificate.objects.get()
    assert rule.template == competency and rule.automatic
    assert staff_client.get(reverse("certificates_schemerule:index")).status_code == 200


def test_the_course_editor_has_one_training_certificate_panel():
    from courses.models import CoursePage

    form_class = CoursePage.get_edit_handler().get_form_class()
    formset = form_class.formsets["certificate_rules"]
    assert formset.max_num == 1
    assert set(formset.form.base_fields) >= {"template", "automatic"}
    assert formset.form.base_fields["template"].get_limit_choices_to() == {"kind": "training"}


def test_the_course_editor_page_renders_the_panel(client):
    enrolment = factories.completed_enrolment()
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[enrolment.course_id]))
    assert response.status_code == 200
    assert "certificate_rules-TOTAL_FORMS" in response.content.decode()


def test_the_certificates_menu_shows_to_certification_staff_only(client):
    client.force_login(certification_staff())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in MENU_URLS:
        assert reverse(name) in home, name
        assert client.get(reverse(name)).status_code == 200, name
    client.force_login(instructor_like())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in MENU_URLS:
        assert reverse(name) not in home, name
        assert client.get(reverse(name)).status_code in (302, 403), name


def test_a_trainee_opens_none_of_the_certificates_admin(client):
    template = factories.template_create()
    client.force_login(UserFactory())
    for name in MENU_URLS:
        assert client.get(reverse(name)).status_code in (302, 403), name
    for url in [
        reverse(f"{TEMPLATES}:edit", args=[template.pk]),
        reverse(f"{TEMPLATES}:preview_on_add"),
        reverse("certificates_issuer:edit", args=[template.issuer_id]),
        reverse("certificates_run:start"),
    ]:
        assert client.get(url).status_code in (302, 403), url


@pytest.mark.skipif(not apps.is_installed("lms"), reason="roles belong to the host site")
def test_the_certification_admin_role_holds_the_certificates_permissions_and_opens_every_page(client):
    from lms import roles, services

    user = services.user_create(
        username="sertifikasi", email="s@contoh.id", full_name="Admin Sertifikasi", password=None,
        role=roles.CERTIFICATION_ADMIN,
    )  # fmt: skip
    for permission in (
        "certificates.view_certificate",
        "certificates.add_certificate",
        "certificates.change_certificate",
        "certificates.add_revocation",
        "certificates.add_issuerun",
        "certificates.view_issuerun",
        "certificates.change_certificatetemplate",
        "certificates.add_issuer",
        "certificates.change_schemecertificate",
        "certificates.change_coursecertificate",
    ):
        assert user.has_perm(permission), permission
    assert not user.has_perm("certificates.delete_certificate")
    assert not user.has_perm("certificates.delete_revocation")
    client.force_login(user)
    for name in MENU_URLS:
        assert client.get(reverse(name)).status_code == 200, name
    trainee = services.user_create(
        username="peserta-x", email="p@contoh.id", full_name="Peserta X", password=None, role=roles.TRAINEE
    )
    client.force_login(trainee)
    for name in MENU_URLS:
        assert client.get(reverse(name)).status_code in (302, 403), name


def test_an_editor_sets_the_course_training_certificate_in_the_course_editor(client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from certificates.models import CourseCertificate
    from tests.courses import factories as course_factories

    # Given a course without a certificate and a training template
    template = factories.template_create()
    course = course_factories.course(modules=0)
    client.force_login(UserFactory(is_superuser=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[course.pk])

    def publish(rules):
        data = {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "outcomes": rich_text(""),
            "jp_hours": "40",
            "certificate_rules": inline_formset(rules, initial=len([r for r in rules if r.get("id")])),
            "action-publish": "publish",
        }
        if "unit_coverages" in client.get(edit_url).content.decode():
            data["unit_coverages"] = inline_formset([])
        return client.post(edit_url, nested_form_data(data))

    # When the editor chooses the template, issued automatically
    response = publish([{"template": str(template.pk), "automatic": "on"}])
    # Then the course issues that certificate automatically
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    rule = CourseCertificate.objects.get(course=course)
    assert rule.template == template and rule.automatic
    # And when it is switched to "staff issue", the same rule changes
    response = publish([{"id": str(rule.pk), "template": str(template.pk), "automatic": ""}])
    assert response.status_code == 302
    rule = CourseCertificate.objects.get(course=course)
    assert not rule.automatic
