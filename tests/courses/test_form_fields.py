"""Fields that choose records by id refuse a value that is not an id before querying (a 40-digit number overflowed
SQLite's integer: a 500)."""

import json

import pytest
from django.contrib.auth.models import Group

from courses.form_fields import CheckedDraftailRichTextArea, IdModelChoiceField, IdModelMultipleChoiceField

pytestmark = pytest.mark.django_db

HUGE = "9" * 40


@pytest.mark.parametrize("value", [HUGE, "-1", "1.5", "abc", "\uff11"])
def test_a_single_choice_that_is_not_an_id_is_an_invalid_choice(value):
    # Given a field choosing among groups
    field = IdModelChoiceField(queryset=Group.objects.all())
    # When a value that is not an id is posted, then it is refused as an invalid choice, without a server error
    with pytest.raises(Exception) as refused:
        field.clean(value)
    assert getattr(refused.value, "code", "") == "invalid_choice"


def test_a_multiple_choice_with_one_value_that_is_not_an_id_is_refused():
    group = Group.objects.create(name="A")
    field = IdModelMultipleChoiceField(queryset=Group.objects.all())
    with pytest.raises(Exception) as refused:
        field.clean([str(group.pk), HUGE])
    assert getattr(refused.value, "code", "") == "invalid_choice"


def test_real_ids_are_still_chosen():
    group = Group.objects.create(name="A")
    assert IdModelChoiceField(queryset=Group.objects.all()).clean(str(group.pk)) == group
    assert list(IdModelMultipleChoiceField(queryset=Group.objects.all()).clean([str(group.pk)])) == [group]


@pytest.mark.parametrize("posted", ["not json", "1", "[]", '{"blocks": 5}', "[" * 5000 + "]" * 5000])
def test_draftail_reads_a_posted_value_that_is_not_its_json_as_empty(posted):
    widget = CheckedDraftailRichTextArea()
    assert widget.value_from_datadict({"body": posted}, {}, "body") is None


def test_draftail_still_reads_its_own_json():
    widget = CheckedDraftailRichTextArea()
    block = {"key": "a", "type": "unstyled", "text": "Halo", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    contentstate = json.dumps({"blocks": [block], "entityMap": {}})
    assert "Halo" in widget.value_from_datadict({"body": contentstate}, {}, "body")
