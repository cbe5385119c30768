"""Public pages served to anonymous visitors from the cache (issue #20: a radio announcement sends a thousand
visitors to the catalogue at once).

A view opts a response in with ``public_page(response, tokens=(...))``: the version tokens
(``kompeten_core.versions``) whose change makes the page stale (``courses.pages`` for the curriculum pages).
``AnonymousPageCacheMiddleware`` then stores it and answers the next anonymous ``GET`` of the same URL, language and
host from the cache, without running the view, as long as every token is still the one it was stored under.

What is never cached or served from the cache: anything for a signed-in user or for a request that carries an
``Authorization`` header (an API client's token; they are never looked up: the check comes first), a URL with a query
string, a request with a flash message waiting, a response other than a plain 200, a response that sets a cookie of
its own. The one per-visitor part of a public page, the CSRF token of its forms (the language switch), is stored as a
placeholder and filled in with the visitor's own token on every hit; a page in which the visitor's CSRF secret shows
anywhere else is not stored at all. An editor's draft is never served: previews are for signed-in editors, and only
the live page's response is stored.

Responses served this way carry an ``ETag`` and a ``Last-Modified``, and a conditional request that matches is
answered ``304 Not Modified``; ``Cache-Control: private, no-cache`` keeps them out of shared caches (the form token
is the visitor's) and makes browsers ask again each time.

Place the middleware after ``CsrfViewMiddleware`` and ``MessageMiddleware`` (and the language middleware).
"""

from __future__ import annotations

import hashlib
import re
import time

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from kompeten_core import versions
from kompeten_core.conf import settings as kompeten

_ATTRIBUTE = "kompeten_public_tokens"
_PLACEHOLDER = "__kompeten_csrf_token__"
_FORM_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{64})(")')
_ANY_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def public_page(response, *, tokens: tuple[str, ...], seconds: int | None = None):
    """Mark ``response`` as a public page that may be cached for anonymous visitors until one of ``tokens`` changes,
    and for ``seconds`` at most (``KOMPETEN_PAGE_CACHE_SECONDS`` when None): a page that also shows something that
    changes with time alone (a registration window) gives its shorter time."""
    setattr(response, _ATTRIBUTE, (tuple(tokens), seconds or kompeten.PAGE_CACHE_SECONDS))
    return response


def _eligible(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.GET:  # a query string would make a key per variant
        return False
    if "HTTP_AUTHORIZATION" in request.META:  # credentials (an API token): never a shared answer (RFC 9111 §3.5)
        return False
    if request.user.is_authenticated:
        return False
    return not len(messages.get_messages(request))


def _key(request) -> str:
    digest = hashlib.sha256(request.path.encode()).hexdigest()
    return f"kompeten:public-page:{get_language()}:{request.get_host()}:{digest}"


def _form_free_of_secret(content: str, secret: str | None) -> bool:
    """True when no 64-character token left in the page unmasks to the visitor's CSRF secret."""
    if not secret:
        return True
    return not any(_unmask_cipher_token(token) == secret for token in _ANY_TOKEN.findall(content))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None and versions.tokens(*entry["names"]) == entry["tokens"]:
            return self._from_entry(request, entry)
        response = self.get_response(request)
        marked = getattr(response, _ATTRIBUTE, None)
        if marked and response.status_code == 200 and not response.cookies and not response.streaming:
            self._store(request, key, *marked, response)
        return response

    def _store(self, request, key, names, seconds, response) -> None:
        tokens = versions.tokens(*names)  # read before the content: a change meanwhile makes the entry stale
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        content = _FORM_TOKEN.sub(rf"\1{_PLACEHOLDER}\3", response.content.decode(response.charset))
        if not _form_free_of_secret(content, request.META.get("CSRF_COOKIE")):
            return
        entry = {
            "names": tuple(names),
            "tokens": tokens,
            "content": content,
            "content_type": response["Content-Type"],
            "etag": '"' + hashlib.sha256(content.encode()).hexdigest()[:32] + '"',
            "last_modified": time.time(),
        }
        cache.set(key, entry, seconds)
        _validators(response, entry)

    def _from_entry(self, request, entry) -> HttpResponse:
        conditional = get_conditional_response(
            request, etag=entry["etag"], last_modified=int(entry["last_modified"]), response=None
        )
        if conditional is not None:
            _validators(conditional, entry)
            return conditional
        content = entry["content"]
        if _PLACEHOLDER in content:
            content = content.replace(_PLACEHOLDER, get_token(request))
        response = HttpResponse(content, content_type=entry["content_type"])
        _validators(response, entry)
        return response


def _validators(response, entry) -> None:
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    patch_cache_control(response, private=True, no_cache=True)
