"""Staff register and revoke the API's OAuth clients in the Django admin (/django-admin/): django-oauth-toolkit's
application admin, with the scopes each client may ask for. Deleting a client refuses its tokens at once."""

from django.contrib import admin
from oauth2_provider.admin import ApplicationAdmin
from oauth2_provider.models import get_application_model

from lms.models import ApiClientScopes


class ApiClientScopesInline(admin.StackedInline):
    model = ApiClientScopes
    can_delete = False
    min_num = 1
    max_num = 1


Application = get_application_model()
admin.site.unregister(Application)


@admin.register(Application)
class ApiClientAdmin(ApplicationAdmin):
    inlines = [ApiClientScopesInline]
