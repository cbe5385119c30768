"""The placement plugin's part of a person's personal-data export and account deletion (UU 27/2022), offered to the
host site through the ``register_personal_data`` hook (see ``wagtail_hooks.py``).

Export: ``job_seeker``: the profile (with consent), the applications with every step, and the CV file. Deletion: the
job-seeker profile and CV go (employers no longer see the person); applications still under way are withdrawn, and
the records of past ones stay under the placeholder name.
"""

from placement.models import Application, JobSeekerProfile
from placement.services.seekers import profile_delete


def personal_data_for_user(*, user) -> tuple[dict, list[tuple[str, object, str]]]:
    """What the placement plugin keeps about a person, for their personal-data export: the job-seeker profile (with
    consent), their applications with every step, and the CV file as ``(name in the archive, storage, path)``
    (three queries)."""
    profile = JobSeekerProfile.objects.filter(user=user).prefetch_related("tracks").first()
    files = []
    data: dict = {"profile": None, "applications": []}
    if profile is not None:
        in_archive = None
        if profile.cv_file:
            in_archive = "job-seeker/cv.pdf"
            files.append((in_archive, profile.cv_file.storage, profile.cv_file.name))
        data["profile"] = {
            "consent_at": profile.consent_at.isoformat() if profile.consent_at else None,
            "consent_version": profile.consent_version,
            "province": profile.province,
            "regency_code": profile.regency_code,
            "regency": profile.regency,
            "district": profile.district,
            "is_local": profile.is_local,
            "phone": profile.phone,
            "available_from": profile.available_from.isoformat(),
            "wanted_tracks": [track.title for track in profile.tracks.all()],
            "cv_text": profile.cv_text,
            "cv_file_in_archive": in_archive,
            "updated_at": profile.updated_at.isoformat(),
        }
    applications = (
        Application.objects.filter(seeker=user)
        .select_related("vacancy__employer")
        .prefetch_related("steps")
        .order_by("created_at", "pk")
    )
    data["applications"] = [
        {
            "vacancy": application.vacancy.title,
            "employer": application.vacancy.employer.name,
            "status": application.status,
            "applied_at": application.created_at.isoformat(),
            "interview_at": application.interview_at.isoformat() if application.interview_at else None,
            "interview_place": application.interview_place,
            "steps": [
                {"from": step.from_status, "to": step.to_status, "at": step.at.isoformat()}
                for step in application.steps.all()
            ],
        }
        for application in applications
    ]
    return data, files


class PersonalData:
    """The ``register_personal_data`` provider of the placement plugin."""

    def export(self, *, user) -> tuple[dict, list]:
        data, files = personal_data_for_user(user=user)
        return {"job_seeker": data}, files

    def anonymise(self, *, user, placeholder_name: str) -> dict:
        profile_delete(user=user, withdraw_applications=True)
        return {}
