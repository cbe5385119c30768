"""WeasyPrint reads nothing but the project's own files: no file: URLs, no network, whatever the input."""

import http.server
import threading

import pytest

from certificates.services.design import certificate_context
from certificates.services.issuing import certificate_issue_for_enrolment
from certificates.services.rendering import _fetcher_class, certificate_html, html_to_pdf
from tests.certificates import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def listener():
    """A real HTTP server on localhost that counts every request it receives."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def test_raw_html_with_file_and_network_urls_fetches_nothing(listener):
    # Given HTML that asks for a local file, a network image, a stylesheet and a font
    base, hits = listener
    html = f"""<html><head><link rel="stylesheet" href="{base}/style.css">
      <style>@font-face {{ font-family: x; src: url({base}/font.woff); }} body {{ font-family: x; }}</style></head>
      <body><img src="file:///etc/passwd"><img src="{base}/tracker.png"><img src="kompeten://media/../../etc/passwd">
      <object data="file:///etc/hostname"></object><p>Halo</p></body></html>"""
    fetcher = _fetcher_class()()
    # When it is rendered through the project's fetcher
    pdf = html_to_pdf(html, fetcher=fetcher)
    # Then a PDF comes out, the server saw no request and every URL was refused
    assert pdf.startswith(b"%PDF-")
    assert hits == []
    assert any(url.startswith("file:///etc/passwd") for url in fetcher.refused)
    assert any(url.startswith(base) for url in fetcher.refused)
    assert any("../" in url for url in fetcher.refused)


def test_a_hostile_name_and_template_are_printed_as_text(listener, tasks_run_in_process):
    # Given a trainee whose name and a template whose wording carry image tags
    base, hits = listener
    hostile = f'<img src="file:///etc/passwd"><img src="{base}/x.png">'
    template = factories.template_create(statement_id=hostile, title_en=f'<link rel=stylesheet href="{base}/a.css">')
    enrolment = factories.completed_enrolment(
        user=factories.trainee_create(full_name=f"Budi {hostile}"), template=template
    )
    certificate = certificate_issue_for_enrolment(enrolment_id=enrolment.pk)
    # When its page is built and rendered
    html = certificate_html(certificate_context(certificate=certificate))
    fetcher = _fetcher_class()()
    html_to_pdf(html, fetcher=fetcher)
    # Then the tags are escaped text, nothing was fetched or even asked for
    assert "<img src=&quot;file" not in html and '<img src="file' not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert hits == []
    assert fetcher.refused == []
