"""Local development: the embedded default (SQLite, eager Celery, local-memory cache, console e-mail)."""

from .base import *  # noqa: F403
from .base import env_bool, env_list, env_str

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production-kompeten"

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo's staff logins (make demo) are shared to try the site out: two-step verification stays optional here.
# Set KOMPETEN_TWO_FACTOR_REQUIRED_ROLES (e.g. "Certification admin,Assessor,Certification committee,Administrator")
# to try the requirement.
KOMPETEN_TWO_FACTOR_REQUIRED_ROLES = env_list("KOMPETEN_TWO_FACTOR_REQUIRED_ROLES")
