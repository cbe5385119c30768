"""The host site's changes to the Wagtail admin: the groups list (roles by their translated names, ``groups``), the
instructor's home panel (``home``), the views it replaces (``overrides``) and Wagtail's users app that uses those groups
(``users_app``)."""
