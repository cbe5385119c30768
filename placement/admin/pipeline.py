"""The placement plugin's admin: the pipeline for centre staff — put a consenting job seeker forward for an open
vacancy, and record a placement found outside the portal. Both are shown for confirmation first, then audited."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.viewsets.base import ViewSet

from placement.forms.pipeline import NominateForm, PlacementRecordForm
from placement.selectors.vacancies import public_vacancies
from placement.services import PlacementRefused
from placement.services.applications import application_nominate, placement_record

NAME = "placement_pipeline"
NOMINATE = ("placement.add_application", "placement.view_application")
RECORD = ("placement.add_placement", "placement.view_placement")


def _require(user, permissions) -> None:
    if not all(user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


class PipelineMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(NOMINATE[0]) or request.user.has_perm(RECORD[0])


class PipelineViewSet(ViewSet):
    icon = "user"
    menu_label = gettext_lazy("Nominations and placements")
    url_prefix = "placement/pipeline"
    add_to_admin_menu = True
    menu_order = 260

    @cached_property
    def menu_item_class(self):
        return PipelineMenuItem

    @property
    def menu_url(self):
        return reverse(f"{NAME}:index")

    def get_urlpatterns(self):
        return [
            path("", index_view, name="index"),
            path("nominate/", nominate_view, name="nominate"),
            path("placement/", record_view, name="record"),
        ]


def index_view(request):
    can_nominate = all(request.user.has_perm(p) for p in NOMINATE)
    can_record = all(request.user.has_perm(p) for p in RECORD)
    if not (can_nominate or can_record):
        raise PermissionDenied
    context = {"can_nominate": can_nominate, "can_record": can_record}
    return TemplateResponse(request, "placement/admin/pipeline_index.html", context)


def _confirm_or_do(request, *, form, title: str, summary: list, do, done) -> TemplateResponse:
    """Shared flow: a valid form is first shown for confirmation; posted again with ``confirm`` it is done."""
    if request.method == "POST" and form.is_valid():
        if request.POST.get("confirm") == "yes":
            try:
                result = do(form.cleaned_data)
            except PlacementRefused as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, done(result))
                return redirect(f"{NAME}:index")
        else:
            context = {"form": form, "title": title, "summary": summary(form.cleaned_data), "confirming": True}
            return TemplateResponse(request, "placement/admin/pipeline_form.html", context)
    context = {"form": form, "title": title, "confirming": False}
    return TemplateResponse(request, "placement/admin/pipeline_form.html", context, status=400 if form.errors else 200)


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def nominate_view(request):
    _require(request.user, NOMINATE)
    form = NominateForm(request.POST or None, vacancies=public_vacancies())
    return _confirm_or_do(
        request,
        form=form,
        title=_("Nominate a job seeker"),
        summary=lambda data: [
            (_("Job seeker"), f"{_name(data['seeker'])} <{data['seeker'].email}>"),
            (_("Vacancy"), str(data["vacancy"])),
        ],
        do=lambda data: application_nominate(vacancy=data["vacancy"], seeker=data["seeker"], by=request.user),
        done=lambda application: (
            _("%(name)s is put forward for %(vacancy)s; the employer and the job seeker are told.")
            % {"name": _name(application.seeker), "vacancy": application.vacancy.title}
        ),
    )


def record_view(request):
    _require(request.user, RECORD)
    form = PlacementRecordForm(request.POST or None)
    return _confirm_or_do(
        request,
        form=form,
        title=_("Record a placement found outside the portal"),
        summary=lambda data: [
            (_("Person"), f"{_name(data['person'])} <{data['person'].email}>"),
            (_("Employer"), str(data["employer"] or data["employer_name"])),
            (_("Position"), data["position"]),
            (_("Start date"), data["starts_on"].strftime("%d-%m-%Y")),
            (_("Wage band"), dict(form.fields["wage_band"].choices)[data["wage_band"]]),
            (_("Contract"), dict(form.fields["contract"].choices)[data["contract"]]),
        ],
        do=lambda data: placement_record(
            person=data["person"],
            by=request.user,
            employer=data["employer"],
            employer_name="" if data["employer"] else data["employer_name"],
            position=data["position"],
            starts_on=data["starts_on"],
            wage_band=data["wage_band"],
            contract=data["contract"],
        ),
        done=lambda placement: (
            _("The placement of %(name)s as %(position)s is recorded.")
            % {"name": _name(placement.person), "position": placement.position}
        ),
    )


@hooks.register("register_admin_viewset")
def register_pipeline_viewset():
    return PipelineViewSet(NAME)
