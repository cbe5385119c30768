"""The GIFT reader: every supported question type, Moodle's syntax details, and broken input."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from assessments.questions.importers import GIFT, drafts, parse, parse_gift

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def only_draft(text: str) -> drafts.QuestionDraft:
    report = parse_gift(text)
    assert not report.errors, report.errors
    assert not report.skipped, report.skipped
    assert len(report.drafts) == 1
    return report.drafts[0]


@pytest.fixture(scope="module")
def sample():
    with translation.override("en"):
        report = parse(SAMPLES.joinpath("questions.gift.txt").read_bytes(), GIFT)
    return report


def by_name(report, name):
    return next(draft for draft in report.drafts if draft.name == name)


def test_the_sample_file_yields_every_supported_type(sample):
    assert not sample.errors and not sample.skipped
    assert {draft.type for draft in sample.drafts} == {
        drafts.SINGLE,
        drafts.MULTIPLE,
        drafts.TRUE_FALSE,
        drafts.SHORT,
        drafts.NUMERIC,
        drafts.MATCHING,
        drafts.ESSAY,
    }
    assert len(sample.drafts) == 11


def test_category_lines_set_the_category_without_the_moodle_context_prefix(sample):
    assert {draft.category for draft in sample.drafts} == {"K3 Dasar"}


def test_single_choice_keeps_choices_in_order_with_their_feedback(sample):
    draft = by_name(sample, "APD pelindung kepala")

    assert draft.type == drafts.SINGLE
    assert draft.stem_html == "<p>Which equipment protects the head on a construction site?</p>"
    assert [(o.text_html, o.is_correct, o.fraction) for o in draft.options] == [
        ("Safety helmet", True, None),
        ("Safety shoes", False, None),
        ("Ear muffs", False, None),
    ]
    assert draft.options[0].feedback == "Right: a helmet protects the head."
    assert draft.location == "line 4"


def test_weights_make_a_multiple_response_question_with_fractions_and_general_feedback(sample):
    draft = by_name(sample, "Fire triangle")

    assert draft.type == drafts.MULTIPLE
    assert draft.partial_credit == drafts.PROPORTIONAL
    assert draft.stem_html == "<p>Which are sides of the <b>fire triangle</b>?</p>"
    assert [(o.text_html, o.is_correct, o.fraction) for o in draft.options] == [
        ("Heat", True, Decimal("0.5")),
        ("Oxygen", True, Decimal("0.5")),
        ("Water", False, Decimal("-1")),
    ]
    assert draft.options[2].feedback == "Water puts a fire out."
    assert draft.general_feedback == "<p>The fire triangle is heat, fuel and oxygen.</p>"


def test_true_false_feedback_for_wrong_and_right_is_kept_for_each_answer(sample):
    draft = by_name(sample, "Circuit breaker")

    assert draft.type == drafts.TRUE_FALSE
    assert draft.true_false_answer is True
    assert (draft.feedback_true, draft.feedback_false) == ("Yes, that is its job.", "Think again.")
    assert "Think again." not in draft.general_feedback


def test_missing_word_short_answer_leaves_a_blank_in_the_stem(sample):
    draft = by_name(sample, "Ohm's law unit")

    assert draft.type == drafts.SHORT
    assert draft.stem_html == "<p>The unit of electrical resistance is the _____.</p>"
    assert [(o.text_html, o.fraction) for o in draft.options] == [("ohm", None), ("Ω", None)]
    assert draft.warnings == ["Answers worth part of the mark were left out: an accepted answer earns all of it."]


def test_numeric_answers_with_tolerance_range_and_several_answers(sample):
    voltage, number_range, born = (by_name(sample, n) for n in ("Voltage", "Range", "Two numeric answers"))

    assert (voltage.type, voltage.numeric_answer, voltage.numeric_tolerance) == ("numeric", Decimal(6), Decimal("0.1"))
    assert (number_range.numeric_answer, number_range.numeric_tolerance) == (Decimal("1.5"), Decimal("0.5"))
    assert (born.numeric_answer, born.numeric_tolerance) == (Decimal(1889), Decimal(0))
    assert born.warnings  # the half-credit answer was left out


def test_matching_pairs(sample):
    draft = by_name(sample, "Colours of wires")

    assert draft.type == drafts.MATCHING
    assert [(o.text_html, o.match_text) for o in draft.options] == [
        ("Brown", "Live"),
        ("Blue", "Neutral"),
        ("Green and yellow", "Earth"),
    ]


def test_an_empty_answer_block_is_an_essay_and_escapes_are_read(sample):
    essay = by_name(sample, "Explain PPE")
    escapes = by_name(sample, "Escapes: 50% off")

    assert essay.type == drafts.ESSAY
    assert essay.stem_html == "<p>Explain in your own words why {PPE} matters: give two reasons.</p>"
    assert escapes.type == drafts.TRUE_FALSE and escapes.true_false_answer is True
    assert escapes.stem_html == "<p>Is 2 = 2 # true?</p>"


def test_markdown_format_gets_bold_and_italic(sample):
    assert by_name(sample, "Markdown").stem_html == "<p>Is <b>this</b> bold and <i>this</i> italic?</p>"


def test_every_escape_including_backslash_and_newline():
    draft = only_draft(r"::E::a \~ b \= c \# d \{ e \} f \: g \\ h\ni{}")

    assert draft.stem_html == "<p>a ~ b = c # d { e } f : g \\ h<br/>i</p>"


def test_plain_format_is_escaped_and_html_format_is_sanitised():
    plain = only_draft("[plain]<b>not bold</b> & more{T}")
    html = only_draft('[html]<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x">there</a></p>{F}')

    assert plain.stem_html == "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; more</p>"
    assert html.stem_html == "<p>Hi there</p>"
    assert html.true_false_answer is False


def test_moodle_format_turns_line_breaks_into_br_and_answers_inherit_the_format():
    draft = only_draft("::M::[plain]First line\nsecond <line>{=<yes> ~no}")

    assert draft.stem_html == "<p>First line<br/>second &lt;line&gt;</p>"
    assert draft.options[0].text_html == "&lt;yes&gt;"


def test_without_a_name_the_start_of_the_text_names_the_question():
    draft = only_draft("What is the colour of the earth wire? {=green-yellow ~blue}")

    assert draft.name == "What is the colour of the earth wire?"


def test_comment_lines_inside_a_question_do_not_split_it_and_windows_line_endings_are_fine():
    report = parse(
        "\ufeff// header\r\n::A::First{\r\n// a comment\r\n=yes\r\n~no}\r\n\r\n::B::Second{T}\r\n".encode(), GIFT
    )

    assert [d.name for d in report.drafts] == ["A", "B"]
    assert [o.text_html for o in report.drafts[0].options] == ["yes", "no"]


def test_a_question_right_under_a_category_line_is_still_read():
    report = parse_gift("$CATEGORY: $course$/top/Alat\n::Tool::Is a hammer a tool?{T}")

    assert [(d.name, d.category) for d in report.drafts] == [("Tool", "Alat")]


def test_two_right_answers_make_multiple_response_with_equal_shares():
    draft = only_draft("Which are primary colours? {=red =blue ~green}")

    assert draft.type == drafts.MULTIPLE
    assert [o.fraction for o in draft.options] == [Decimal("0.5"), Decimal("0.5"), Decimal(0)]
    assert draft.warnings


def test_weights_without_an_equals_sign_are_multiple_response_even_with_one_right_answer():
    draft = only_draft("Pick the metal. {~%100%iron ~wood ~glass}")

    assert draft.type == drafts.MULTIPLE
    assert [o.is_correct for o in draft.options] == [True, False, False]


def test_a_single_choice_with_a_penalty_stays_single_without_fractions():
    draft = only_draft("Pick one. {=right ~%-50%wrong ~other}")

    assert draft.type == drafts.SINGLE
    assert [o.fraction for o in draft.options] == [None, None, None]
    assert draft.warnings


def test_the_broken_sample_reads_the_good_question_and_reports_the_rest():
    report = parse_gift(SAMPLES.joinpath("broken.gift.txt").read_text())

    assert [d.name for d in report.drafts] == ["Good one"]
    assert report.errors == [("line 3", "A “{” has no matching “}” (an answer block cannot contain a blank line).")]
    assert [name for name, _reason in report.skipped] == ["Description only", "Cloze"]


def test_a_file_with_an_error_yields_no_drafts_so_that_an_import_is_all_or_nothing():
    report = parse(SAMPLES.joinpath("broken.gift.txt").read_bytes(), GIFT)

    assert report.drafts == []
    assert report.errors == [("line 3", "A “{” has no matching “}” (an answer block cannot contain a blank line).")]
    assert [name for name, _reason in report.skipped] == ["Description only", "Cloze"]


@pytest.mark.parametrize(
    "text",
    [
        "Closing only } here",
        "Nested {=a {b}",
        "Backwards } and {",
        "::C::One choice{~only}",
        "::M::Matching without arrows{=a -> 1 =b}",
        "::N::Not a number{#abc}",
        "::R::Not a range{#1..x}",
    ],
)
def test_unreadable_blocks_are_errors(text):
    report = parse_gift(text)

    assert not report.drafts
    assert len(report.errors) == 1


def test_an_empty_file_or_only_comments_holds_no_questions():
    assert parse_gift("").errors == [("file", "The file holds no questions.")]
    assert parse_gift("// nothing\n\n// here\n").errors == [("file", "The file holds no questions.")]


def test_a_file_that_is_not_utf8_is_refused():
    report = parse("::Q::Café{T}".encode("latin-1"), GIFT)

    assert not report.drafts
    assert "UTF-8" in report.errors[0][1]


def test_draft_types_are_the_question_types_of_the_model():
    from assessments.models import Question

    assert set(drafts.TYPES) == set(Question.Type.values)
    assert {drafts.ALL_OR_NOTHING, drafts.PROPORTIONAL} == set(Question.PartialCredit.values)


def test_tags_in_comments_tag_the_question_and_general_feedback_works_for_essays():
    report = parse_gift(
        "// [id:Q1] [tag:k3] [tag:Listrik  dasar]\n::E::Explain lockout.{####Isolate, lock, tag, test.}"
    )

    draft = report.drafts[0]
    assert draft.tags == ["k3", "Listrik dasar"]
    assert (draft.type, draft.general_feedback) == (drafts.ESSAY, "<p>Isolate, lock, tag, test.</p>")


def test_a_matching_pair_without_an_item_is_a_distractor():
    draft = only_draft("::M::Match.{=a -> 1 =b -> 2 = -> 3}")

    assert [(o.text_html, o.match_text) for o in draft.options] == [("a", "1"), ("b", "2"), ("", "3")]
