"""Serving a page without walking the tree (issue #20).

Wagtail routes a request slug by slug: the site, then two queries per level of the tree (the child, then its specific
page) — eleven for a lesson, with the view restrictions' two on top. ``PageRouteMiddleware`` finds the same page
first, from what ``courses.selectors.serving`` keeps cached (the site, the page's id and type by its URL path), and
hands it to Wagtail as the route it caches on the request (``request._wagtail_route_for_request``, which
``Page.route_for_request`` reads before routing): one query for the specific page. Whatever it does not find —
a path no live page has, a routable page or one under a routable page, a cache that is down — Wagtail routes as
always. A curriculum page found with no view restriction over it is marked so (``CurriculumPageMixin``), so that
Wagtail's restriction check costs nothing either.

Place it anywhere after ``CommonMiddleware`` (the host has been checked against ``ALLOWED_HOSTS`` by then).
"""

from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models.pages import RouteResult

from courses.pages import CurriculumPageMixin
from courses.selectors import serving


class PageRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        if not path.strip("/"):  # the site's root page: Wagtail finds it without walking the tree
            return None
        token = serving.pages_token()
        hostname = split_domain_port(request._get_raw_host())[0]
        site = serving.site_for_host(hostname=hostname, port=request.get_port(), token=token)
        if site is None:
            return None
        route = serving.route_for_path(site=site, path=path, token=token)
        page = serving.page_for_route(route=route) if route is not None else None
        if page is None:
            return None
        if isinstance(page, CurriculumPageMixin) and serving.is_unrestricted(page=page, token=token):
            page.kompeten_unrestricted = True
        request._wagtail_site = site
        request._wagtail_route_for_request = RouteResult(page)
        return None
