"""The client's address comes from X-Forwarded-For only when our own proxy sent the request."""

from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from lms.middleware import TrustedProxyMiddleware


def _seen(meta: dict) -> str:
    request = RequestFactory().get("/", **meta)
    captured = {}

    def view(request):
        captured["ip"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    TrustedProxyMiddleware(view)(request)
    return captured["ip"]


@override_settings(KOMPETEN_TRUSTED_PROXIES=["10.0.0.2"])
def test_our_proxy_passes_the_client_address_and_a_stranger_cannot_forge_it():
    # Given a request through our proxy, the client is the right-most address that is not a proxy
    assert _seen({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.7"}) == "203.0.113.7"
    # Given a client talking to us directly, its forged header is ignored
    assert _seen({"REMOTE_ADDR": "192.0.2.50", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}) == "192.0.2.50"


@override_settings(KOMPETEN_TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_header_is_never_read():
    assert _seen({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}) == "10.0.0.2"
