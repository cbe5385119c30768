"""One "Certificates" menu for certification staff; each item shows only to users with its permissions."""

from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from certificates.admin import bulk, design, issued, pending, registration
from courses.pages import COURSE_PANELS_HOOK


class CertificatesGroup(SnippetViewSetGroup):
    """A snippet group, so that the template snippet is listed here and not under "Snippets" as well."""

    menu_label = gettext_lazy("Certificates")
    menu_icon = "doc-full"
    menu_order = 240
    items = (
        issued.CertificateViewSet(issued.NAME),
        registration.BnspRegistrationViewSet(registration.NAME),
        pending.PendingDecisionsViewSet(pending.NAME),
        bulk.IssueRunViewSet(bulk.NAME),
        design.CertificateTemplateViewSet,
        design.SchemeCertificateViewSet("certificates_schemerule"),
        design.IssuerViewSet("certificates_issuer"),
    )


register_snippet(CertificatesGroup)


@hooks.register(COURSE_PANELS_HOOK)
def course_certificate_panels():
    return design.course_certificate_panels()
