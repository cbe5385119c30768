"""The tracer survey answered through its link (no login), and the centre's public outcomes."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from placement.forms.tracer import TracerAnswerForm
from placement.selectors.figures import public_outcomes
from placement.services.tracer import TracerLinkGone, TracerLinkInvalid, survey_for_token, tracer_answer


def _private(response):
    # The token is a capability: never sent on to another site, never kept by a shared cache. "same-origin", not
    # "no-referrer": under the latter the browser posts the form with "Origin: null" and CSRF refuses the answer.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _refused(request, error):
    if isinstance(error, TracerLinkGone):
        return _private(render(request, "placement/tracer/link_gone.html", {"reason": error.reason}, status=410))
    return _private(render(request, "placement/tracer/link_invalid.html", status=404))


@never_cache
@require_http_methods(["GET", "POST"])
def tracer_answer_view(request, token: str):
    try:
        survey = survey_for_token(token)
    except (TracerLinkInvalid, TracerLinkGone) as error:
        return _refused(request, error)
    form = TracerAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            tracer_answer(token=token, **form.answer())
        except (TracerLinkInvalid, TracerLinkGone) as error:
            return _refused(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("placement:tracer_thanks")
    context = {"form": form, "months": survey.months, "expires_at": survey.expires_at}
    return _private(render(request, "placement/tracer/answer.html", context))


@require_GET
def tracer_thanks(request):
    return render(request, "placement/tracer/thanks.html")


@require_GET
def outcomes(request):
    return render(request, "placement/tracer/outcomes.html", public_outcomes(today=timezone.localdate()))
