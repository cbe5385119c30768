"""The certificates plugin's Wagtail admin (registered by ``certificates.wagtail_hooks``).

Kept free of side effects on import: Django's admin autodiscovery imports this package too.
"""
