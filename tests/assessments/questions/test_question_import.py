"""Importing question files into the bank: the service, the management command and the admin upload view."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from assessments.models import Question, QuestionOption
from assessments.questions.services.imports import questions_import
from tests.factories import UserFactory

SAMPLES = Path(__file__).parent / "samples"
IMPORT_URL = "/admin/assessments/questions/import/"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def sample(name: str) -> bytes:
    return SAMPLES.joinpath(name).read_bytes()


def quiz(*questions: str) -> bytes:
    return ("<quiz>" + "".join(questions) + "</quiz>").encode()


def choice_question(name: str, *, grade: str = "1", fractions=("100", "0"), single: str = "true") -> str:
    answers = "".join(f'<answer fraction="{f}"><text>choice {i}</text></answer>' for i, f in enumerate(fractions))
    return (
        f'<question type="multichoice"><name><text>{name}</text></name>'
        f"<questiontext><text>Text of {name}</text></questiontext><defaultgrade>{grade}</defaultgrade>"
        f"<single>{single}</single>{answers}</question>"
    )


# --- the service -----------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_gift_sample_creates_every_question_with_its_options():
    report = questions_import(data=sample("questions.gift.txt"), filename="questions.gift.txt")

    assert not report.failed and not report.errors and not report.skipped
    assert len(report.imported) == Question.objects.count() == 11
    assert {q.pk for q in report.imported} == set(Question.objects.values_list("pk", flat=True))
    helmet = Question.objects.get(name="APD pelindung kepala")
    assert (helmet.type, helmet.category, helmet.points) == ("single", "K3 Dasar", Decimal("1.00"))
    assert list(helmet.options.order_by("sort_order").values_list("text", "is_correct", "feedback")) == [
        ("Safety helmet", True, "Right: a helmet protects the head."),
        ("Safety shoes", False, "Shoes protect the feet."),
        ("Ear muffs", False, ""),
    ]
    fire = Question.objects.get(name="Fire triangle")
    assert fire.partial_credit == Question.PartialCredit.PROPORTIONAL
    assert list(fire.options.order_by("sort_order").values_list("fraction", flat=True)) == [
        Decimal("0.5"),
        Decimal("0.5"),
        Decimal("-1"),
    ]
    assert Question.objects.get(name="Voltage").numeric_answer == Decimal(6)
    assert Question.objects.get(name="Circuit breaker").true_false_answer is True
    assert Question.objects.get(name="Colours of wires").options.get(text="Blue").match_text == "Neutral"


@pytest.mark.django_db
def test_xml_sample_imports_supported_types_with_tags_and_skips_the_others():
    report = questions_import(data=sample("questions.xml"), filename="questions.xml")

    assert len(report.imported) == 9
    assert [name for name, _reason in report.skipped] == ["Section intro", "Drag words", "Calculated power"]
    assert ("Isolation before work", "Images and embedded files were left out: imported files are not stored.") in (
        report.warnings
    )
    isolation = Question.objects.get(name="Isolation before work")
    assert set(isolation.tags.names()) == {"listrik", "K3"}
    assert isolation.points == Decimal("2.00")
    assert isolation.stem == "<p>What do you do <b>first</b> before working on a panel?</p>"
    assert "script" not in "".join(QuestionOption.objects.values_list("text", flat=True))
    upload = Question.objects.get(name="Wiring photo")
    assert (upload.type, upload.file_extensions, upload.file_max_mb) == ("file", "jpg,png,pdf", 5)
    symbols = Question.objects.get(name="Symbols")
    # the distractor match (no item) is kept: it makes the matching harder, as in Moodle
    assert list(symbols.options.values_list("match_text", flat=True)) == [
        "Voltage",
        "Current",
        "Resistance",
        "Frequency",
    ]
    assert symbols.options.get(match_text="Frequency").text == ""
    ordering = Question.objects.get(name="Lockout steps")
    assert list(ordering.options.order_by("sort_order").values_list("text", flat=True)) == [
        "Notify",
        "Switch off",
        "Lock and tag",
        "Test for dead",
    ]


@pytest.mark.django_db
def test_dry_run_reports_the_same_questions_and_changes_nothing():
    tags_before = Tag.objects.count()

    report = questions_import(data=sample("questions.xml"), filename="questions.xml", dry_run=True)

    assert report.dry_run
    assert len(report.imported) == 9
    assert all(question.pk is None for question in report.imported)
    assert Question.objects.count() == QuestionOption.objects.count() == 0
    assert Tag.objects.count() == tags_before


@pytest.mark.django_db
def test_category_given_by_the_importer_replaces_the_files_categories():
    questions_import(data=sample("questions.gift.txt"), filename="q.gift", category="  Listrik   dasar ")

    assert set(Question.objects.values_list("category", flat=True)) == {"Listrik dasar"}


@pytest.mark.django_db
def test_a_failing_question_is_skipped_whole_while_the_others_are_imported():
    data = quiz(
        choice_question("Fine"),
        choice_question("Too many points", grade="123456789"),
        choice_question("Fraction out of range", fractions=("50", "50", "-250"), single="false"),
        choice_question("Nothing right", fractions=("0", "0")),
        choice_question("Also fine"),
    )

    report = questions_import(data=data, filename="bank.xml")

    assert [q.name for q in report.imported] == ["Fine", "Also fine"]
    reasons = dict(report.skipped)
    assert set(reasons) == {"Too many points", "Fraction out of range", "Nothing right"}
    assert reasons["Too many points"].startswith("points:")
    assert reasons["Fraction out of range"].startswith("Option 3:")
    assert reasons["Nothing right"] == "No choice is marked right."
    assert set(Question.objects.values_list("name", flat=True)) == {"Fine", "Also fine"}
    assert QuestionOption.objects.count() == 4


@pytest.mark.django_db
def test_gift_file_with_a_broken_question_imports_nothing_and_reports_every_problem():
    report = questions_import(data=sample("broken.gift.txt"), filename="broken.gift.txt")

    assert report.failed
    assert report.imported == []
    assert Question.objects.count() == 0
    assert report.errors[0][0] == "line 3"
    assert [name for name, _reason in report.skipped] == ["Description only", "Cloze"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (sample("broken.xml"), "broken.xml", "The file is not well-formed XML."),
        (b"", "empty.xml", "The file is empty."),
        (b"", "empty.gift", "The file holds no questions."),
        (b"<quiz/>", "questions.docx", "Choose a GIFT file (.gift or .txt) or a Moodle XML file (.xml)."),
        (
            b'<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><quiz>&b;</quiz>',
            "bomb.xml",
            "The file declares a document type or entities, which are refused for safety.",
        ),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing(data, filename, message):
    report = questions_import(data=data, filename=filename)

    assert report.failed
    assert [text for _where, text in report.errors] == [message]
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_files_over_the_size_limit_are_refused(settings):
    settings.KOMPETEN_QUESTION_IMPORT_MAX_BYTES = 1024 * 1024

    report = questions_import(data=b"x" * (1024 * 1024 + 1), filename="big.gift")

    assert report.failed
    assert report.errors[0][1] == "The file is larger than 1 MB."


@pytest.mark.django_db
def test_files_with_too_many_questions_import_nothing(settings):
    settings.KOMPETEN_QUESTION_IMPORT_MAX_QUESTIONS = 3

    report = questions_import(data=sample("questions.xml"), filename="questions.xml")

    assert report.failed
    assert report.errors[0][1] == "The file holds more than 3 questions; import at most 3 at a time."
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_hostile_html_is_stored_sanitised():
    gift = rb'::Hostile::[html]<p>Hi<img src=x onerror=alert(1)><script>steal()</script></p>{=<b onclick\="x">A</b> ~B}'

    report = questions_import(data=gift, filename="hostile.gift")

    question = Question.objects.get(pk=report.imported[0].pk)
    assert question.stem == "<p>Hi</p>"
    assert question.options.order_by("sort_order").first().text == "<b>A</b>"
    assert report.warnings == [("Hostile", "Images were left out: imported files are not stored.")]


@pytest.mark.django_db
def test_long_category_names_are_shortened_with_a_warning():
    report = questions_import(data=b"::Q::Ok?{T}", filename="q.gift", category="k" * 300)

    assert len(Question.objects.get().category) == 255
    assert any("255" in message for _name, message in report.warnings)


# --- the management command ------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_command_imports_a_file_and_prints_the_report():
    out = StringIO()

    call_command("import_questions", str(SAMPLES / "questions.xml"), "--category", "Listrik", stdout=out)

    assert Question.objects.filter(category="Listrik").count() == 9
    output = out.getvalue()
    assert "Isolation before work" in output and "Drag words" in output


@pytest.mark.django_db
def test_command_dry_run_changes_nothing():
    out = StringIO()

    call_command("import_questions", str(SAMPLES / "questions.gift.txt"), "--dry-run", stdout=out)

    assert Question.objects.count() == 0
    assert "APD pelindung kepala" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["broken.xml", "does-not-exist.xml"])
def test_command_fails_when_the_file_cannot_be_imported(name):
    with pytest.raises(CommandError):
        call_command("import_questions", str(SAMPLES / name), stdout=StringIO())

    assert Question.objects.count() == 0


# --- the admin view --------------------------------------------------------------------------------------------
@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def upload(name: str, data: bytes | None = None, **fields):
    return {"file": SimpleUploadedFile(name, sample(name) if data is None else data), "category": "", **fields}


def test_the_import_url_is_the_documented_one():
    assert reverse("assessments_question_import") == IMPORT_URL


def test_admin_sees_the_upload_form(admin_client):
    response = admin_client.get(IMPORT_URL)

    assert response.status_code == 200
    assert b'type="file"' in response.content
    assert b'name="dry_run"' in response.content


def test_admin_check_only_shows_the_report_and_imports_nothing(admin_client):
    response = admin_client.post(IMPORT_URL, upload("questions.xml", dry_run="on"))

    assert response.status_code == 200
    assert Question.objects.count() == 0
    report = response.context["report"]
    assert report.dry_run and len(report.imported) == 9
    assert "Isolation before work" in response.content.decode()
    assert "Drag words" in response.content.decode()


def test_admin_import_creates_the_questions_in_the_given_category(admin_client):
    response = admin_client.post(IMPORT_URL, upload("questions.gift.txt", category="Impor"))

    assert response.status_code == 200
    assert Question.objects.filter(category="Impor").count() == 11


def test_admin_upload_of_a_broken_file_shows_the_error(admin_client):
    response = admin_client.post(IMPORT_URL, upload("broken.xml"))

    assert response.status_code == 200
    report = response.context["report"]
    assert report.failed
    assert str(report.errors[0][1]) in response.content.decode()


def test_admin_upload_over_the_size_limit_is_a_form_error(admin_client, settings):
    settings.KOMPETEN_QUESTION_IMPORT_MAX_BYTES = 10

    response = admin_client.post(IMPORT_URL, upload("questions.xml"))

    assert response.context["report"] is None
    assert response.context["form"].errors["file"]
    assert Question.objects.count() == 0


def test_editors_without_the_add_permission_are_refused(client, db):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)

    # Wagtail turns the view's PermissionDenied into a message and a redirect, or a 403 for scripts
    response = client.post(IMPORT_URL, upload("questions.xml"))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert client.get(IMPORT_URL, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert Question.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_menu_item_shows_only_to_those_who_may_add_questions(admin_client, client, db):
    assert IMPORT_URL.encode() in admin_client.get("/admin/").content

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(editor)
    assert IMPORT_URL.encode() not in client.get("/admin/").content


@pytest.mark.django_db
def test_numbers_are_rounded_to_what_the_bank_stores_and_numbers_too_large_are_skipped():
    weight = "9" * 40
    gift = "::Pi::Pi to 8 places?{#3.14159265:0.0000001}\n\n::Huge::Atoms?{#1e30}"

    report = questions_import(data=gift.encode(), filename="numbers.gift")

    pi = Question.objects.get(name="Pi")
    assert (pi.numeric_answer, pi.numeric_tolerance) == (Decimal("3.141593"), Decimal("0"))
    assert ("Pi", "The answer or its tolerance was rounded to 6 decimal places.") in report.warnings
    assert [name for name, _reason in report.skipped] == ["Huge"]

    report = questions_import(data=f"::W::W?{{~%{weight}%a ~b}}\n\n::V::V?{{T}}".encode(), filename="weight.gift")

    assert report.errors == [("line 1", f"The weight “%{weight}%” is not a percentage.")]
    assert report.imported == [] and Question.objects.filter(name__in=["W", "V"]).count() == 0


def test_command_help_is_a_plain_string_for_argparse():
    from assessments.management.commands.import_questions import Command

    help_text = Command().create_parser("manage.py", "import_questions").format_help()

    assert "--dry-run" in help_text and "--category" in help_text
