"""The trainee's K3 pages: every workshop's induction with what is done and what is missing, and a workshop's PPE
checklist to acknowledge. Thin: parse, call a selector or a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from courses.training.safety import selectors, services


@require_GET
@login_required
def k3_overview(request: HttpRequest) -> HttpResponse:
    rows = [
        {
            "induction": induction,
            "status": status,
            "course_url": reverse("courses:continue", args=[induction.course_id]),
            "ppe_url": reverse("courses:k3_ppe", args=[induction.workshop_id]),
        }
        for induction, status in selectors.inductions_for_user(user=request.user)
    ]
    return render(request, "courses/safety/overview.html", {"rows": rows, "today": timezone.localdate()})


@require_http_methods(["GET", "POST"])
@login_required
def k3_ppe(request: HttpRequest, workshop_id: int) -> HttpResponse:
    """A workshop's PPE checklist: every item ticked, then acknowledged (once per trainee and workshop, again when
    the checklist changes)."""
    induction = selectors.induction_for(workshop_id=workshop_id)
    if induction is None:
        raise Http404
    status = selectors.induction_status(user=request.user, induction=induction)
    context = {"induction": induction, "status": status, "items": list(enumerate(induction.items, start=1))}
    if request.method == "POST":
        ticked = [value for value in request.POST.getlist("item") if len(value) <= 3][:50]
        try:
            services.ppe_acknowledge(user=request.user, induction=induction, ticked=ticked)
        except ValidationError as error:
            context["error"] = error.messages[0]
            context["ticked"] = set(ticked)
            return render(request, "courses/safety/ppe.html", context, status=400)
        messages.success(
            request,
            _("Thank you: the PPE checklist of %(workshop)s is acknowledged.") % {"workshop": induction.workshop.name},
        )
        return redirect("courses:k3_overview")
    return render(request, "courses/safety/ppe.html", context)
