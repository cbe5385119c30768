"""The public verify page and its JSON: status, masked holder, frozen facts, no personal data, fixed query count."""

import datetime
import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.selectors.public import mask_name
from certificates.services.issuing import (
    certificate_correct,
    certificate_issue_for_candidacy,
    certificate_issue_for_enrolment,
    certificate_revoke,
)
from tests.assessments.competency.factories import event_create, scheme_create
from tests.certificates import factories
from tests.factories import user_model_has_full_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    """Read the page in English (the host's default is Indonesian; new strings may not be translated yet)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _training(**fields) -> Certificate:
    enrolment = factories.completed_enrolment(**fields)
    return certificate_issue_for_enrolment(enrolment_id=enrolment.pk)


def _competency(*, units: int = 2) -> Certificate:
    candidacy = factories.competent_candidacy(event=event_create(scheme=scheme_create(units=units)))
    return certificate_issue_for_candidacy(candidacy_id=candidacy.pk)


def _page(client, certificate: Certificate):
    return client.get(reverse("certificates:verify", args=[certificate.verification_code]))


def _json(client, certificate: Certificate) -> dict:
    response = client.get(reverse("certificates:verify_json", args=[certificate.verification_code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


# --- mask_name ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Budi Santoso", "Budi S*****"),
        ("Siti Nur Aisyah", "Siti N***** A*****"),
        ("  Siti   Nur\tAisyah  ", "Siti N***** A*****"),
        ("Sukarno", "S*****"),  # a one-word name, common in Java, is masked too: shown whole it is the full name
        ("  Sukarno ", "S*****"),
        ("S*****", "S*****"),  # a masked one-word name masks to itself
        ("Budi S*****", "Budi S*****"),
        ("Budi \u202eSantoso\u202c", "Budi S*****"),  # bidirectional controls are dropped
        ("\u202eSukarno", "S*****"),
        ("Dr. Ir. Bambang Wijaya", "Dr. I***** B***** W*****"),
        ("", ""),
        ("Ñoño Łukasz Ärzte", "Ñoño Ł***** Ä*****"),
        ("Jose\u0301 E\u0301milio", "José É*****"),  # decomposed input is composed first
        ("Budi q\u0307ori", "Budi q\u0307*****"),  # a letter with no composed form keeps its mark
        ("山田 太郎", "山田 太*****"),
        ("Budi S", "Budi S*****"),  # the run of asterisks never tells a word's length
    ],
)
def test_mask_name_keeps_only_the_first_word_of_a_longer_name_and_initials(name, masked):
    assert mask_name(name) == masked


# --- the page ----------------------------------------------------------------------------------------------


def test_a_valid_training_certificate_shows_its_frozen_facts(english):
    # Given a training certificate, not rendered yet
    certificate = _training()
    # When anyone opens its verify page, without logging in
    response = _page(english, certificate)
    # Then it is valid and shows the masked holder, achievement, units, issuer, signatories, serial and dates
    assert response.status_code == 200
    facts = response.context["facts"]
    assert facts["status"] == "valid"
    assert facts["holder_name"] == "Budi S*****"
    assert facts["achievement"]["title"] == certificate.achievement["title"]
    assert [u["code"] for u in facts["units"]] == [u["code"] for u in certificate.achievement["units"]]
    assert all(u["verdict"] == "trained" for u in facts["units"])
    assert facts["issuer"] == {
        "code": "TEST-STC",
        "name": "Smart Training Center Batang",
        "kind": "training",
        "licence_number": "KEP.123/LATTAS/2026",
        "website": "",
    }
    assert facts["signatories"] == [
        {"name": "Dr. Ir. Bambang Wijaya", "position": "Kepala Balai", "employee_number": ""}
    ]
    assert facts["serial"] == certificate.serial
    assert facts["pdf_sha256"] == ""  # not rendered yet, and still verifiable
    html = response.content.decode()
    assert 'data-status="valid"' in html
    assert "Budi S*****" in html and "Santoso" not in html
    assert certificate.serial in html
    assert "Smart Training Center Batang" in html and "KEP.123/LATTAS/2026" in html
    assert "Dr. Ir. Bambang Wijaya" in html
    assert "The PDF is still being prepared." in html
    # And it is never cached, never indexed
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "same-origin"


def test_a_competency_certificate_lists_each_unit_with_its_verdict(english):
    # Given a competency certificate for a scheme of three units judged Kompeten
    certificate = _competency(units=3)
    # When its verify page is opened
    response = _page(english, certificate)
    # Then each unit is listed with K, and the dates include "valid until"
    facts = response.context["facts"]
    assert [(u["code"], u["verdict"]) for u in facts["units"]] == [
        ("C.141220.001.01", "K"),
        ("C.141220.002.01", "K"),
        ("C.141220.003.01", "K"),
    ]
    assert facts["issuer"]["kind"] == "lsp"
    assert facts["valid_until"] == certificate.valid_until
    html = response.content.decode()
    assert "C.141220.003.01" in html and "K (Competent)" in html
    assert "Professional certification body (LSP)" in html


def test_the_page_shows_the_snapshot_not_the_live_user_or_issuer(english):
    # Given a certificate, then the holder renames themselves and the issuer renames itself
    certificate = _training()
    holder = certificate.holder
    if hasattr(holder, "full_name"):
        holder.full_name = "Nama Baru Sekali"
    else:
        holder.first_name, holder.last_name = "Nama", "Baru Sekali"
    holder.save()
    certificate.issuer.name = "Penerbit Berganti Nama"
    certificate.issuer.save()
    # When the verify page is opened
    response = _page(english, certificate)
    # Then it shows what was frozen at issue
    html = response.content.decode()
    assert "Budi S*****" in html and "Nama" not in html
    assert "Smart Training Center Batang" in html and "Penerbit Berganti Nama" not in html


def test_an_expired_certificate_says_so(english):
    # Given a competency certificate whose validity ended yesterday
    certificate = _competency()
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.now() - datetime.timedelta(days=1))
    # When its page and JSON are opened, then both say expired
    response = _page(english, certificate)
    assert response.context["facts"]["status"] == "expired"
    assert 'data-status="expired"' in response.content.decode()
    assert _json(english, certificate)["status"] == "expired"


def test_revocation_shows_at_once_with_its_reason(english, user):
    # Given a valid certificate whose page and JSON were just read
    certificate = _training()
    assert _page(english, certificate).context["facts"]["status"] == "valid"
    assert _json(english, certificate)["status"] == "valid"
    # When a certification admin revokes it
    certificate_revoke(certificate=certificate, reason="Data peserta tidak sesuai", by=user)
    # Then the very next page and JSON say revoked, with the reason from the revocation record
    response = _page(english, certificate)
    assert response.context["facts"]["status"] == "revoked"
    html = response.content.decode()
    assert 'data-status="revoked"' in html and "Data peserta tidak sesuai" in html
    body = _json(english, certificate)
    assert body["status"] == "revoked"
    assert body["reason"] == "Data peserta tidak sesuai"
    assert body["revoked_at"]


def test_a_superseded_certificate_links_to_the_newer_one(english, user):
    # Given a certificate corrected into a new one
    old = _training()
    new = certificate_correct(certificate=old, by=user, name="Budi Santoso Putra")
    # When the old certificate's page is opened
    response = _page(english, old)
    # Then it says superseded and links to the new certificate's verify page
    new_url = reverse("certificates:verify", args=[new.verification_code])
    html = response.content.decode()
    assert response.context["facts"]["status"] == "superseded"
    assert f'href="{new_url}"' in html and new.serial in html
    assert _json(english, old)["superseded_by"] == "http://testserver" + new_url
    # And the new certificate is valid, with the corrected name masked
    new_facts = _page(english, new).context["facts"]
    assert new_facts["status"] == "valid"
    assert new_facts["holder_name"] == "Budi S***** P*****"


# --- JSON --------------------------------------------------------------------------------------------------


def test_the_json_carries_the_same_facts_and_links(english):
    # Given a competency certificate
    certificate = _competency(units=2)
    # When its JSON is read (both URL forms)
    body = _json(english, certificate)
    other_form = english.get(f"/verify/{certificate.verification_code}/json/")
    # Then it holds status, masked name, achievement, units, issuer, signatories, serial, dates and hash
    assert other_form.json() == body
    assert body["status"] == "valid"
    assert body["reason"] is None and body["superseded_by"] is None
    assert body["holder_name"] == "Budi S*****"
    assert body["kind"] == "competency"
    assert body["serial"] == certificate.serial
    assert body["achievement"]["title"] == "Operator Jahit"
    assert body["achievement"]["scheme_number"] == "SKM-01"
    assert [(u["code"], u["verdict"]) for u in body["units"]] == [("C.141220.001.01", "K"), ("C.141220.002.01", "K")]
    assert body["issuer"]["name"] == "LSP Manufaktur Batang"
    assert body["issuer"]["licence_number"] == "BNSP-LSP-1234-ID"
    assert body["signatories"][0]["name"] == "Dr. Ir. Bambang Wijaya"
    assert datetime.datetime.fromisoformat(body["issued_at"]) == certificate.issued_at
    assert datetime.datetime.fromisoformat(body["valid_until"]) == certificate.valid_until
    assert body["pdf_sha256"] is None
    code = certificate.verification_code
    assert body["links"]["verify"] == f"http://testserver/verify/{code}/"
    # And the Open Badges downloads are linked when the site publishes them
    for name in ("credential_json", "credential_jwt"):
        try:
            expected = "http://testserver" + reverse(f"certificates:{name}", args=[code])
        except NoReverseMatch:
            assert name not in body["links"]
        else:
            assert body["links"][name] == expected


def test_the_json_of_an_unknown_code_is_a_404(client):
    response = client.get(reverse("certificates:verify_json", args=["x" * 32]))
    assert response.status_code == 404
    assert response.json() == {"status": "not_found"}


# --- security ----------------------------------------------------------------------------------------------


def test_page_and_json_never_show_the_holders_personal_data(english):
    # Given a holder with an e-mail, a username and (where the user model has one) a national ID
    user = factories.trainee_create(username="budi_rahasia", email="budi.rahasia@contoh.id")
    if any(field.name == "national_id" for field in get_user_model()._meta.get_fields()):
        user.national_id = "3325011234560001"
        user.save()
    certificate = _training(user=user)
    # When the page and the JSON are read
    texts = [_page(english, certificate).content.decode(), json.dumps(_json(english, certificate))]
    # Then neither holds the e-mail, username, national ID, user id or the full surname
    for text in texts:
        for secret in ("budi.rahasia@contoh.id", "budi_rahasia", "3325011234560001", "Santoso"):
            assert secret not in text
    body = _json(english, certificate)
    assert not {"holder", "holder_id", "email", "username", "national_id", "birth_date"} & set(body)


def test_a_one_word_name_is_never_shown_whole(english):
    # Given a certificate of a holder with one name only, as many in Java have
    one_name = {"full_name": "Sukarno"} if user_model_has_full_name() else {"first_name": "Sukarno", "last_name": ""}
    enrolment = factories.completed_enrolment(user=factories.trainee_create(**one_name))
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    assert certificate.holder_name == "Sukarno"
    # When its verify page and its JSON are opened
    html = _page(english, certificate).content.decode()
    body = _json(english, certificate)
    # Then both show the masked name only
    assert "Sukarno" not in html
    assert "S*****" in html
    assert body["holder_name"] == "S*****"


@pytest.mark.skipif(
    "lms" not in settings.INSTALLED_APPS, reason="reads the host's Indonesian default and full-name field"
)
def test_the_masked_name_is_isolated_from_the_text_around_it(english):
    # Given a holder whose name is written right to left
    enrolment = factories.completed_enrolment(user=factories.trainee_create(full_name="Budi \u05d3\u05d5\u05d3"))
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    # When its page is opened, then the name sits in its own bidirectional isolate
    html = _page(english, certificate).content.decode()
    assert "<bdi>Budi \u05d3*****</bdi>" in html


def test_a_hostile_holder_name_is_shown_escaped(english):
    # Given a certificate printed with a name that is an HTML tag
    enrolment = factories.completed_enrolment()
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    Certificate.objects.filter(pk=certificate.pk).update(holder_name='<img src="file:///etc/passwd"> Budi')
    # When its page is opened, then the tag is text, never markup
    html = _page(english, certificate).content.decode()
    assert "<img" not in html
    assert "&lt;img" in html


@pytest.mark.parametrize(
    "path",
    [
        lambda c: f"/verify/{'A' * 32}/",  # a well-formed code nobody holds
        lambda c: f"/verify/{c.verification_code[:16]}/",  # a prefix of a real code
        lambda c: f"/verify/{c.verification_code.swapcase()}/",  # codes are case-sensitive
        lambda c: f"/verify/{c.serial.replace('/', '%2F')}/",  # a serial number is not a code
        lambda c: f"/verify/{c.serial}/",
        lambda c: f"/verify/{c.verification_code[:16]}.json",
    ],
)
def test_anything_but_the_exact_code_is_not_found(client, path):
    # Given an issued certificate (its code is 32 URL-safe characters: 192 random bits)
    certificate = _training()
    assert len(certificate.verification_code) == 32
    # When a guess is opened, then it is a 404 that tells nothing about the real certificate
    response = client.get(path(certificate))
    assert response.status_code == 404
    content = response.content.decode()
    assert certificate.serial not in content and certificate.verification_code not in content


def test_an_unknown_code_gets_the_lookup_form(english):
    response = english.get(reverse("certificates:verify", args=["tidak-ada-kode-seperti-ini-sama-sekali"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert 'name="code"' in html
    assert "No certificate with this code was found." in html


# --- queries -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("units", [1, 20])
@pytest.mark.parametrize("view", ["certificates:verify", "certificates:verify_json"])
def test_verify_takes_one_query_however_many_units(client, django_assert_num_queries, units, view, user):
    # Given a revoked competency certificate for a scheme of 1 or 20 units (revocation and status joined)
    certificate = _competency(units=units)
    certificate_revoke(certificate=certificate, reason="Diterbitkan karena kekeliruan", by=user)
    url = reverse(view, args=[certificate.verification_code])
    # When anyone opens the page or the JSON, then one query reads everything
    with django_assert_num_queries(1):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["facts"]["units"] if view == "certificates:verify" else response.json()["units"]) == (
        units
    )


def test_junk_never_gets_a_server_error(client):
    # Given an issued certificate and every public verification URL
    certificate = _training()
    code = certificate.verification_code
    urls = [
        reverse("certificates:verify", args=[code]),
        reverse("certificates:verify_json", args=[code]),
        reverse("certificates:verify", args=[code]).replace(code, "%00" * 3),
        reverse("certificates:verify_lookup"),
        reverse("certificates:verify_pdf"),
    ]
    bodies = [{"x": "y"}, {"code": "<script>" * 50}, {"code": "a" * 5000}, {"file": "not-a-file"}]
    # When each is sent junk, then each answers without a server error
    for url in urls:
        for body in bodies:
            assert client.get(url, body).status_code < 500, (url, body)
            assert client.post(url, body).status_code < 500, (url, body)
        assert client.post(url, "{broken", content_type="application/json").status_code < 500, url
        assert (
            client.post(
                url,
                b'--x\r\nContent-Disposition: form-data; name="file"\r\n',
                content_type="multipart/form-data; boundary=x",
            ).status_code
            < 500
        ), url
        assert client.post(url, b"junk", content_type="multipart/form-data; boundary=").status_code < 500, url
