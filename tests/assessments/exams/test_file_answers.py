import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.exams.services import attempts as services
from assessments.models import Attempt, Response, ResponseFile
from tests.assessments.exams.factories import enrolled, exam_create
from tests.assessments.questions.factories import example_fields, question_create
from tests.factories import UserFactory, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt():
    trainee = UserFactory()
    question = question_create(**example_fields("file"))
    question.file_extensions, question.file_max_mb = "pdf,jpg", 1
    question.save()
    exam = exam_create(questions=[question])
    enrolled(trainee, exam)
    return services.attempt_start(user=trainee, exam=exam)[0]


def _upload(client, attempt, name, content):
    url = reverse("assessments:file_upload", args=[attempt.pk, 1])
    return client.post(url, {"file-1": SimpleUploadedFile(name, content)})


def test_an_uploaded_file_becomes_the_answer_and_goes_to_an_assessor(client, attempt):
    client.force_login(attempt.user)
    assert _upload(client, attempt, "bukti.pdf", b"%PDF-1.4 bukti").status_code == 302
    stored = ResponseFile.objects.get()
    assert Response.objects.get(item__attempt=attempt).answer == {"file_id": stored.pk}
    result = services.attempt_submit(attempt=attempt)
    assert result.state == Attempt.State.SUBMITTED
    assert Response.objects.get(item__attempt=attempt).needs_manual


@pytest.mark.parametrize(("name", "content"), [("skrip.exe", b"MZ"), ("besar.pdf", b"x" * (1024 * 1024 + 1))])
def test_a_wrong_type_or_an_oversized_file_is_refused(client, attempt, name, content):
    client.force_login(attempt.user)
    response = _upload(client, attempt, name, content)
    assert response.status_code == 302
    assert not ResponseFile.objects.exists()
    assert Response.objects.get(item__attempt=attempt).answer == {}


def test_nobody_else_can_upload_or_download(client, attempt):
    client.force_login(attempt.user)
    _upload(client, attempt, "bukti.jpg", image_bytes("JPEG"))
    stored = ResponseFile.objects.get()
    assert client.get(reverse("assessments:file_download", args=[stored.pk])).status_code == 200
    client.force_login(UserFactory())
    assert _upload(client, attempt, "lain.pdf", b"%PDF-1.4 bukti").status_code == 404
    assert client.get(reverse("assessments:file_download", args=[stored.pk])).status_code == 404


def test_a_json_save_cannot_point_at_someone_elses_file(client, attempt):
    other = UserFactory()
    exam = attempt.exam
    enrolled(other, exam)
    Attempt.objects.filter(pk=attempt.pk).update(state=Attempt.State.IN_PROGRESS)
    client.force_login(attempt.user)
    _upload(client, attempt, "bukti.pdf", b"%PDF-1.4 bukti")
    stored = ResponseFile.objects.get()
    other_attempt = services.attempt_start(user=other, exam=exam)[0]
    client.force_login(other)
    body = json.dumps({"position": 1, "seq": 9, "answer": {"file_id": stored.pk}})
    response = client.post(
        reverse("assessments:response_save", args=[other_attempt.pk]), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert Response.objects.get(item__attempt=other_attempt).answer == {}
