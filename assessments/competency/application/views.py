"""Pages before the first evidence. The applicant: their applications and the open events, apply (FR.APL.01 with
documents), an application (correct and submit again when returned), their documents. The assessor: the APL.02
recommendation and the consent (FR.AK.01) per candidate, the event's plan (FR.MAPA.01/02). The candidate: signing the
consent. Anyone else gets a 404 and changes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from assessments.competency.application import selectors, services
from assessments.competency.application.documents import DocumentRefused
from assessments.competency.application.forms import ApplicationForm, ConsentForm, PlanForm, RecommendationForm
from assessments.competency.application.models import Application, DocumentKind
from assessments.competency.application.particulars import FIELDS as PARTICULAR_FIELDS
from assessments.competency.application.particulars import field_of
from assessments.competency.models import Candidacy, EvidenceRecord
from assessments.competency.selectors import candidacy as candidacy_selectors
from kompeten_core.private_files import private_file_response

CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


def document_response(application: Application, document_id: int) -> HttpResponse:
    """One document of an application the caller may see (checked by the caller)."""
    document = next((row for row in application.documents.all() if row.pk == document_id), None)
    if document is None or not document.file:
        raise Http404
    extension = document.file.name.rsplit(".", 1)[-1].lower()
    return private_file_response(
        name=document.file.name,
        filename=f"apl01-{application.pk}-{document.kind}.{extension}",
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
        storage=document.file.storage,
    )


def _own_application(request: HttpRequest, application_id: int) -> Application:
    application = selectors.application_for_applicant(application_id=application_id, user=request.user)
    if application is None:
        raise Http404
    return application


def _application_form(request: HttpRequest, event, application: Application | None = None) -> ApplicationForm:
    have = {document.kind for document in application.documents.all()} if application else set()
    kwargs = {
        "optional_units": selectors.optional_scheme_units(scheme=event.scheme),
        "required_kinds": selectors.required_kinds(scheme=event.scheme),
        "have_kinds": have,
        "nik_given": bool(application and application.nik),
    }
    if request.method == "POST":
        return ApplicationForm(request.POST, request.FILES, **kwargs)
    # The particulars of the latest application (this one, or an earlier one to another event), so that nobody
    # types them twice; the NIK is never sent back to the browser.
    earlier = application or selectors.latest_application_of(user=request.user)
    initial = {name: getattr(earlier, name) for name in PARTICULAR_FIELDS if name != "nik"} if earlier else {}
    if application is not None:
        initial |= {
            "purpose": application.purpose,
            "optional_units": [unit.pk for unit in application.optional_units.all()],
        }
    return ApplicationForm(initial=initial, **kwargs)


def _submit(request: HttpRequest, form: ApplicationForm, event, application=None) -> Application | None:
    if not form.is_valid():
        return None
    try:
        return services.application_submit(
            event=event,
            applicant=request.user,
            purpose=form.cleaned_data["purpose"],
            optional_unit_ids=form.cleaned_data.get("optional_units") or [],
            documents=form.documents(),
            particulars=form.particulars(),
            application=application,
        )
    except (services.ApplicationRefused, DocumentRefused) as refusal:
        form.add_error(field_of(refusal.code), refusal.messages[0])
        return None


@require_GET
@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    applications = list(selectors.applications_for_applicant(user=request.user))
    applied = {application.event_id for application in applications}
    events = [event for event in selectors.open_events()[:50] if event.pk not in applied]
    return render(request, "assessments/application/list.html", {"applications": applications, "events": events})


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def application_create(request: HttpRequest, event_id: int) -> HttpResponse:
    event = selectors.open_event(event_id=event_id)
    if event is None:
        messages.error(request, _("Applications to this assessment event are closed."))
        return redirect("assessments:application_list")
    form = _application_form(request, event)
    if request.method == "POST":
        application = _submit(request, form, event)
        if application is not None:
            messages.success(request, _("Your application is submitted; staff will check your documents."))
            return redirect("assessments:application_detail", application_id=application.pk)
    context = {"event": event, "form": form, "application": None}
    return render(request, "assessments/application/form.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _own_application(request, application_id)
    editable = application.status != Application.Status.ACCEPTED
    form = _application_form(request, application.event, application) if editable else None
    if request.method == "POST":
        if not editable:
            messages.error(request, _("This application is accepted and can no longer be changed."))
            return redirect("assessments:application_detail", application_id=application.pk)
        if _submit(request, form, application.event, application) is not None:
            messages.success(request, _("Your application is submitted again; staff will check your documents."))
            return redirect("assessments:application_detail", application_id=application.pk)
    labels = dict(DocumentKind.choices)
    context = {
        "application": application,
        "event": application.event,
        "form": form,
        "documents": [(labels[document.kind], document) for document in application.documents.all()],
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "assessments/application/form.html", context, status=status)


@require_GET
@login_required
def application_document_download(request: HttpRequest, application_id: int, document_id: int) -> HttpResponse:
    return document_response(_own_application(request, application_id), document_id)


# --- the assessor ----------------------------------------------------------------------------------------------


def _assigned_candidacy(request: HttpRequest, candidacy_id: int) -> Candidacy:
    candidacy = candidacy_selectors.candidacy_for_assessor(candidacy_id=candidacy_id, user=request.user)
    if candidacy is None or candidacy.assessor_id != request.user.pk:
        raise Http404
    return candidacy


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def apl02_recommendation(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _assigned_candidacy(request, candidacy_id)
    current = selectors.recommendation_for(candidacy=candidacy)
    initial = {"proceed": "1" if current.proceed else "0", "reasons": current.reasons} if current else {}
    form = RecommendationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.apl02_recommend(
                candidacy=candidacy,
                assessor=request.user,
                proceed=form.cleaned_data["proceed"],
                reasons=form.cleaned_data["reasons"],
            )
        except services.ApplicationRefused as refusal:
            form.add_error("reasons" if refusal.code == "no_reasons" else None, refusal.messages[0])
        else:
            messages.success(request, _("The APL.02 recommendation is recorded."))
            return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)
    context = {"candidacy": candidacy, "form": form, "current": current}
    return render(request, "assessments/application/recommendation.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def consent_assessor(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = _assigned_candidacy(request, candidacy_id)
    consent = selectors.consent_for(candidacy=candidacy)
    initial = (
        {"agreed_at": consent.agreed_at, "place": consent.place} if consent else {"place": candidacy.event.site_name}
    )
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_propose(
                candidacy=candidacy,
                assessor=request.user,
                agreed_at=form.cleaned_data["agreed_at"],
                place=form.cleaned_data["place"],
            )
        except services.ApplicationRefused as refusal:
            form.add_error(None, refusal.messages[0])
        else:
            messages.success(request, _("You signed the consent (FR.AK.01); the candidate signs it on their page."))
            return redirect("assessments:candidacy_assess", candidacy_id=candidacy.pk)
    context = {"candidacy": candidacy, "form": form, "consent": consent, "method_labels": _method_labels(consent)}
    return render(request, "assessments/application/consent_assessor.html", context, status=400 if form.errors else 200)


def _method_labels(consent) -> list[str]:
    labels = dict(EvidenceRecord.Method.choices)
    return [str(labels.get(method, method)) for method in (consent.methods if consent else [])]


# --- the candidate ---------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def consent_candidate(request: HttpRequest, candidacy_id: int) -> HttpResponse:
    candidacy = candidacy_selectors.candidacy_for_candidate(candidacy_id=candidacy_id, user=request.user)
    if candidacy is None:
        raise Http404
    consent = selectors.consent_for(candidacy=candidacy)
    if request.method == "POST":
        if request.POST.get("agree") != "yes":
            messages.error(request, _("Tick the box to agree before signing."))
        else:
            try:
                services.consent_sign(candidacy=candidacy, candidate=request.user)
            except services.ApplicationRefused as refusal:
                messages.error(request, refusal.messages[0])
            else:
                messages.success(request, _("You signed the consent (FR.AK.01)."))
                return redirect("assessments:candidacy_detail", candidacy_id=candidacy.pk)
        return redirect("assessments:consent_candidate", candidacy_id=candidacy.pk)
    context = {"candidacy": candidacy, "consent": consent, "method_labels": _method_labels(consent)}
    return render(request, "assessments/application/consent_candidate.html", context)


# --- the plan --------------------------------------------------------------------------------------------------


def _plan_rows(post, units) -> dict[int, tuple[list[str], str, list[str]]]:
    rows = {}
    for scheme_unit in units:
        for element in scheme_unit.unit.elements.all():
            rows[element.pk] = (
                post.getlist(f"methods-{element.pk}"),
                post.get(f"tools-{element.pk}", ""),
                post.getlist(f"instruments-{element.pk}"),
            )
    return rows


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def assessment_plan(request: HttpRequest, event_id: int) -> HttpResponse:
    event = selectors.event_for_planner(event_id=event_id, user=request.user)
    if event is None:
        raise Http404
    plan = selectors.plan_for_event(event=event)
    initial = (
        {"approach": plan.approach, "site": plan.site, "resources": plan.resources}
        if plan
        else {"site": event.site_name}
    )
    form = PlanForm(request.POST or None, initial=initial)
    units = selectors.scheme_units_with_elements(scheme_id=event.scheme_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_save(
                event=event,
                user=request.user,
                approach=form.cleaned_data["approach"],
                resources=form.cleaned_data["resources"],
                site=form.cleaned_data["site"],
                rows=_plan_rows(request.POST, units),
            )
        except services.ApplicationRefused as refusal:
            form.add_error(None, refusal.messages[0])
        else:
            messages.success(request, _("The assessment plan is saved."))
            return redirect("assessments:assessment_plan", event_id=event.pk)
    saved = selectors.plan_rows_by_element(plan=plan)
    rows = [
        {
            "unit": scheme_unit.unit,
            "is_core": scheme_unit.is_core,
            "elements": [
                {"element": element, "row": saved.get(element.pk)} for element in scheme_unit.unit.elements.all()
            ],
        }
        for scheme_unit in units
    ]
    context = {
        "event": event,
        "form": form,
        "plan": plan,
        "units": rows,
        "methods": EvidenceRecord.Method.choices,
        "instruments": services.INSTRUMENTS,
    }
    return render(request, "assessments/application/plan.html", context, status=400 if form.errors else 200)
