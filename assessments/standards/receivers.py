"""Any saved or deleted competency unit, certification scheme or scheme unit bumps ``assessments.standards``
(``STANDARDS_VERSION``; again after the commit), so that a page cached with a unit's code or title (the public
vacancy list) is read afresh. Connected in ``AssessmentsConfig.ready``."""

from django.db.models.signals import post_delete, post_save

from assessments.standards.models import CertificationScheme, CompetencyUnit, SchemeUnit
from assessments.standards.selectors import STANDARDS_VERSION
from kompeten_core import versions


def standards_changed(sender=None, **kwargs) -> None:
    versions.bump(STANDARDS_VERSION)


def connect() -> None:
    for model in (CompetencyUnit, CertificationScheme, SchemeUnit):
        for signal in (post_save, post_delete):
            uid = f"assessments.standards.{model.__name__}.{id(signal)}"
            signal.connect(standards_changed, sender=model, dispatch_uid=uid)
