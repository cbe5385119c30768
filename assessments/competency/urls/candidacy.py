"""URLs: candidacy pages (see assessments.competency.views.candidacy), under /uji-kompetensi/ in the "assessments"
namespace."""

from django.urls import path

import courses.converters  # noqa: F401 - registers the id converter
from assessments.competency.views import candidacy

urlpatterns = [
    path("", candidacy.candidacy_list, name="candidacy_list"),
    path("<id:candidacy_id>/", candidacy.candidacy_detail, name="candidacy_detail"),
    path("<id:candidacy_id>/asesmen-mandiri/", candidacy.self_assessment_submit, name="self_assessment_submit"),
    path("<id:candidacy_id>/umpan-balik/", candidacy.feedback_submit, name="candidacy_feedback"),
    path("<id:candidacy_id>/banding/", candidacy.appeal_submit, name="candidacy_appeal"),
    path("<id:candidacy_id>/asesor/", candidacy.candidacy_assess, name="candidacy_assess"),
    path("<id:candidacy_id>/asesor/tanda-tangan/", candidacy.sign_off_confirm, name="candidacy_sign_off"),
    path("<id:candidacy_id>/asesor/pengesahan/", candidacy.countersign_confirm, name="candidacy_countersign"),
    path("<id:candidacy_id>/asesor/uji-ulang/", candidacy.reassessment_submit, name="candidacy_reassessment"),
    path("<id:candidacy_id>/asesor/unit/<id:unit_id>/", candidacy.unit_checklist, name="unit_checklist"),
    path("<id:candidacy_id>/asesor/unit/<id:unit_id>/observasi/", candidacy.checklist_save, name="checklist_save"),
    path("<id:candidacy_id>/asesor/unit/<id:unit_id>/keputusan/", candidacy.unit_verdict_submit, name="unit_verdict"),
]
