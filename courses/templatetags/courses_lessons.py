"""``{% lesson_body page %}``: a lesson's StreamField rendered once per revision and language, then reused.

The HTML is rendered without the reader's context (no request, no user, no CSRF token), so it is the same for
everyone and may be kept under a shared key: ``courses:lesson-body:<pages token>:<page id>:<revision>:<language>``.
The pages token (``courses.selectors.serving``) changes whenever any page, image or document changes, so a link to a
page that moved or an image replaced is never served stale. An editor's preview is rendered afresh every time.

A block that shows something of the reader's (an interactive block with the trainee's answer, a form with a CSRF
token) says so with ``kompeten_per_user = True`` in its ``Meta``: a body with such a block is rendered afresh on
every request, with the page's full context, and never stored.
"""

from django import template
from django.core.cache import cache
from django.utils.html import format_html_join
from django.utils.translation import get_language

from courses.selectors import serving
from kompeten_core.conf import settings as kompeten

register = template.Library()


def _render(body, context):
    """The blocks' HTML, each safe as its block rendered it (a ``SafeString``, kept as one in the cache). With the
    reader's context, each block also gets its StreamField id (``block_id``: what an interactive block is recorded
    under)."""
    if context is None:
        return format_html_join("", "{}", ((child.render_as_block(),) for child in body))
    values = context.flatten() if hasattr(context, "flatten") else dict(context)
    return format_html_join(
        "", "{}", ((child.render_as_block(context={**values, "block_id": child.id}),) for child in body)
    )


def _per_user(body) -> bool:
    return any(getattr(child.block.meta, "kompeten_per_user", False) for child in body)


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    request = context.get("request")
    body = page.body
    if _per_user(body):
        return _render(body, context)
    if getattr(request, "is_preview", False) or not page.pk or not page.live:
        return _render(body, None)
    revision = page.live_revision_id or page.latest_revision_id or 0
    key = f"courses:lesson-body:{serving.pages_token()}:{page.pk}:{revision}:{get_language()}"
    html = cache.get(key)
    if html is None:
        html = _render(body, None)
        cache.set(key, html, kompeten.PAGE_CACHE_SECONDS)
    return html
