"""The public vacancy pages (lowongan kerja), without login: the list, filtered by track and unit and searchable,
and a vacancy's detail with its schema.org JobPosting. Only verified employers' open vacancies, not past their
closing date, ever show; anything else is a 404."""

import datetime
import json
import re

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from assessments.standards.selectors import STANDARDS_VERSION
from courses.selectors import search_terms
from courses.selectors.serving import PAGES_TOKEN
from kompeten_core.conf import settings as kompeten
from kompeten_core.page_cache import public_page
from placement.selectors import public_pages
from placement.selectors.vacancies import VACANCIES_VERSION, public_vacancies, public_vacancy

PER_PAGE = 20
#: A unit code as SKKNI writes them ("C.10.0000.01.001.01", "TIK.JK01.001.01"): ASCII letters, digits, dots, dashes.
UNIT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}\Z")


def _track_id(raw: str) -> int | None:
    raw = raw.strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= 12:
        return int(raw) or None
    return None


@require_GET
def vacancy_list(request: HttpRequest) -> HttpResponse:
    raw_track = request.GET.get("track", "")
    raw_unit = request.GET.get("unit", "").strip()
    raw_query = request.GET.get("q", "")
    notices = []
    track_id = _track_id(raw_track)
    if raw_track.strip() and track_id is None:
        notices.append(_("The track asked for is not one we know: all tracks are shown."))
    unit_code = raw_unit if UNIT_CODE.match(raw_unit) else ""
    if raw_unit and not unit_code:
        notices.append(_("That is not a unit code: all units are shown."))
    terms = search_terms(query=raw_query)
    if raw_query.strip() and not terms.words:
        notices.append(_("Type words to search for: letters or digits; quotes and symbols are ignored."))
    elif terms.truncated:
        notices.append(_("Only the first %(count)d words were searched.") % {"count": len(terms.words)})
    query = " ".join(terms.words)

    vacancies = public_vacancies(track_id=track_id, unit_code=unit_code, query=query)
    page = Paginator(vacancies, PER_PAGE).get_page(request.GET.get("page"))
    filters = {key: value for key, value in (("q", query), ("track", track_id or ""), ("unit", unit_code)) if value}
    context = {
        "page": page,
        "vacancies": [_row(vacancy) for vacancy in page.object_list],
        "tracks": public_pages.track_choices(),
        "units": public_pages.unit_choices(),
        "query": query,
        "track_id": track_id,
        "unit_code": unit_code,
        "filtered": bool(filters),
        "page_query": urlencode(filters),
        "notices": notices,
        "minimum_wage": public_pages.minimum_wage(),
    }
    response = render(request, "placement/public/vacancy_list.html", context)
    # The unfiltered list (the page a radio announcement sends everyone to) is served to anonymous visitors from
    # the page cache until something it shows changes, and no later than midnight, when closing dates pass.
    return public_page(
        response, tokens=(VACANCIES_VERSION, STANDARDS_VERSION, PAGES_TOKEN), seconds=_seconds_left_today()
    )


def _seconds_left_today() -> int:
    now = timezone.localtime()
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(1, min(kompeten.PAGE_CACHE_SECONDS, int((midnight - now).total_seconds())))


def _row(vacancy) -> dict:
    return {"vacancy": vacancy, "units": public_pages.required_units(vacancy)}


@require_GET
def vacancy_detail(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = public_vacancy(vacancy_id=vacancy_id)
    if vacancy is None:
        raise Http404
    url = request.build_absolute_uri(reverse("placement:vacancy", args=[vacancy.pk]))
    posting = json.dumps(public_pages.job_posting(vacancy, url=url), cls=DjangoJSONEncoder, ensure_ascii=False)
    minimum_wage = public_pages.minimum_wage()
    context = {
        "vacancy": vacancy,
        "employer": vacancy.employer,
        "employer_location": public_pages.employer_location(vacancy.employer),
        "units": public_pages.required_units(vacancy),
        "minimum_wage": minimum_wage,
        "wage_below_minimum": vacancy.wage_min < minimum_wage,
        # Escaped as json_script escapes (<, >, &): the text cannot end the script element.
        "job_posting_json": mark_safe(posting.translate(_json_script_escapes)),  # noqa: S308
    }
    return render(request, "placement/public/vacancy_detail.html", context)
