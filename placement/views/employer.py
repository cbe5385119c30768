"""The employer's own pages under ``kerja/perusahaan/``: register, profile, members, vacancies and labour-market
demand. Every page works on an employer the user acts for (membership checked; 404 otherwise)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kompeten_core.conf import settings as kompeten
from placement.forms.employer import (
    DemandForm,
    DemandImportForm,
    EmployerForm,
    MemberAddForm,
    VacancyForm,
)
from placement.models import Vacancy
from placement.selectors.employers import (
    demand_for_member,
    employer_demand,
    employer_for_member,
    employer_members,
    employer_vacancies,
    employers_of_user,
    vacancy_for_member,
)
from placement.services import PlacementRefused
from placement.services.demand import demand_delete, demand_save
from placement.services.demand_import import demand_import_check, demand_import_commit
from placement.services.employers import (
    employer_member_add,
    employer_member_remove,
    employer_register,
    employer_update,
)
from placement.services.vacancies import vacancy_close, vacancy_open, vacancy_save

SESSION_KEY = "placement_employer_id"
T = "placement/employer/"


def current_employer(request: HttpRequest):
    """The employer the user works for now: the one chosen in the session, else their first; None for nobody's."""
    employers = list(employers_of_user(user=request.user))
    chosen = request.session.get(SESSION_KEY)
    for employer in employers:
        if employer.pk == chosen:
            return employer, employers
    return (employers[0] if employers else None), employers


def _employer_or_404(request: HttpRequest):
    employer, _employers = current_employer(request)
    if employer is None:
        raise Http404
    return employer


def _refused(form, refused: ValidationError) -> None:
    for message in refused.messages:
        form.add_error(None, message)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    employer, employers = current_employer(request)
    if employer is None:
        return redirect("placement:employer_register")
    context = {
        "employer": employer,
        "employers": employers,
        "vacancies": list(employer_vacancies(employer_id=employer.pk)),
        "demand": list(employer_demand(employer_id=employer.pk)),
        "minimum_wage": kompeten.REGIONAL_MINIMUM_WAGE,
    }
    return render(request, T + "home.html", context)


@login_required
@require_POST
def employer_choose(request: HttpRequest) -> HttpResponse:
    employer = employer_for_member(employer_id=request.POST.get("employer"), user=request.user)
    if employer is None:
        raise Http404
    request.session[SESSION_KEY] = employer.pk
    return redirect("placement:employer_home")


@login_required
def register(request: HttpRequest) -> HttpResponse:
    form = EmployerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employer = employer_register(user=request.user, **form.cleaned_data)
        except ValidationError as refused:
            _refused(form, refused)
        else:
            request.session[SESSION_KEY] = employer.pk
            messages.success(
                request, _("Your employer is registered. The centre's staff will verify it before it is public.")
            )
            return redirect("placement:employer_home")
    return render(request, T + "register.html", {"form": form})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    employer = _employer_or_404(request)
    form = EmployerForm(request.POST or None, instance=employer)
    if request.method == "POST" and form.is_valid():
        try:
            employer_update(employer=employer, by=request.user, **form.cleaned_data)
        except PlacementRefused as refused:
            _refused(form, refused)
        else:
            messages.success(request, _("The employer's profile is saved."))
            return redirect("placement:employer_home")
    return render(request, T + "profile.html", {"form": form, "employer": employer})


@login_required
def members(request: HttpRequest) -> HttpResponse:
    employer = _employer_or_404(request)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = employer_member_add(employer=employer, identifier=form.cleaned_data["identifier"], by=request.user)
        except PlacementRefused as refused:
            _refused(form, refused)
        else:
            messages.success(
                request, _("%(name)s can now act for %(employer)s.") % {"name": member.user, "employer": employer}
            )
            return redirect("placement:employer_members")
    rows = list(employer_members(employer_id=employer.pk))
    return render(request, T + "members.html", {"employer": employer, "form": form, "members": rows})


@login_required
@require_POST
def member_remove(request: HttpRequest) -> HttpResponse:
    employer = _employer_or_404(request)
    try:
        employer_member_remove(employer=employer, member_id=request.POST.get("member"), by=request.user)
    except PlacementRefused as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The member was removed."))
    return redirect("placement:employer_members")


# --- vacancies --------------------------------------------------------------------------------------------------


def _vacancy_form_page(request: HttpRequest, *, employer, vacancy: Vacancy | None) -> HttpResponse:
    form = VacancyForm(request.POST or None, instance=vacancy)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "unit_codes"}
        try:
            saved = vacancy_save(
                by=request.user,
                employer_id=employer.pk,
                units=form.cleaned_data["unit_codes"],
                vacancy=vacancy,
                **fields,
            )
        except PlacementRefused as refused:
            _refused(form, refused)
        else:
            messages.success(request, _("The vacancy “%(title)s” is saved.") % {"title": saved.title})
            if form.below_minimum_wage:
                messages.warning(
                    request,
                    _("The lowest wage is below the regional minimum wage (Rp %(umk)s a month).")
                    % {"umk": f"{kompeten.REGIONAL_MINIMUM_WAGE:,}".replace(",", ".")},
                )
            return redirect("placement:employer_home")
    context = {"form": form, "employer": employer, "vacancy": vacancy}
    return render(request, T + "vacancy_form.html", context)


@login_required
def vacancy_create(request: HttpRequest) -> HttpResponse:
    return _vacancy_form_page(request, employer=_employer_or_404(request), vacancy=None)


@login_required
def vacancy_edit(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = vacancy_for_member(vacancy_id=vacancy_id, user=request.user)
    if vacancy is None:
        raise Http404
    if vacancy.status not in (Vacancy.Status.DRAFT, Vacancy.Status.OPEN):
        messages.error(request, _("A closed or filled vacancy cannot be changed."))
        return redirect("placement:employer_home")
    return _vacancy_form_page(request, employer=vacancy.employer, vacancy=vacancy)


#: action → (question on the confirmation page, its button)
VACANCY_ACTIONS = {
    "open": (
        gettext_lazy("Open this vacancy? It appears on the public vacancy list and job seekers can apply."),
        gettext_lazy("Open the vacancy"),
    ),
    "close": (
        gettext_lazy("Close this vacancy? It leaves the public list and no one can apply any more."),
        gettext_lazy("Close the vacancy"),
    ),
    "fill": (gettext_lazy("Mark this vacancy filled? It leaves the public list."), gettext_lazy("Mark filled")),
}


@login_required
def vacancy_action(request: HttpRequest, vacancy_id: int, action: str) -> HttpResponse:
    """GET: the confirmation; POST: open, close or mark the vacancy filled."""
    vacancy = vacancy_for_member(vacancy_id=vacancy_id, user=request.user)
    if vacancy is None or action not in VACANCY_ACTIONS:
        raise Http404
    if request.method == "POST":
        try:
            if action == "open":
                vacancy_open(vacancy=vacancy, by=request.user)
                messages.success(request, _("The vacancy is open."))
            else:
                vacancy_close(vacancy=vacancy, by=request.user, filled=action == "fill")
                messages.success(
                    request, _("The vacancy is closed.") if action == "close" else _("The vacancy is filled.")
                )
        except PlacementRefused as refused:
            messages.error(request, " ".join(refused.messages))
        return redirect("placement:employer_home")
    question, button = VACANCY_ACTIONS[action]
    context = {
        "vacancy": vacancy,
        "question": question,
        "button": button,
        "employer": vacancy.employer,
        "cancel_url": reverse("placement:employer_home"),
    }
    return render(request, T + "confirm.html", context)


# --- labour-market demand ---------------------------------------------------------------------------------------


@login_required
def demand_list(request: HttpRequest) -> HttpResponse:
    employer = _employer_or_404(request)
    rows = list(employer_demand(employer_id=employer.pk))
    return render(request, T + "demand_list.html", {"employer": employer, "demand": rows})


def _demand_form_page(request: HttpRequest, *, employer, demand) -> HttpResponse:
    form = DemandForm(request.POST or None, instance=demand)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "unit_codes"}
        try:
            demand_save(
                by=request.user, employer_id=employer.pk, units=form.cleaned_data["unit_codes"], demand=demand, **fields
            )
        except PlacementRefused as refused:
            _refused(form, refused)
        else:
            messages.success(request, _("The demand is saved."))
            return redirect("placement:employer_demand")
    return render(request, T + "demand_form.html", {"form": form, "employer": employer, "demand": demand})


@login_required
def demand_create(request: HttpRequest) -> HttpResponse:
    return _demand_form_page(request, employer=_employer_or_404(request), demand=None)


@login_required
def demand_edit(request: HttpRequest, demand_id: int) -> HttpResponse:
    demand = demand_for_member(demand_id=demand_id, user=request.user)
    if demand is None:
        raise Http404
    return _demand_form_page(request, employer=demand.employer, demand=demand)


@login_required
def demand_remove(request: HttpRequest, demand_id: int) -> HttpResponse:
    demand = demand_for_member(demand_id=demand_id, user=request.user)
    if demand is None:
        raise Http404
    if request.method == "POST":
        try:
            demand_delete(demand=demand, by=request.user)
        except PlacementRefused as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, _("The demand row was deleted."))
        return redirect("placement:employer_demand")
    context = {
        "employer": demand.employer,
        "question": _("Delete the demand “%(position)s” (%(quarter)s)?")
        % {"position": demand.position, "quarter": demand.quarter},
        "button": _("Delete"),
        "cancel_url": reverse("placement:employer_demand"),
    }
    return render(request, T + "confirm.html", context)


@login_required
def demand_import_sample(request: HttpRequest) -> HttpResponse:
    """A sample file with the columns the import reads, to fill in a spreadsheet."""
    _employer_or_404(request)
    sample = "jabatan,unit,skema,jumlah,kuartal\r\nOperator Mesin Jahit,C.141220.001.01 C.141220.002.01,,12,2027-Q1\r\n"
    response = HttpResponse("\ufeff" + sample, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contoh-kebutuhan.csv"'
    return response


@login_required
def demand_import(request: HttpRequest) -> HttpResponse:
    """Upload a CSV or XLSX file: first a dry run listing every row, then an all-or-nothing commit."""
    employer = _employer_or_404(request)
    report, checked_text = None, ""
    form = DemandImportForm()
    if request.method == "POST" and request.POST.get("action") == "commit":
        data = request.POST.get("checked", "").encode("utf-8")
        try:
            report = demand_import_commit(employer=employer, data=data, by=request.user)
        except PlacementRefused as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            if report.ok:
                messages.success(request, _("%(count)s rows of demand were added.") % {"count": len(report.rows)})
                return redirect("placement:employer_demand")
            messages.error(request, _("Nothing was imported: fix the problems below and upload the file again."))
    elif request.method == "POST":
        form = DemandImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = demand_import_check(employer=employer, data=form.cleaned_data["file"].read())
            if report.ok:
                checked_text = report.as_csv()
    context = {"employer": employer, "form": form, "report": report, "checked_text": checked_text}
    return render(request, T + "demand_import.html", context)
