from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from certificates.forms import VerifyLookupForm


def verify_lookup(request: HttpRequest) -> HttpResponse:
    """Anyone can check a certificate by its code. No certificate has been issued until issuing exists."""
    form = VerifyLookupForm(request.GET or None)
    searched = form.is_valid()
    return render(request, "certificates/verify_lookup.html", {"form": form, "searched": searched, "certificate": None})


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Placeholder until the public verify page lands."""
    return render(request, "certificates/verify_lookup.html", {"form": VerifyLookupForm(), "certificate": None})
