from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path, reverse_lazy
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from oauth2_provider import urls as oauth2_urls
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

import lms.api  # noqa: F401 - registers the schema's description of OAuth 2.0
from courses.api.framework import not_found as api_not_found
from lms import views
from lms.accounts import views as account_views
from lms.accounts.forms import LoginForm, QueuedPasswordResetForm
from lms.privacy import views as privacy_views
from lms.ratelimit import limit_posts
from lms.wagtail_admin import overrides as admin_overrides

account_patterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("daftar/", limit_posts("signup")(account_views.signup), name="signup"),
    path("daftar/terkirim/", account_views.signup_done, name="signup_done"),
    path("profil/", account_views.profile, name="profile"),
    path("profil/dua-langkah/", account_views.two_factor_setup, name="two_factor_setup"),
    path("dua-langkah/", account_views.two_factor_verify, name="two_factor_verify"),
    path("profil/data/", privacy_views.personal_data_download, name="personal_data_download"),
    path("profil/aplikasi/", views.connected_apps, name="connected_apps"),
    path("hapus/", privacy_views.account_delete, name="account_delete"),
    path(
        "kata-sandi/ubah/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("lms:password_change_done")),
        name="password_change",
    ),
    path("kata-sandi/ubah/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "kata-sandi/reset/",
        limit_posts("password_reset")(
            auth_views.PasswordResetView.as_view(
                form_class=QueuedPasswordResetForm, success_url=reverse_lazy("lms:password_reset_done")
            )
        ),
        name="password_reset",
    ),
    path("kata-sandi/reset/terkirim/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "kata-sandi/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("lms:password_reset_complete")),
        name="password_reset_confirm",
    ),
    path("kata-sandi/reset/selesai/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

lms_patterns = [
    path("akun/", include(account_patterns)),
    path("bahasa/", views.set_language, name="set_language"),
    path("dasbor/", views.dashboard, name="dashboard"),
]

# The JSON API (docs/api.md): each plugin's api/ package, its OpenAPI schema and docs; OAuth 2.0 under /o/
# (authorize, token, revoke, introspect — clients are registered by staff in the admin, never by anyone else).
api_patterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api:schema"), name="docs"),
    path("", include("courses.api.urls")),
    path("", include("assessments.api.urls")),
    path("", include("certificates.api.urls")),
    path("", include("placement.api.urls")),
    re_path(r"", api_not_found),
]

urlpatterns = [
    path("api/v1/", include((api_patterns, "api"))),
    path("o/", include((oauth2_urls.base_urlpatterns, "oauth2_provider"))),
    path("healthz", views.healthz, name="healthz"),
    path("", include((lms_patterns, "lms"))),
    path("", include("placement.urls")),
    path("", include("certificates.urls")),
    path("", include("assessments.urls")),
    path("", include("courses.urls")),
    path("django-admin/", admin.site.urls),
    # Wagtail admin views with a crash on hostile input fixed (lms/wagtail_admin/overrides.py), ahead of Wagtail's.
    path("admin/login/", admin_overrides.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/choose-external-link/",
        admin_overrides.admin_external_link,
        name="wagtailadmin_choose_page_external_link",
    ),
    path(
        "admin/redirects/import/process/",
        admin_overrides.admin_redirects_process_import,
        name="wagtailredirects_process_import",
    ),
    path(
        "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/",
        admin_overrides.admin_create_task,
        name="wagtailadmin_workflows_add_task",
    ),
    path("admin/documents/", admin_overrides.admin_documents_index, name="wagtaildocs_index"),
    path("admin/documents/results/", admin_overrides.admin_documents_index_results, name="wagtaildocs_index_results"),
    path("admin/images/", admin_overrides.admin_images_index, name="wagtailimages_index"),
    path("admin/images/results/", admin_overrides.admin_images_index_results, name="wagtailimages_index_results"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
