"""HTML → PDF with WeasyPrint (no network, no local files but the project's own), then a PAdES signature.

The fetcher only opens ``kompeten://media/<name>`` (the project's file storage) and ``kompeten://static/<path>``
(its static files); every other URL — ``file:``, ``http(s):``, ``data:`` — is refused, so a hostile name or
template can make WeasyPrint read nothing.

WeasyPrint and pyHanko are imported inside the functions that use them, on purpose: importing them costs about 3 s
and 0.8 s (``python -X importtime -c "import weasyprint"``, ``… "import pyhanko.sign"``), which every process that
loads this module (each web worker, the admin) would otherwise pay before it renders anything.
"""

import functools
import hashlib
import io
import logging
import posixpath

from asn1crypto import keys as asn1_keys
from asn1crypto import pem, x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from certificates.keys import issuer_keys
from certificates.models import Certificate
from certificates.services.design import certificate_context, preview_context

logger = logging.getLogger(__name__)

MEDIA_PREFIX = "kompeten://media/"
STATIC_PREFIX = "kompeten://static/"
TEMPLATE = "certificates/pdf/certificate.html"
#: The visible signature box, in PDF points from the bottom-left corner of the first page (A4 landscape).
SIGNATURE_BOX = (585, 40, 805, 88)


def _safe_name(name: str) -> str | None:
    name = name.split("?")[0].split("#")[0]
    normal = posixpath.normpath(name)
    if not name or normal.startswith(("/", "..")) or "\\" in name or "\x00" in name or normal != name:
        return None
    return normal


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415 - loaded lazily, see the module docstring

    class ProjectFilesFetcher(URLFetcher):
        """Opens the project's own media and static files; refuses everything else and records it."""

        def __init__(self):
            super().__init__(allowed_protocols=["kompeten"])
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if url.startswith(MEDIA_PREFIX) and (name := _safe_name(url[len(MEDIA_PREFIX) :])):
                with default_storage.open(name, "rb") as handle:
                    return URLFetcherResponse(url, handle.read())
            if url.startswith(STATIC_PREFIX) and (name := _safe_name(url[len(STATIC_PREFIX) :])):
                path = finders.find(name)
                if path:
                    with open(path, "rb") as handle:
                        return URLFetcherResponse(url, handle.read())
            self.refused.append(url[:200])
            raise ValueError(f"resource refused: {url[:80]}")

    return ProjectFilesFetcher


@functools.cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration  # noqa: PLC0415 - loaded lazily, see the module docstring

    return FontConfiguration()


def html_to_pdf(html: str, *, fetcher=None) -> bytes:
    """Render HTML with WeasyPrint through the restricted fetcher (reusing one font configuration)."""
    import weasyprint  # noqa: PLC0415 - loaded lazily, see the module docstring

    fetcher = fetcher or _fetcher_class()()
    document = weasyprint.HTML(string=html, base_url=MEDIA_PREFIX, url_fetcher=fetcher)
    return document.write_pdf(font_config=_font_config())


def certificate_html(context: dict, *, for_pdf: bool = True) -> str:
    language = "id"
    with translation.override(language):
        return render_to_string(
            TEMPLATE, {**context, "asset_base": MEDIA_PREFIX if for_pdf else settings.MEDIA_URL, "for_pdf": for_pdf}
        )


@functools.lru_cache(maxsize=32)
def _signer(key_pem: bytes, cert_pem: bytes):
    from pyhanko.sign import signers  # noqa: PLC0415 - loaded lazily, see the module docstring
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: PLC0415 - loaded lazily, see the module docstring

    key = serialization.load_pem_private_key(key_pem, password=None)
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _, _, der_cert = pem.unarmor(cert_pem)
    certificate = x509.Certificate.load(der_cert)
    return signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )


def sign_pdf(pdf: bytes, *, keys, signer_name: str, location: str = "") -> bytes:
    """Sign the PDF (PAdES baseline B) with a visible signature box on the first page."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: PLC0415 - loaded lazily, see the module docstring
    from pyhanko.sign import fields, signers  # noqa: PLC0415 - loaded lazily, see the module docstring
    from pyhanko.stamp import TextStampStyle  # noqa: PLC0415 - loaded lazily, see the module docstring

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name="KompetenSignature",
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason="Sertifikat diterbitkan / Certificate issued",
        location=location or None,
        name=signer_name,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=_signer(keys.signing_key_pem, keys.signing_cert_pem),
        stamp_style=TextStampStyle(
            stamp_text="Ditandatangani secara elektronik / Digitally signed\n%(signer)s\n%(ts)s", border_width=1
        ),
        new_field_spec=fields.SigFieldSpec(sig_field_name="KompetenSignature", on_page=0, box=SIGNATURE_BOX),
    )
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out, bytes_reserved=16384)
    return out.getvalue()


def certificate_pdf(*, certificate) -> bytes:
    """The signed PDF of an issued certificate, from its frozen snapshot only."""
    html = certificate_html(certificate_context(certificate=certificate))
    pdf = html_to_pdf(html)
    issuer = certificate.issuer
    return sign_pdf(pdf, keys=issuer_keys(issuer), signer_name=issuer.name, location=issuer.address.split("\n")[0])


def certificate_render(*, certificate_id: int) -> bool:
    """Render, sign and store the PDF once. Running it again (or twice at once) changes nothing."""
    certificate = Certificate.objects.select_related("issuer").filter(pk=certificate_id).first()
    if certificate is None or certificate.rendered_at is not None:
        return False
    pdf = certificate_pdf(certificate=certificate)
    field = Certificate._meta.get_field("pdf")
    storage = field.storage
    name = storage.save(field.generate_filename(certificate, "certificate.pdf"), ContentFile(pdf))
    won = Certificate.objects.filter(pk=certificate.pk, rendered_at__isnull=True).update(
        pdf=name, pdf_sha256=hashlib.sha256(pdf).hexdigest(), rendered_at=timezone.now()
    )
    if not won:  # another run stored it first: keep theirs
        storage.delete(name)
        return False
    return True


def template_preview_pdf(*, template) -> bytes:
    """The live preview of a template as a real (unsigned) PDF."""
    return html_to_pdf(certificate_html(preview_context(template=template)))
