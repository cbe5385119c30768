"""A bare Wagtail site that installs the Kompeten plugins without the ``lms`` host.

Plain ``auth.User``, no ``lms`` app, its own base template. ``KOMPETEN_PLUGINS`` (comma-separated, in
dependency order) chooses the plugins: ``courses``, then ``courses,assessments``, then all three.
"""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGINS = [p.strip() for p in os.environ.get("KOMPETEN_PLUGINS", "courses").split(",") if p.strip()]

SECRET_KEY = "plugin-host-test-key-not-secret-0123456789-abcdefghijklmnop"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "tests.plugin_host.urls"
INSTALLED_APPS = [
    *reversed(PLUGINS),
    "kompeten_core",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "courses.middleware.PageRouteMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kompeten_core.context_processors.kompeten",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "en"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
USE_I18N = True
USE_TZ = True
# A host site in Indonesia (the plugins show staff the site's local time).
TIME_ZONE = "Asia/Jakarta"
STATIC_URL = "/static/"
WAGTAIL_SITE_NAME = "Plugin host"
WAGTAILADMIN_BASE_URL = "http://testserver"
CELERY_TASK_ALWAYS_EAGER = True
KOMPETEN_BASE_TEMPLATE = "host_layout.html"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
# The certificates plugin's keys (made by the tests under the repository's git-ignored var/ folder).
KOMPETEN_CERTIFICATE_KEYS_DIR = str(HERE.parent.parent / "var" / "test-keys")
