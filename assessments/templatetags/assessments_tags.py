from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``{{ mapping|get_item:key }}``: a value of a dict by a variable key (None when absent)."""
    if isinstance(mapping, dict):
        return mapping.get(key)
    return None
