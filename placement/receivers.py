"""What makes the cached public vacancy list stale: any saved or deleted vacancy or employer, and a change of a
vacancy's units. Each bumps ``placement.vacancies`` (``VACANCIES_VERSION``; again after the commit), so the next
visitor's list is read afresh (a unit's or scheme's own change bumps ``assessments.standards``, which the list is
cached under too). Receivers rather than calls in the services: the employers' pages, the API and the admin all
write these rows. Connected in ``PlacementConfig.ready``."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from kompeten_core import versions
from placement.models import Employer, Vacancy
from placement.selectors.vacancies import VACANCIES_VERSION

_SHOWN = (Vacancy, Employer)


def vacancies_changed(sender=None, **kwargs) -> None:
    versions.bump(VACANCIES_VERSION)


def connect() -> None:
    for model in _SHOWN:
        for signal in (post_save, post_delete):
            signal.connect(
                vacancies_changed, sender=model, dispatch_uid=f"placement.vacancies.{model.__name__}.{id(signal)}"
            )
    m2m_changed.connect(vacancies_changed, sender=Vacancy.units.through, dispatch_uid="placement.vacancies.units")
