"""The supervisor's page of a third-party verification (FR.IA.10), opened through the signed link the assessor's
request e-mailed (no account, no login): confirm or not each KUK asked about, with a comment, once. An altered,
unknown or replaced link is a 404 page, an expired or used one a 410 page, each saying so; never a 500."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from assessments.competency.services.candidacy import AssessmentRefused
from assessments.competency.services.third_party import (
    ThirdPartyLinkGone,
    ThirdPartyLinkInvalid,
    third_party_answer,
    third_party_criteria,
    third_party_for_token,
)
from kompeten_core.conf import settings as kompeten

CHOICE = {"yes": True, "no": False, "": None}


def _private(response: HttpResponse) -> HttpResponse:
    # The token is a capability: never sent on to another site, never kept by a shared cache or indexed.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _refused(request: HttpRequest, error: Exception) -> HttpResponse:
    reason = error.reason if isinstance(error, ThirdPartyLinkGone) else "invalid"
    status = 410 if isinstance(error, ThirdPartyLinkGone) else 404
    return _private(render(request, "assessments/third_party/link_refused.html", {"reason": reason}, status=status))


def _answers(post, criteria) -> dict[int, tuple[bool | None, str]]:
    answers = {}
    for criterion in criteria:
        value = post.get(f"confirmed-{criterion.pk}", "")
        if value not in CHOICE:
            raise ValueError(value)
        answers[criterion.pk] = (CHOICE[value], post.get(f"comment-{criterion.pk}", "").strip())
    return answers


@never_cache
@require_http_methods(["GET", "POST"])
def third_party_answer_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        record = third_party_for_token(token)
    except (ThirdPartyLinkInvalid, ThirdPartyLinkGone) as error:
        return _refused(request, error)
    criteria = third_party_criteria(record=record)
    posted = {}
    if request.method == "POST":
        try:
            posted = _answers(request.POST, criteria)
            third_party_answer(token=token, answers=posted)
        except (ThirdPartyLinkInvalid, ThirdPartyLinkGone) as error:
            return _refused(request, error)
        except AssessmentRefused as refusal:
            messages.error(request, refusal.messages[0])
        except ValueError:
            messages.error(request, _("The answer is malformed."))
        else:
            return _private(render(request, "assessments/third_party/thanks.html"))
    rows = []
    for criterion in criteria:
        confirmed, comment = posted.get(criterion.pk, (None, ""))
        rows.append({"criterion": criterion, "confirmed": confirmed, "comment": comment})
    context = {
        "record": record,
        "candidate": record.candidacy.candidate,
        "unit": record.unit,
        "supervisor": record.data.get("supervisor") or {},
        "rows": rows,
        "text_max": kompeten.EVIDENCE_TEXT_MAX_CHARS,
    }
    return _private(render(request, "assessments/third_party/answer.html", context))
