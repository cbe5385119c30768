"""The Moodle XML reader (every supported type, skipped types, hostile XML) and the HTML sanitiser it relies on."""

import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from assessments.questions.importers import MOODLE_XML, drafts, parse, parse_moodle_xml
from assessments.questions.importers.sanitize import clean_html, html_to_text, sanitize_html

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def sample():
    with translation.override("en"):
        return parse(SAMPLES.joinpath("questions.xml").read_bytes(), MOODLE_XML)


def by_name(report, name):
    return next(draft for draft in report.drafts if draft.name == name)


def quiz(*questions: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><quiz>' + "".join(questions) + "</quiz>").encode()


def question(kind: str, name: str, body: str = "") -> str:
    return (
        f'<question type="{kind}"><name><text>{name}</text></name>'
        f'<questiontext format="html"><text>Text of {name}</text></questiontext>{body}</question>'
    )


# --- the sample file -------------------------------------------------------------------------------------------
def test_the_sample_file_yields_every_supported_type_and_skips_the_rest(sample):
    assert not sample.errors
    assert [(d.name, d.type) for d in sample.drafts] == [
        ("Isolation before work", drafts.SINGLE),
        ("Insulating materials", drafts.MULTIPLE),
        ("Water and electricity", drafts.TRUE_FALSE),
        ("Unit of current", drafts.SHORT),
        ("Power", drafts.NUMERIC),
        ("Symbols", drafts.MATCHING),
        ("Accident report", drafts.ESSAY),
        ("Wiring photo", drafts.FILE),
        ("Lockout steps", drafts.ORDERING),
    ]
    assert sample.skipped == [
        ("Section intro", "A description asks nothing; it is not a question."),
        ("Drag words", "The question type “ddwtos” is not supported."),
        ("Calculated power", "The question type “calculated” is not supported."),
    ]


def test_category_question_sets_the_category_of_those_that_follow(sample):
    assert {d.category for d in sample.drafts} == {"Default for K3/Listrik"}


def test_single_choice_is_sanitised_and_keeps_mark_tags_and_feedback(sample):
    draft = by_name(sample, "Isolation before work")

    assert draft.stem_html == "<p>What do you do <b>first</b> before working on a panel?</p>"
    assert draft.points == Decimal("2.00")
    assert draft.tags == ["listrik", "K3"]
    assert draft.general_feedback == "<p>Lock out, tag out.</p>"
    assert [(o.text_html, o.is_correct, o.feedback) for o in draft.options] == [
        ("<p>Isolate and lock out the supply</p>", True, "Right."),
        ("<p>Put on gloves </p>", False, "Gloves are not enough."),
        ("Start working", False, ""),
    ]
    assert draft.warnings == ["Images and embedded files were left out: imported files are not stored."]


def test_multichoice_with_single_false_is_multiple_response_with_fractions(sample):
    draft = by_name(sample, "Insulating materials")

    assert draft.partial_credit == drafts.PROPORTIONAL
    assert [(o.text_html, o.is_correct, o.fraction) for o in draft.options] == [
        ("Rubber", True, Decimal("0.5")),
        ("Glass", True, Decimal("0.5")),
        ("Copper", False, Decimal("-1")),
    ]


def test_true_false_takes_the_answer_from_the_fractions(sample):
    draft = by_name(sample, "Water and electricity")

    assert draft.true_false_answer is False
    assert draft.feedback_true == "No: impurities conduct."
    assert "impurities" not in draft.general_feedback


def test_short_answer_keeps_case_sensitivity_and_only_full_credit_answers(sample):
    draft = by_name(sample, "Unit of current")

    assert draft.case_sensitive is True
    assert [(o.text_html, o.fraction, o.feedback) for o in draft.options] == [("Ampere", None, "Yes.")]
    assert draft.warnings == ["Answers worth part of the mark were left out: an accepted answer earns all of it."]


def test_numerical_ignores_the_catch_all_answer_and_keeps_the_base_unit(sample):
    draft = by_name(sample, "Power")

    assert (draft.numeric_answer, draft.numeric_tolerance, draft.units_text) == (Decimal(920), Decimal(5), "W")
    assert draft.points == Decimal("3.00")
    assert not draft.warnings


def test_matching_keeps_a_match_without_a_question_as_a_distractor(sample):
    draft = by_name(sample, "Symbols")

    assert [(o.text_html, o.match_text) for o in draft.options] == [
        ("<p>V</p>", "Voltage"),
        ("<p>I</p>", "Current"),
        ("<p>R</p>", "Resistance"),
        ("", "Frequency"),
    ]


def test_essay_and_attachment_only_essay_as_file_upload(sample):
    essay, upload = by_name(sample, "Accident report"), by_name(sample, "Wiring photo")

    assert essay.warnings == ["The information for graders was left out."]
    assert (upload.file_extensions, upload.file_max_mb) == ("jpg,png,pdf", 5)


def test_ordering_items_follow_the_position_in_their_fraction(sample):
    draft = by_name(sample, "Lockout steps")

    assert [o.text_html for o in draft.options] == ["Notify", "Switch off", "Lock and tag", "Test for dead"]


# --- variants --------------------------------------------------------------------------------------------------
def test_single_true_with_two_full_marks_becomes_multiple_with_equal_shares():
    body = '<single>true</single><answer fraction="100"><text>a</text></answer>'
    body += '<answer fraction="100"><text>b</text></answer><answer fraction="0"><text>c</text></answer>'
    report = parse_moodle_xml(quiz(question("multichoice", "Two right", body)))

    draft = report.drafts[0]
    assert draft.type == drafts.MULTIPLE
    assert [o.fraction for o in draft.options] == [Decimal("0.5"), Decimal("0.5"), Decimal(0)]


@pytest.mark.parametrize(
    "kind", ["cloze", "multianswer", "gapselect", "ddimageortext", "ddmarker", "calculatedmulti", "randomsamatch"]
)
def test_unsupported_types_are_skipped_with_name_and_type(kind):
    report = parse_moodle_xml(quiz(question(kind, "Other kind"), question("essay", "Kept")))

    assert report.skipped == [("Other kind", f"The question type “{kind}” is not supported.")]
    assert [d.name for d in report.drafts] == ["Kept"]


def test_a_question_with_a_bad_number_is_skipped_with_the_reason():
    body = '<answer fraction="100"><text>twelve</text><tolerance>0</tolerance></answer>'
    report = parse_moodle_xml(quiz(question("numerical", "Bad number", body)))

    assert not report.drafts
    assert report.skipped[0][0] == "Bad number"
    assert "twelve" in report.skipped[0][1]


def test_a_missing_name_falls_back_to_the_text():
    report = parse_moodle_xml(
        quiz('<question type="essay"><questiontext><text>Tell us.</text></questiontext></question>')
    )

    assert report.drafts[0].name == "Tell us."


# --- broken and hostile files ----------------------------------------------------------------------------------
def test_malformed_xml_is_an_error_with_its_position():
    report = parse(SAMPLES.joinpath("broken.xml").read_bytes(), MOODLE_XML)

    assert not report.drafts
    assert report.errors == [("line 6, column 5", "The file is not well-formed XML.")]


def test_entity_expansion_bomb_is_refused_quickly():
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE quiz [{entities}]><quiz><question type="essay"><name><text>&lol9;'
    bomb += "</text></name></question></quiz>"

    started = time.monotonic()
    report = parse_moodle_xml(bomb.encode())

    assert time.monotonic() - started < 1
    assert not report.drafts
    assert "refused" in report.errors[0][1]


def test_external_entities_are_refused():
    xxe = b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    xxe += b'<quiz><question type="essay"><name><text>&xxe;</text></name></question></quiz>'

    report = parse_moodle_xml(xxe)

    assert not report.drafts
    assert "refused" in report.errors[0][1]


def test_other_xml_empty_files_and_quizzes_without_questions_are_errors():
    assert "no <quiz>" in parse_moodle_xml(b"<html><body/></html>").errors[0][1]
    assert parse_moodle_xml(b"  \n").errors == [("file", "The file is empty.")]
    assert parse_moodle_xml(b"<quiz></quiz>").errors == [("file", "The file holds no questions.")]


# --- the sanitiser ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<img src=x onerror=alert(1)>Text", "Text"),
        ('<a href="javascript:alert(1)">link</a>', "link"),
        ('<a href=" JaVaScRiPt:alert(1)">link</a>', "link"),
        ('<a href="&#106;avascript:alert(1)">link</a>', "link"),
        ('<a href="java\tscript:alert(1)">link</a>', "link"),
        ('<a href="data:text/html,<script>alert(1)</script>">link</a>', "link"),
        ('<a href="https://example.org/?a=1&amp;b=2" onclick="x()" target="_blank">ok</a>', None),
        ('<a href="mailto:guru@contoh.id">mail</a>', '<a href="mailto:guru@contoh.id">mail</a>'),
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT>alert(1)</SCRIPT>after", "after"),
        ("<style>p{color:red}</style>after", "after"),
        ('<svg onload="alert(1)"><circle/></svg>after', "after"),
        ("<svg/onload=alert(1)>never closed", ""),
        ('<iframe src="https://evil.example"></iframe>after', "after"),
        ('<object data="x"><param name="a" value="b"></object>after', "after"),
        ("<math><mi>x</mi></math>after", "after"),
        ("<B>bold</B> <STRONG>strong</STRONG> <Em>em</Em>", "<b>bold</b> <b>strong</b> <i>em</i>"),
        ('<p style="color:red" class="x" onmouseover="y()">para</p>', "<p>para</p>"),
        ("<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>"),
        ("</p></b>stray closers", "stray closers"),
        ("<ul><li>one<li>two</ul>", "<ul><li>one<li>two</li></li></ul>"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("5 &gt; 3 &amp;&amp; 2 &lt;&nbsp;4", "5 &gt; 3 &amp;&amp; 2 &lt;\xa04"),
        ("<!-- comment --><?php echo 1 ?>text", "text"),
        ('<td colspan="2" rowspan="x" style="a">c</td>', '<td colspan="2">c</td>'),
        ("<span>H<sub>2</sub>O and x<sup>2</sup></span>", "H<sub>2</sub>O and x<sup>2</sup>"),
        ("<scr<script>ipt>alert(1)</script>", "&lt;scr"),  # an unfinished tag is text
        ("<iframe>never closed <b>everything after is dropped", ""),
    ],
)
def test_sanitiser_keeps_the_allowlist_and_drops_the_rest(dirty, clean):
    result = sanitize_html(dirty)

    if clean is None:
        assert result == '<a href="https://example.org/?a=1&amp;b=2">ok</a>'
    else:
        assert result == clean
    lowered = result.lower()
    for bad in ("<script", "onerror", "onload", "onclick", "javascript:", "<svg", "<iframe", "<img", "style="):
        assert bad not in lowered


def test_sanitiser_counts_dropped_images_and_can_drop_links():
    assert clean_html('<p>a<img src="@@PLUGINFILE@@/x.png"><IMG SRC=y></p>').images_dropped == 2
    assert sanitize_html('<a href="https://example.org">text</a>', allow_links=False) == "text"


def test_sanitiser_wraps_loose_text_in_paragraphs_and_turns_blocks_into_paragraphs():
    assert sanitize_html("loose <b>text</b><ul><li>x</li></ul>tail", wrap_paragraphs=True) == (
        "<p>loose <b>text</b></p><ul><li>x</li></ul><p>tail</p>"
    )
    assert sanitize_html("<div>one</div><h2>two</h2><p>three<p>four", wrap_paragraphs=True) == (
        "<p>one</p><p>two</p><p>three</p><p>four</p>"
    )


def test_html_to_text_gives_the_visible_text_only():
    assert html_to_text("<p>Right<script>x()</script>!</p><p>Well&nbsp;done &amp;\n more</p>") == (
        "Right! Well done & more"
    )


def test_markup_written_straight_into_the_xml_is_kept_and_sanitised():
    report = parse_moodle_xml(
        quiz(
            '<question type="essay"><name><text>Raw</text></name><questiontext format="html">'
            '<text><p onclick="x()">Say <b>why</b></p><script>alert(1)</script>tail</text></questiontext></question>'
        )
    )

    assert report.drafts[0].stem_html == "<p>Say <b>why</b></p><p>tail</p>"
