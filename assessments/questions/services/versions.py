"""Question versions: an immutable snapshot is taken whenever an attempt needs a question that changed."""

from django.db import IntegrityError, transaction
from django.db.models import Max

from assessments.questions.models import Question, QuestionVersion
from assessments.questions.types import question_snapshot, snapshot_changed


@transaction.atomic
def question_versions_current(*, questions: list[Question]) -> dict[int, QuestionVersion]:
    """The current version of each question, created when its content changed since the last one.

    A constant number of queries whatever the number of questions (options are expected prefetched).
    """
    if not questions:
        return {}
    ids = [q.pk for q in questions]
    latest_numbers = dict(
        QuestionVersion.objects.filter(question_id__in=ids)
        .values("question_id")
        .annotate(n=Max("number"))
        .values_list("question_id", "n")
    )
    latest = {
        v.question_id: v
        for v in QuestionVersion.objects.filter(
            question_id__in=list(latest_numbers), number__in=set(latest_numbers.values())
        )
        if latest_numbers.get(v.question_id) == v.number
    }
    current, new = {}, []
    for question in questions:
        data = question_snapshot(question)
        previous = latest.get(question.pk)
        if previous is not None and not snapshot_changed(previous.data, data):
            current[question.pk] = previous
        else:
            new.append(QuestionVersion(question=question, number=(previous.number + 1 if previous else 1), data=data))
    if new:
        try:
            with transaction.atomic():
                created = QuestionVersion.objects.bulk_create(new)
        except IntegrityError:  # another attempt versioned the same question at the same moment: use its versions
            return question_versions_current(questions=questions)
        current.update({version.question_id: version for version in created})
    return current


def question_version_current(*, question: Question) -> QuestionVersion:
    return question_versions_current(questions=[question])[question.pk]
