"""The placement plugin's admin: one "Placement" menu for centre staff — employers (listed, searched, filtered by
verification, inspected; verified and unverified behind a confirmation page, audited), and read-only lists of
vacancies and placements. Nothing is added, edited or deleted here: employers register themselves, their people
write their vacancies, placements come from the pipeline.

Other placement admin modules (demand, pipeline, figures) join the same menu: a viewset with
``menu_hook = MENU_HOOK`` (and ``add_to_admin_menu = True``) registered through ``register_admin_viewset``, or a
``MenuItem`` returned by a function registered with ``@hooks.register(MENU_HOOK)``.
"""

import django_filters
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from kompeten_core.admin_display import NOTHING, HumanValuesInspectMixin, HumanValuesInspectView, local_datetime
from kompeten_core.admin_views import ActionDone, ConfirmActionView
from placement.models import Employer, Placement, Vacancy
from placement.selectors.employers import employer_for_staff, employer_members, employer_open_vacancy_count
from placement.services import PlacementRefused
from placement.services.employers import employer_unverify, employer_verify

EMPLOYER = "placement_employer"
VACANCY = "placement_vacancy"
PLACEMENT = "placement_placement"
VIEW_EMPLOYER = "placement.view_employer"
VERIFY_EMPLOYER = "placement.verify_employer"
#: The "Placement" menu's Wagtail submenu hook (see the module's docstring).
MENU_HOOK = "register_placement_menu_item"


def url(view: str, *args) -> str:
    return reverse(f"{EMPLOYER}:{view}", args=args)


def _can_verify(user) -> bool:
    return user.has_perm(VIEW_EMPLOYER) and user.has_perm(VERIFY_EMPLOYER)


class ReadOnlyViewSet(ModelViewSet):
    """A list with an inspect view; no add, edit, delete, copy, history or usage views."""

    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = HumanValuesInspectView
    search_backend_name = None  # plain database search

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    @property
    def url_finder_class(self):
        # Wagtail's reports (Site history) link a logged object to its edit view; these have none: inspect instead.
        return type("InspectURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


# --- employers ----------------------------------------------------------------------------------------------------


class EmployerFilterSet(WagtailFilterSet):
    verified = django_filters.ChoiceFilter(
        label=gettext_lazy("Verification"),
        choices=[("yes", gettext_lazy("Verified")), ("no", gettext_lazy("Not verified yet"))],
        method="filter_verified",
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Employer
        fields = ["size"]

    def filter_verified(self, queryset, name, value):
        if value in ("yes", "no"):
            return queryset.filter(verified_at__isnull=value == "no")
        return queryset


def _verification_buttons(employer: Employer, user, make):
    if not _can_verify(user):
        return []
    if employer.is_verified:
        return [make(_("Withdraw the verification"), url("unverify", employer.pk), "cross")]
    return [make(_("Verify"), url("verify", employer.pk), "success")]


class EmployerIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("verified_by")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons += _verification_buttons(
            instance,
            self.request.user,
            lambda label, link, icon: MenuItem(label, url=link, icon_name=icon, priority=30),
        )
        return buttons


class EmployerInspectView(HumanValuesInspectMixin, InspectView):
    def get_object(self, queryset=None):
        return _employer_or_404(self.pk)

    def get_field_label(self, field_name, field):
        labels = {"members_list": _("People acting for the employer"), "verification": _("Verification")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_verification_display_value(self):
        employer = self.object
        if not employer.is_verified:
            return _("Not verified yet: nothing of this employer is public.")
        return _("Verified by %(user)s, %(when)s") % {
            "user": employer.verified_by or NOTHING,
            "when": local_datetime(employer.verified_at),
        }

    def get_members_list_display_value(self):
        people = [member.user for member in employer_members(employer_id=self.object.pk)]
        return ", ".join(f"{person} <{person.email}>" if person.email else str(person) for person in people) or NOTHING

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        buttons += _verification_buttons(
            self.object, self.request.user, lambda label, link, icon: Button(label, url=link, icon_name=icon)
        )
        return buttons


class EmployerViewSet(ReadOnlyViewSet):
    model = Employer
    index_view_class = EmployerIndexView
    inspect_view_class = EmployerInspectView
    filterset_class = EmployerFilterSet
    icon = "home"
    menu_label = gettext_lazy("Employers")
    url_prefix = "placement/employers"
    list_display = [
        "name",
        "nib",
        "sector",
        "size",
        StatusTagColumn(
            "verified_at",
            accessor=lambda employer: _("Verified") if employer.is_verified else _("Not verified yet"),
            label=gettext_lazy("Verification"),
            primary=lambda employer: employer.is_verified,
        ),
        Column("created", accessor=lambda e: local_datetime(e.created_at), label=gettext_lazy("Registered")),
    ]
    search_fields = ["name", "nib", "sector", "contact_name", "contact_email"]
    inspect_view_fields = [
        "name",
        "nib",
        "sector",
        "park_zone",
        "park_plot",
        "address",
        "size",
        "contact_name",
        "contact_email",
        "contact_phone",
        "members_list",
        "verification",
        "created_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/verify/", EmployerVerifyView.as_view(), name="verify"),
            path("<int:pk>/unverify/", EmployerUnverifyView.as_view(), name="unverify"),
        ]


def _employer_or_404(pk) -> Employer:
    employer = employer_for_staff(employer_id=pk)
    if employer is None:
        raise Http404
    return employer


class EmployerVerifyView(ConfirmActionView):
    """GET: what verifying makes public, with a confirm button; POST: verify (audited), then back to the employer."""

    permissions = (VIEW_EMPLOYER, VERIFY_EMPLOYER)
    template_name = "placement/admin/employer_confirm.html"
    refused = PlacementRefused
    verify = True

    def get_object(self) -> Employer:
        return _employer_or_404(self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return url("inspect", self.object.pk)

    def get_context_data(self, **kwargs) -> dict:
        return {
            **kwargs,
            "employer": self.object,
            "verify": self.verify,
            "open_vacancies": employer_open_vacancy_count(employer_id=self.object.pk),
            "inspect_url": self.get_cancel_url(),
        }

    def perform(self, form) -> ActionDone:
        employer_verify(employer=self.object, by=self.request.user)
        done = _("%(name)s is verified: its open vacancies are public now.")
        return ActionDone(done % {"name": self.object.name}, self.get_cancel_url())


class EmployerUnverifyView(EmployerVerifyView):
    """The same for withdrawing the verification: the employer's vacancies leave the public pages."""

    verify = False

    def perform(self, form) -> ActionDone:
        employer_unverify(employer=self.object, by=self.request.user)
        done = _("The verification of %(name)s is withdrawn: its vacancies are no longer public.")
        return ActionDone(done % {"name": self.object.name}, self.get_cancel_url())


# --- vacancies and placements (read only) -----------------------------------------------------------------------


class VacancyIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("employer")


class VacancyViewSet(ReadOnlyViewSet):
    model = Vacancy
    index_view_class = VacancyIndexView
    icon = "doc-full"
    menu_label = gettext_lazy("Vacancies")
    url_prefix = "placement/vacancies"
    list_display = [
        "title",
        "employer",
        StatusTagColumn(
            "status",
            accessor="get_status_display",
            label=gettext_lazy("Status"),
            primary=lambda vacancy: vacancy.status == Vacancy.Status.OPEN,
        ),
        "positions",
        "closes_on",
    ]
    list_filter = ["status", "contract"]
    search_fields = ["title", "employer__name", "location"]
    inspect_view_fields = [
        "title",
        "employer",
        "status",
        "description",
        "positions",
        "track",
        "scheme",
        "units",
        "min_kkni_level",
        "min_education",
        "location",
        "wage_min",
        "wage_max",
        "contract",
        "shifts",
        "closes_on",
        "opened_at",
    ]


class PlacementIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("person", "employer")


class PlacementViewSet(ReadOnlyViewSet):
    model = Placement
    index_view_class = PlacementIndexView
    icon = "user"
    menu_label = gettext_lazy("Placements")
    url_prefix = "placement/placements"
    list_display = [
        "person",
        Column(
            "employer",
            accessor=lambda placement: placement.employer or placement.employer_name,
            label=gettext_lazy("Employer"),
        ),
        "position",
        "starts_on",
        "contract",
        "wage_band",
    ]
    list_filter = ["contract", "wage_band"]
    search_fields = ["position", "employer_name", "employer__name"]
    inspect_view_fields = [
        "person",
        "employer",
        "employer_name",
        "position",
        "starts_on",
        "wage_band",
        "contract",
        "application",
        "recorded_by",
    ]


class PlacementGroup(ViewSetGroup):
    menu_label = gettext_lazy("Placement")
    menu_icon = "group"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = (EmployerViewSet(EMPLOYER), VacancyViewSet(VACANCY), PlacementViewSet(PLACEMENT))


@hooks.register("register_admin_viewset")
def register_placement_group():
    return PlacementGroup()
