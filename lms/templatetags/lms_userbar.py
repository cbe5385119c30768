"""``{% kompeten_userbar %}``: Wagtail's user bar (``{% wagtailuserbar %}``) for those who may use the admin,
without asking the database on every page view of everyone else.

Whether a user may use the admin (two queries: their own and their groups' permissions) is kept in the cache under
the user's own key for ``KOMPETEN_PAGE_CACHE_SECONDS``, and asked again at each login. The bar is only a shortcut:
the admin checks the permission itself, so a bar shown a little after access was taken away opens nothing.
"""

from django import template
from django.core.cache import cache
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from kompeten_core.conf import settings as kompeten

register = template.Library()


@register.simple_tag(takes_context=True)
def kompeten_userbar(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    login = user.last_login.timestamp() if user.last_login else 0
    key = f"lms:admin-access:{user.pk}:{login}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, kompeten.PAGE_CACHE_SECONDS)
    return wagtailuserbar(context) if allowed else ""
