"""Template tags of the pipeline: the signed-in person's unread notices, for pages whose view does not read them."""

from django import template

from placement.selectors.notices import notices_for

register = template.Library()


@register.simple_tag(takes_context=True)
def placement_notices(context) -> list:
    request = context.get("request")
    return notices_for(request.user) if request is not None else []
