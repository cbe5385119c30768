"""Hostile Moodle XML files: entity expansion, external entities and DTD fetching are refused by ``defusedxml``
with a clean error and nothing created; random bytes, random text and the sample mutated at random never make the
reader raise; deep nesting, unknown encodings and huge counts are refused or read fast."""

import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given

from assessments.models import Question
from assessments.questions.importers import MOODLE_XML, ParseReport, QuestionFileInvalid, parse, parse_moodle_xml
from assessments.questions.services.imports import questions_import
from tests.hardening.mutations import mutated, random_bytes, random_text

SAMPLE = (Path(__file__).parent.parent / "assessments" / "questions" / "samples" / "questions.xml").read_bytes()
REFUSED = "The file declares a document type or entities, which are refused for safety."
ESSAY = b"<question type='essay'><name><text>E</text></name><questiontext><text>%s</text></questiontext></question>"

BILLION_LAUGHS = (
    b"""<?xml version="1.0"?>
<!DOCTYPE quiz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz>"""
    + (ESSAY % b"&lol9;")
    + b"</quiz>"
)
QUADRATIC_BLOWUP = (
    b'<!DOCTYPE quiz [<!ENTITY a "' + b"x" * 50_000 + b'">]><quiz>' + (ESSAY % (b"&a;" * 50_000)) + b"</quiz>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>'
    + (ESSAY % b"&x;")
    + b"</quiz>"
)
PARAMETER_ENTITY = b'<!DOCTYPE quiz [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><quiz>' + ESSAY % b"x" + b"</quiz>"


def then_the_report_is_clean(report: ParseReport) -> None:
    assert isinstance(report, ParseReport)
    for location, message in report.errors:
        assert str(location) and str(message)
    if report.errors:
        assert report.drafts == [], "a file with an error must import nothing"


# --- entities and document types ------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, QUADRATIC_BLOWUP, EXTERNAL_ENTITY, PARAMETER_ENTITY],
    ids=["billion-laughs", "quadratic-blowup", "external-entity", "parameter-entity"],
)
def test_entities_are_refused_with_a_clean_error_and_nothing_is_created(data):
    started = time.monotonic()

    report = questions_import(data=data, filename="hostile.xml")  # when

    assert report.failed and report.errors == [("file", REFUSED)]
    assert Question.objects.count() == 0
    assert "root:" not in repr(report)  # nothing of /etc/passwd was read
    assert time.monotonic() - started < 2


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # the name http.server calls
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "fetched">')

    def log_message(self, *args):
        pass


@pytest.fixture
def dtd_server():
    """A local HTTP server that records every request: a parser that fetched a DTD would show up here."""
    _Recorder.requests = []
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.requests
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "template",
    [
        b'<!DOCTYPE quiz SYSTEM "%s/quiz.dtd"><quiz>' + ESSAY % b"&x;" + b"</quiz>",
        b'<!DOCTYPE quiz PUBLIC "-//K//DTD//EN" "%s/quiz.dtd"><quiz>' + ESSAY % b"x" + b"</quiz>",
        b'<!DOCTYPE quiz [<!ENTITY % p SYSTEM "%s/p.dtd"> %p;]><quiz>' + ESSAY % b"x" + b"</quiz>",
        b'<!DOCTYPE quiz [<!ENTITY x SYSTEM "%s/x.txt">]><quiz>' + ESSAY % b"&x;" + b"</quiz>",
    ],
    ids=["system-dtd", "public-dtd", "parameter-entity-dtd", "external-entity-url"],
)
def test_a_file_that_would_fetch_a_dtd_is_refused_and_fetches_nothing(dtd_server, template):
    url, requests = dtd_server
    data = template.replace(b"%s", url.encode())

    report = questions_import(data=data, filename="fetch.xml")  # when

    assert report.failed and report.errors == [("file", REFUSED)]
    assert requests == []
    assert Question.objects.count() == 0


def test_xinclude_is_not_processed():
    data = (
        b'<quiz xmlns:xi="http://www.w3.org/2001/XInclude">'
        + ESSAY % b'<xi:include href="file:///etc/passwd" parse="text"/>'
        + b"</quiz>"
    )

    report = parse(data, MOODLE_XML)

    then_the_report_is_clean(report)
    assert "root:" not in repr(report)


# --- structure, encodings, counts ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "location", "message"),
    [
        (
            b"<quiz>" + ESSAY % (b"<b>" * 5_000 + b"x" + b"</b>" * 5_000) + b"</quiz>",
            "file",
            "The elements of the file are nested more than 64 deep.",
        ),
        (
            b"<?xml version='1.0' encoding='x-unknown'?><quiz/>",
            "file",
            "The file declares an encoding that cannot be read; save it as UTF-8.",
        ),
        (b"<quiz>\x00</quiz>", "line 1, column 7", "The file is not well-formed XML."),
        (b"<quiz>\xff\xfe</quiz>", "line 1, column 7", "The file is not well-formed XML."),
        (b"<quiz><question>", "line 1, column 17", "The file is not well-formed XML."),
        (
            b"<quiz><question type='multichoice'><questiontext><text>q</text></questiontext>"
            + b"<answer fraction='0'><text>a</text></answer>" * 101
            + b"</question></quiz>",
            "question 1",
            "The question has more than 100 answers, pairs or tags.",
        ),
        (
            b"<quiz><question type='truefalse'><questiontext><text>q</text></questiontext>"
            b"<defaultgrade>1e999999999</defaultgrade><answer fraction='100'><text>true</text></answer>"
            b"<answer fraction='0'><text>false</text></answer></question>" + ESSAY % b"x" + b"</quiz>",
            None,
            None,
        ),
    ],
    ids=["deep", "unknown-encoding", "nul", "bad-bytes", "unclosed", "many-answers", "huge-number"],
)
def test_hostile_structure_is_an_error_that_says_where(data, location, message):
    report = parse(data, MOODLE_XML)

    then_the_report_is_clean(report)
    if message is None:  # the question with the impossible mark is skipped, with a reason; the essay is read
        assert [draft.name for draft in report.drafts] == ["E"] and len(report.skipped) == 1
    else:
        assert report.errors == [(location, message)]


def test_a_utf16_file_with_its_byte_order_mark_is_read():
    data = ("<?xml version='1.0' encoding='UTF-16'?><quiz>" + (ESSAY % b"Apa?").decode() + "</quiz>").encode("utf-16")

    report = parse(data, MOODLE_XML)

    assert [draft.stem_html for draft in report.drafts] == ["<p>Apa?</p>"]


def test_more_questions_than_the_limit_are_refused_before_they_are_read(settings):
    settings.KOMPETEN_QUESTION_IMPORT_MAX_QUESTIONS = 3

    report = parse(b"<quiz>" + ESSAY % b"x" * 4 + b"</quiz>", MOODLE_XML)

    assert report.errors == [("file", "The file holds more than 3 questions; import at most 3 at a time.")]


@pytest.mark.parametrize(
    "text",
    [b"&lt;a b='" * 30_000, b"&lt;!--" * 40_000, b"&lt;a" * 40_000, b"&lt;a href=&quot;x&quot;" * 20_000],
    ids=["unclosed-attributes", "unclosed-comments", "unclosed-tags", "quoted-chains"],
)
def test_markup_that_makes_the_html_parser_quadratic_is_read_fast(text):
    started = time.monotonic()

    report = parse(b"<quiz>" + ESSAY % text + b"</quiz>", MOODLE_XML)

    then_the_report_is_clean(report)
    assert time.monotonic() - started < 3


# --- property-based ----------------------------------------------------------------------------------------------
@given(data=random_bytes)
def test_random_bytes_give_a_report_never_an_exception(data):
    then_the_report_is_clean(parse(data, MOODLE_XML))


@given(data=random_text)
def test_random_text_gives_a_report_never_an_exception(data):
    then_the_report_is_clean(parse(data, MOODLE_XML))


@given(data=mutated(SAMPLE))
def test_a_mutated_sample_gives_a_report_never_an_exception(data):
    then_the_report_is_clean(parse(data, MOODLE_XML))


@given(data=mutated(SAMPLE))
def test_the_reader_raises_only_its_clean_error(data):
    try:
        report = parse_moodle_xml(data)  # when
    except QuestionFileInvalid as refused:  # then: only the project's validation error, with a message
        assert refused.messages
        return
    assert isinstance(report, ParseReport)


@pytest.mark.django_db
@given(data=mutated(SAMPLE, max_mutations=4))
def test_an_import_of_a_mutated_file_is_all_or_nothing(data):
    before = Question.objects.count()

    report = questions_import(data=data, filename="mutated.xml")  # when

    if report.errors:
        assert report.imported == [] and Question.objects.count() == before
    else:
        assert Question.objects.count() == before + len(report.imported)


# --- the admin upload ------------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, REFUSED),
        (EXTERNAL_ENTITY, REFUSED),
        (b"<quiz>" + ESSAY % (b"<b>" * 200 + b"</b>" * 200) + b"</quiz>", "nested more than 64 deep"),
        (b"<quiz><question>", "The file is not well-formed XML."),
    ],
    ids=["billion-laughs", "external-entity", "deep", "broken"],
)
def test_the_admin_upload_of_a_hostile_file_shows_the_error_and_imports_nothing(admin_client, data, message):
    upload = SimpleUploadedFile("hostile.xml", data)

    response = admin_client.post(reverse("assessments_question_import"), {"file": upload})  # when

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Nothing was imported" in page
    assert Question.objects.count() == 0
