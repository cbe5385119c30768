"""The scopes an OAuth token of the API may carry; each endpoint names the one it needs (``required_scope``)."""

from django.utils.translation import gettext_lazy

SCOPES = {
    "catalogue:read": gettext_lazy("Read the published tracks, courses, modules and lessons"),
    "learning:read": gettext_lazy("Read your enrolments, progress, exam attempts and results"),
    "learning:write": gettext_lazy("Mark your lessons done"),
    "training:read": gettext_lazy("Read your training applications, timetable and attendance"),
    "events:read": gettext_lazy("Read the assessment events open for application"),
    "certificates:read": gettext_lazy("Read your certificates"),
    "certificates:verify": gettext_lazy("Verify certificates by their code"),
    "vacancies:read": gettext_lazy("Read the open vacancies"),
    "applications:read": gettext_lazy("Read your job applications"),
    "applications:write": gettext_lazy("Apply for vacancies"),
    "vacancies:write": gettext_lazy("Manage your employer's vacancies"),
    "placements:read": gettext_lazy("Read the applicants of your employer's vacancies"),
    "figures:read": gettext_lazy("Read the centre's figures (staff)"),
}
