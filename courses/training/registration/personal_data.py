"""Applications for batches in a person's personal-data export and deletion (the ``register_personal_data`` hook).

Export: ``batch_applications`` (one query, however many) with the NIK masked, and the documents as files.
Deletion: the application stays as a record of the selection (status, scores, dates) under the placeholder name; the
NIK, birth date, domicile, phone, disability and interview notes are cleared and the documents deleted once the
deletion commits.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from courses.training.registration.models import Application


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class PersonalData:
    def export(self, *, user) -> tuple[dict, list]:
        rows, files = [], []
        for app in Application.objects.filter(user=user).select_related("batch__course").order_by("created_at", "pk"):
            rows.append(
                {
                    "id": app.pk,
                    "batch": app.batch.name,
                    "course": app.batch.course.title,
                    "status": app.status,
                    "full_name": app.full_name,
                    "nik": app.nik_masked,
                    "birth_date": _iso(app.birth_date),
                    "gender": app.gender,
                    "domicile": {
                        "province": app.province,
                        "regency_code": app.regency_code,
                        "regency": app.regency,
                        "district": app.district,
                        "local": app.is_local,
                    },
                    "education": app.education,
                    "disability": app.disability,
                    "phone": app.phone,
                    "interview_score": str(app.interview_score) if app.interview_score is not None else None,
                    "test_score": str(app.test_score) if app.test_score is not None else None,
                    "total_score": str(app.total_score) if app.total_score is not None else None,
                    "waitlist_position": app.waitlist_position,
                    "applied_at": _iso(app.created_at),
                    "decided_at": _iso(app.decided_at),
                    "withdrawn_at": _iso(app.withdrawn_at),
                }
            )
            for label, stored in (("ktp", app.id_card), ("ijazah", app.diploma)):
                if stored:
                    extension = stored.name.rsplit(".", 1)[-1]
                    files.append((f"batch_applications/{app.pk}-{label}.{extension}", stored.storage, stored.name))
        return {"batch_applications": rows}, files

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        applications = list(Application.objects.filter(user=user))
        for app in applications:
            for stored in (app.id_card, app.diploma):
                if stored:
                    storage, name = stored.storage, stored.name
                    transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        count = Application.objects.filter(user=user).update(
            full_name=placeholder_name,
            nik="",
            birth_date=datetime.date(1900, 1, 1),
            province="",
            regency_code="0000",
            regency="",
            district="",
            disability="",
            phone="",
            interview_notes="",
            id_card="",
            diploma="",
        )
        return {"batch_applications": count}
