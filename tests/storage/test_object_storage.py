"""Files in an S3-compatible object store (``KOMPETEN_S3_*``), proven against a real ``moto_server`` over HTTP.

Private files are private objects, handed out only by the permission-checked views (streamed, or by a short-lived
signed URL asking for the same ``Content-Disposition: attachment``); certificates render, sign, download, check and
pack into ZIPs; image renditions and uploads go to the bucket. With the store stopped: pages that need no file keep
working, an upload fails with a clear message and nothing half-written, and rendering retries and never issues a
certificate without its PDF.
"""

import hashlib
import io
import urllib.request
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from botocore.exceptions import EndpointConnectionError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from certificates.models import Certificate, IssueRun
from certificates.services.issuing import certificate_issue_for_enrolment
from certificates.services.pdf_check import Signature, pdf_check
from certificates.tasks import rendering as render_tasks
from kompeten_core.private_files import private_file_response, private_storage, signs_urls
from lms.security.security_headers import admin_relaxed
from lms.settings.base import object_storages, object_store_media_origin
from placement.models import JobSeekerProfile
from tests.certificates import factories as certificate_factories
from tests.certificates.support.admin import certification_staff
from tests.certificates.test_admin_bulk import _batch_with_trainees, _start
from tests.factories import image_bytes
from tests.placement import factories as placement_factories
from tests.placement.factories import PDF, cv_pdf

pytestmark = [pytest.mark.object_store, pytest.mark.django_db]
CV_UPLOAD = reverse("placement:seeker_cv_upload")
CV_MINE = reverse("placement:seeker_cv")


def _objects(server, prefix: str = "") -> dict[str, bytes]:
    client = server.client()
    listing = client.list_objects_v2(Bucket=server.bucket, Prefix=prefix).get("Contents", [])
    return {row["Key"]: client.get_object(Bucket=server.bucket, Key=row["Key"])["Body"].read() for row in listing}


@pytest.fixture
def staff_client(client):
    client.force_login(certification_staff())
    return client


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_without_a_bucket_files_stay_in_local_folders(monkeypatch):
    # Given no KOMPETEN_S3_BUCKET in the environment (the embedded default)
    monkeypatch.delenv("KOMPETEN_S3_BUCKET", raising=False)
    # Then the storages are not switched at all
    assert object_storages() == {}


def test_a_bucket_switches_media_and_private_files_and_nothing_is_made_public(monkeypatch):
    # Given a bucket, an endpoint and credentials in the environment
    for name, value in {
        "KOMPETEN_S3_BUCKET": "kompeten-batang",
        "KOMPETEN_S3_PRIVATE_BUCKET": "kompeten-batang-private",
        "KOMPETEN_S3_ENDPOINT_URL": "https://s3.example.id",
        "KOMPETEN_S3_REGION": "ap-southeast-3",
        "KOMPETEN_S3_ACCESS_KEY_ID": "key",
        "KOMPETEN_S3_SECRET_ACCESS_KEY": "secret",
    }.items():
        monkeypatch.setenv(name, value)
    # When the storages are built
    storages = object_storages()
    # Then both live in the object store, no object gets an ACL, and private URLs are always signed
    media, private = storages["default"]["OPTIONS"], storages["private"]["OPTIONS"]
    assert storages["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert (media["bucket_name"], media["location"]) == ("kompeten-batang", "media")
    assert (private["bucket_name"], private["location"]) == ("kompeten-batang-private", "private")
    assert media["default_acl"] is None and private["default_acl"] is None
    assert private["querystring_auth"] is True
    assert media["endpoint_url"] == "https://s3.example.id" and media["region_name"] == "ap-southeast-3"
    assert media["client_config"].s3 == {"addressing_style": "path"}
    assert media["client_config"].signature_version == "s3v4"
    assert media["file_overwrite"] is False


@pytest.mark.parametrize(
    ("environment", "origin"),
    [
        ({}, None),
        ({"KOMPETEN_S3_ENDPOINT_URL": "https://s3.example.id:9000"}, "https://s3.example.id:9000"),
        (
            {"KOMPETEN_S3_ENDPOINT_URL": "https://s3.example.id", "KOMPETEN_S3_ADDRESSING_STYLE": "virtual"},
            "https://kompeten-batang.s3.example.id",
        ),
        ({"KOMPETEN_S3_REGION": "ap-southeast-3"}, "https://kompeten-batang.s3.ap-southeast-3.amazonaws.com"),
        ({"KOMPETEN_S3_MEDIA_PUBLIC": "true", "KOMPETEN_S3_MEDIA_DOMAIN": "cdn.example.id"}, "https://cdn.example.id"),
    ],
    ids=["local-disk", "path-style", "virtual-host", "aws", "public-cdn"],
)
def test_the_policy_lets_pages_show_media_from_the_object_store_only(monkeypatch, environment, origin):
    # Given a bucket (or none) and how its media are addressed
    for name in ("KOMPETEN_S3_ENDPOINT_URL", "KOMPETEN_S3_ADDRESSING_STYLE", "KOMPETEN_S3_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KOMPETEN_S3_BUCKET", "kompeten-batang" if environment or origin is not None else "")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    # Then the origin the Content-Security-Policy allows for images and video is exactly where media URLs point
    assert object_store_media_origin() == origin


def test_the_admins_show_images_from_wherever_the_site_does(settings):
    # Given a site policy that allows the object store's origin for images
    policy = settings.CONTENT_SECURITY_POLICY
    directives = {**policy["DIRECTIVES"], "img-src": ["'self'", "http://127.0.0.1:9000"]}
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}
    # Then the admins' relaxed policy keeps it beside data: and blob: previews
    assert admin_relaxed()["img-src"] == ["'self'", "data:", "blob:", "http://127.0.0.1:9000"]


def test_a_private_file_is_a_private_object_streamed_as_an_attachment(object_store):
    # Given a file saved in the private storage
    storage = private_storage()
    name = storage.save("laporan/akhir.pdf", ContentFile(PDF))
    # Then it is an object under private/ that grants nobody but its owner anything
    assert signs_urls(storage)
    key = f"private/{name}"
    assert _objects(object_store, "private/") == {key: PDF}
    grants = object_store.client().get_object_acl(Bucket=object_store.bucket, Key=key)["Grants"]
    assert all(grant["Grantee"].get("Type") == "CanonicalUser" for grant in grants)
    # When the view hands it out (no signed URLs configured), then Django streams it as an attachment
    response = private_file_response(name=name, filename="laporan akhir.pdf", content_type="application/pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="laporan akhir.pdf"')
    assert response["Cache-Control"] == "private, no-store"
    assert _body(response) == PDF


def test_with_signed_urls_the_view_redirects_to_a_short_lived_url_that_keeps_the_attachment(object_store):
    # Given a private file and signed URLs of 30 seconds
    storage = private_storage()
    name = storage.save("laporan/akhir.pdf", ContentFile(PDF))
    with override_settings(KOMPETEN_PRIVATE_SIGNED_URL_SECONDS=30):
        # When the permission-checked view hands it out
        response = private_file_response(name=name, filename="laporan akhir.pdf", content_type="application/pdf")
    # Then it redirects to the object store with a URL signed for 30 seconds
    assert response.status_code == 302
    url = response["Location"]
    assert url.startswith(object_store.endpoint_url + f"/{object_store.bucket}/private/")
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["30"]
    assert query["response-content-disposition"][0].startswith("attachment;")
    # And the store sends the bytes with the same attachment header
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.read() == PDF
        assert answer.headers["Content-Disposition"].startswith("attachment;")
    # And the same address with its signature removed is refused
    unsigned = url.split("?")[0]
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(unsigned + "?X-Amz-Expires=30", timeout=10)


def test_a_cv_uploaded_through_the_site_lands_in_the_bucket_and_only_its_owner_downloads_it(object_store, client):
    # Given a job seeker
    seeker = placement_factories.seeker()
    client.force_login(seeker)
    # When they upload their CV
    assert client.post(CV_UPLOAD, {"cv_file": cv_pdf()}).status_code == 302
    # Then the PDF is an object of the private storage, and downloads back through the view
    profile = JobSeekerProfile.objects.get(user=seeker)
    assert _objects(object_store, "private/") == {f"private/{profile.cv_file.name}": PDF}
    assert _body(client.get(CV_MINE)) == PDF
    # And somebody else gets nothing
    client.force_login(placement_factories.seeker())
    assert client.get(CV_MINE).status_code == 404


def test_a_certificate_renders_into_the_bucket_downloads_and_checks(
    object_store, client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a trainee who completed a course
    enrolment = certificate_factories.completed_enrolment()
    # When the certificate is issued and rendered (the worker's task, run here)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    certificate.refresh_from_db()
    # Then the signed PDF is an object of the private storage, with the hash the certificate records
    assert certificate.rendered_at is not None
    stored = _objects(object_store, "private/")[f"private/{certificate.pdf.name}"]
    assert hashlib.sha256(stored).hexdigest() == certificate.pdf_sha256
    # And the holder downloads exactly those bytes, which the public PDF check finds signed by the issuer
    client.force_login(certificate.holder)
    body = _body(client.get(reverse("certificates:download", args=[certificate.pk])))
    assert body == stored
    check = pdf_check(data=body)
    assert check.certificate == certificate
    assert check.signature == Signature.INTACT


def test_the_zip_of_a_batch_is_packed_from_and_stored_in_the_bucket(
    object_store, staff_client, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a batch whose two trainees hold certificates rendered into the bucket
    batch = _batch_with_trainees(completed=2)
    with django_capture_on_commit_callbacks(execute=True):
        _start(staff_client, {"action": "issue", "batch": batch.pk})
    # When the ZIP of the batch is made
    with django_capture_on_commit_callbacks(execute=True):
        _start(staff_client, {"action": "zip", "batch": batch.pk})
    run = IssueRun.objects.get(action=IssueRun.Action.ZIP)
    # Then the ZIP is an object of the private storage holding both PDFs, and downloads through the view
    assert f"private/{run.file.name}" in _objects(object_store, "private/")
    download = staff_client.get(reverse("certificates_run:zip", args=[run.pk]))
    archive = zipfile.ZipFile(io.BytesIO(_body(download)))
    assert len(archive.namelist()) == 2
    assert all(archive.read(name).startswith(b"%PDF-") for name in archive.namelist())


def test_an_image_and_its_rendition_are_objects_of_the_media_storage(object_store):
    # Given an image uploaded to the media library
    image = get_image_model().objects.create(
        title="Bengkel las",
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(image_bytes(size=(40, 30))), name="bengkel.png"),
    )
    # When a rendition is made (Wagtail reads the original from the store and writes the rendition back)
    rendition = image.get_rendition("fill-20x20")
    # Then both are objects under media/, and the rendition's URL is signed (the media bucket is not public)
    keys = set(_objects(object_store, "media/"))
    assert f"media/{image.file.name}" in keys
    assert f"media/{rendition.file.name}" in keys
    assert (rendition.width, rendition.height) == (20, 20)
    assert "X-Amz-Signature=" in rendition.url
    assert default_storage.exists(rendition.file.name)


def test_with_the_store_stopped_pages_work_uploads_fail_cleanly_and_nothing_is_half_written(object_store, client):
    # Given a job seeker whose first CV is in the bucket
    seeker = placement_factories.seeker()
    client.force_login(seeker)
    client.post(CV_UPLOAD, {"cv_file": cv_pdf()})
    first = JobSeekerProfile.objects.get(user=seeker).cv_file.name
    # When the object store stops
    object_store.stop()
    # Then a page that needs no file still works
    assert client.get(reverse("placement:seeker_profile")).status_code == 200
    # And a new upload fails with a clear, translated message (503, try again), not a server error
    response = client.post(CV_UPLOAD, {"cv_file": cv_pdf()}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Nothing was saved" in response.content.decode() or "Tidak ada yang disimpan" in response.content.decode()
    # And nothing was half-written: the profile still names the first CV
    assert JobSeekerProfile.objects.get(user=seeker).cv_file.name == first
    # And a download answers 503 as well
    assert client.get(CV_MINE).status_code == 503


def test_with_the_store_stopped_rendering_retries_and_no_certificate_goes_without_its_pdf(
    object_store, tasks_run_in_process, django_capture_on_commit_callbacks
):
    # Given a certificate issued while the object store is down
    enrolment = certificate_factories.completed_enrolment()
    object_store.stop()
    conf = render_tasks.certificate_render.app.conf
    propagates, conf.task_eager_propagates = conf.task_eager_propagates, False
    try:
        with override_settings(KOMPETEN_RENDER_MAX_RETRIES=1), django_capture_on_commit_callbacks(execute=True):
            certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
        # When the render task runs (and retries): it fails with the store's error
        result = render_tasks.certificate_render.apply(kwargs={"certificate_id": certificate.pk}, throw=False)
    finally:
        conf.task_eager_propagates = propagates
    assert result.failed()
    assert isinstance(result.result, EndpointConnectionError)
    # Then the certificate is not rendered: no PDF, no hash, nothing to download
    certificate.refresh_from_db()
    assert (certificate.rendered_at, certificate.pdf.name, certificate.pdf_sha256) == (None, "", "")
    # When the store is back (an empty store: the same bucket made again) and the task runs again
    object_store.start()
    object_store.create_bucket(object_store.bucket)
    assert render_tasks.certificate_render.apply(kwargs={"certificate_id": certificate.pk}).get() is True
    # Then the certificate has its PDF, in the bucket
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None
    assert f"private/{certificate.pdf.name}" in _objects(object_store, "private/")
    assert isinstance(Certificate.objects.get(pk=certificate.pk).pdf.storage, type(private_storage()))
