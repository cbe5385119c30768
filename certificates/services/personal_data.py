"""Personal data of a certificate holder whose account is deleted (UU 27/2022).

Issued certificates are records that must stay verifiable, so they are never deleted: the frozen name is reduced
to the masked form the public verify page shows ("Budi S*****"), and the stored PDF, which prints the full name,
is removed from storage. Its SHA-256 stays, so a copy the holder kept can still be checked (``/verifikasi/berkas/``).
The caller records the deletion in the audit trail, with the serials returned here.
"""

from django.db import transaction

from certificates.models import Certificate
from certificates.selectors_public import mask_name


@transaction.atomic
def certificates_holder_anonymise(*, holder) -> list[str]:
    """Mask the name on every certificate of ``holder`` and delete their PDFs; returns the serials changed.

    Idempotent: a masked name masks to itself and a removed PDF is not removed twice.
    """
    changed = []
    for certificate in Certificate.objects.select_for_update().filter(holder=holder).order_by("pk"):
        masked = mask_name(certificate.holder_name)
        pdf_name = certificate.pdf.name if certificate.pdf else ""
        if masked == certificate.holder_name and not pdf_name:
            continue
        Certificate.objects.filter(pk=certificate.pk).update(holder_name=masked, pdf="")
        if pdf_name:
            storage = certificate.pdf.storage
            transaction.on_commit(lambda storage=storage, name=pdf_name: storage.delete(name))
        changed.append(certificate.serial)
    return changed
