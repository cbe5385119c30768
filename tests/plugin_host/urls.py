from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from tests.plugin_host.settings import PLUGINS

urlpatterns = [path("admin/", include(wagtailadmin_urls))]
urlpatterns += [path("", include(f"{plugin}.urls")) for plugin in reversed(PLUGINS)]
urlpatterns += [path("", include(wagtail_urls))]
