"""Seed the phone app of the ``api_progress`` scenario over the bench's trainees (bench/seed.py): one public OAuth
client (authorization code, as the phone app is registered) and an access token per trainee, as if each had
signed in on their phone; the course's lesson ids to mark done.

Run by bench/scenario_api.py as ``python -m bench.seed_api --seed pg.json --out api.json`` (DJANGO_SETTINGS_MODULE
set). FILE is the trainees' seed with a ``token`` added to each and ``lesson_ids``.
"""

import argparse
import json
import secrets
from datetime import timedelta
from pathlib import Path

import django

CLIENT_ID = "kompeten-bench-app"
SCOPES = "learning:read learning:write"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    django.setup()
    from django.db import transaction
    from django.utils import timezone
    from oauth2_provider.models import AccessToken, Application

    from courses.models import CoursePage, LessonPage
    from lms.models import ApiClientScopes

    seed = json.loads(Path(args.seed).read_text())
    course = CoursePage.objects.get(pk=seed["course_id"])
    expires = timezone.now() + timedelta(days=1)
    with transaction.atomic():
        app = Application.objects.create(
            client_id=CLIENT_ID,
            name="Kompeten phone app (bench)",
            client_type=Application.CLIENT_PUBLIC,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris="id.kompeten.app:/oauth/callback",
            client_secret="",
        )
        ApiClientScopes.objects.create(application=app, scopes=SCOPES)
        for row in seed["users"]:
            row["token"] = secrets.token_urlsafe(32)
            AccessToken.objects.create(
                user_id=row["id"], application=app, token=row["token"], scope=SCOPES, expires=expires
            )
    seed["lesson_ids"] = list(LessonPage.objects.live().descendant_of(course).values_list("pk", flat=True))
    Path(args.out).write_text(json.dumps(seed))
    print(f"seeded {len(seed['users'])} phone-app tokens, {len(seed['lesson_ids'])} lessons")


if __name__ == "__main__":
    main()
