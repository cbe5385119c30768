"""What makes the cached page reads (``courses.selectors.serving``) stale: any change to the page tree, its view
restrictions, the sites, the images and documents a lesson shows or a lesson's SCORM package. Each bumps the
``courses.pages`` version token (after the commit), so the next request reads the tree again; a batch or an
enrolment bumps ``courses.batches`` (the public course page's batches and seats). Connected in
``CoursesConfig.ready``."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import Batch, Enrolment
from courses.scorm.models import ScormPackage
from courses.selectors.serving import BATCHES_TOKEN, PAGES_TOKEN
from kompeten_core import versions


def pages_changed(sender=None, instance=None, **kwargs) -> None:
    if isinstance(instance, (Page, PageViewRestriction, Site, ScormPackage)) or sender in _MEDIA:
        versions.bump(PAGES_TOKEN)
    elif isinstance(instance, (Batch, Enrolment)):  # a course page's batches and seats taken
        versions.bump(BATCHES_TOKEN)


_MEDIA: set = set()


def connect() -> None:
    _MEDIA.update({get_image_model(), get_document_model()})
    for signal in (post_save, post_delete):
        signal.connect(pages_changed, dispatch_uid=f"courses.pages_changed.{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(pages_changed, dispatch_uid=f"courses.pages_changed.{id(signal)}")
