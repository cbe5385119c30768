"""The matching endpoint of the ``placement_match`` scenario: what an employer's match list costs, as JSON.

Signed-in, the vacancy's employer only (404 otherwise, as the product's pages answer), then
``matches_for_vacancy`` and every row's explanation — the reads and the work the employer's match page does,
without its template, so that the figure sits beside the floor view's (also JSON).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from placement.models import Vacancy
from placement.selectors.matching import matches_for_vacancy
from placement.services.employers import is_member


@require_GET
@login_required
def placement_match(request: HttpRequest, vacancy_id: int) -> JsonResponse:
    vacancy = Vacancy.objects.filter(pk=vacancy_id).first()
    if vacancy is None or not is_member(employer_id=vacancy.employer_id, user=request.user):
        raise Http404
    rows = [
        {"seeker": match.profile.user_id, "held": len(match.held), "why": match.explanation()}
        for match in matches_for_vacancy(vacancy=vacancy)
    ]
    return JsonResponse({"vacancy": vacancy.pk, "matches": rows})
