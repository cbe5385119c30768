"""Whether the signed-in person has applications, kept in their session so that the site's navigation can link to
*My applications* without a query on every page: set at login (one query) and when they apply."""

from __future__ import annotations

from courses.training.registration import selectors

#: The session key the host's navigation reads (``request.session.kompeten_has_applications`` in a template).
SESSION_KEY = "kompeten_has_applications"


def remember_applications(sender, request, user, **kwargs) -> None:
    """A ``user_logged_in`` receiver: does the person have applications for a batch?"""
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_KEY] = selectors.user_has_applications(user=user)


def applications_remembered(request) -> bool:
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(SESSION_KEY))


def application_made(request) -> None:
    """The person has just applied: the navigation links to their applications from now on."""
    request.session[SESSION_KEY] = True
