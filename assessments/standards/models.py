"""Competency standards (SKKNI and friends): standard → unit → element → performance criterion (KUK),
and certification schemes that bundle units. See docs/domain.md §1."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

KKNI_LEVEL = [MinValueValidator(1), MaxValueValidator(9)]


class CompetencyStandard(ClusterableModel):
    """A published standard, e.g. an SKKNI set by a Minister of Manpower decree."""

    class Kind(models.TextChoices):
        SKKNI = "SKKNI", _("SKKNI (national)")
        SKKK = "SKKK", _("SKKK (special)")
        SKKI = "SKKI", _("SKKI (international)")
        INTERNAL = "INTERNAL", _("Internal")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SKKNI)
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    sector = models.CharField(_("sector"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("competency standard")
        verbose_name_plural = _("competency standards")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "decree_number"],
                condition=~models.Q(decree_number=""),
                name="assessments_standard_unique_decree",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.decree_number})" if self.decree_number else self.title


class CompetencyUnit(ClusterableModel):
    """Unit kompetensi. The code is a free string (C.141220.001.01, KKK.00.02.012.01, ...), unique per standard."""

    standard = ParentalKey(
        CompetencyStandard, verbose_name=_("standard"), on_delete=models.CASCADE, related_name="units"
    )
    code = models.CharField(_("code"), max_length=64)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)
    range_statement = models.TextField(_("range statement (batasan variabel)"), blank=True)
    assessment_guide = models.TextField(_("assessment guide (panduan penilaian)"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    sort_order_field = "sort_order"

    class Meta:
        verbose_name = _("unit of competency")
        verbose_name_plural = _("units of competency")
        ordering = ["standard_id", "sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["standard", "code"], name="assessments_unit_code_per_standard")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Element(ClusterableModel):
    """Elemen kompetensi, numbered within its unit."""

    unit = ParentalKey(CompetencyUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="elements")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=500)

    class Meta:
        verbose_name = _("element")
        verbose_name_plural = _("elements")
        ordering = ["unit_id", "number"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="assessments_element_number_per_unit")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PerformanceCriterion(models.Model):
    """KUK (kriteria unjuk kerja), numbered "1.1", "1.2", ... within its element; may be critical."""

    element = ParentalKey(Element, verbose_name=_("element"), on_delete=models.CASCADE, related_name="criteria")
    number = models.CharField(_("number"), max_length=12)
    text = models.TextField(_("text"))
    is_critical = models.BooleanField(_("critical"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    sort_order_field = "sort_order"

    class Meta:
        verbose_name = _("performance criterion")
        verbose_name_plural = _("performance criteria")
        ordering = ["element_id", "sort_order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["element", "number"], name="assessments_criterion_number_per_element")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}"


class CertificationScheme(ClusterableModel):
    """Skema sertifikasi: the units a qualification is made of."""

    class Kind(models.TextChoices):
        KKNI = "KKNI", _("KKNI")
        OKUPASI = "OKUPASI", _("Occupation (okupasi)")
        KLASTER = "KLASTER", _("Cluster (klaster)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OKUPASI)
    number = models.CharField(_("scheme number"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=255)
    kkni_level = models.PositiveSmallIntegerField(_("KKNI level"), null=True, blank=True, validators=KKNI_LEVEL)
    validity_months = models.PositiveSmallIntegerField(_("validity (months)"), default=36)

    class Meta:
        verbose_name = _("certification scheme")
        verbose_name_plural = _("certification schemes")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kkni_level__isnull=True) | models.Q(kkni_level__gte=1, kkni_level__lte=9),
                name="assessments_scheme_kkni_level_1_9",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})" if self.number else self.title


class SchemeUnit(Orderable):
    scheme = ParentalKey(
        CertificationScheme, on_delete=models.CASCADE, related_name="scheme_units", verbose_name=_("scheme")
    )
    unit = models.ForeignKey(CompetencyUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    is_core = models.BooleanField(_("core"), default=True, help_text=_("Untick for an optional unit."))

    class Meta(Orderable.Meta):
        verbose_name = _("unit of the scheme")
        verbose_name_plural = _("units of the scheme")
        constraints = [models.UniqueConstraint(fields=["scheme", "unit"], name="assessments_scheme_unit_once")]


class CourseUnit(Orderable):
    """A unit of competency a course prepares for (the courses plugin's hook, filled from here)."""

    course = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="unit_coverages", verbose_name=_("course")
    )
    unit = models.ForeignKey(CompetencyUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")

    class Meta(Orderable.Meta):
        verbose_name = _("unit covered")
        verbose_name_plural = _("units covered")
        constraints = [models.UniqueConstraint(fields=["course", "unit"], name="assessments_course_unit_once")]


class LessonUnit(Orderable):
    """A unit of competency a lesson teaches (the courses plugin's lesson-editor hook, filled from here): the exam's
    result page sends a trainee weak in the unit back to these lessons."""

    lesson = ParentalKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="unit_coverages", verbose_name=_("lesson")
    )
    unit = models.ForeignKey(CompetencyUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")

    class Meta(Orderable.Meta):
        verbose_name = _("unit taught")
        verbose_name_plural = _("units taught")
        constraints = [models.UniqueConstraint(fields=["lesson", "unit"], name="assessments_lesson_unit_once")]
