from placement.models.applications import Application, ApplicationStep, Placement
from placement.models.demand import Demand
from placement.models.employers import Employer, EmployerMember
from placement.models.notices import PlacementNotice
from placement.models.seekers import JobSeekerProfile
from placement.models.tracer import TracerAnswer, TracerSurvey
from placement.models.vacancies import Vacancy

__all__ = [
    "Application",
    "ApplicationStep",
    "Demand",
    "Employer",
    "EmployerMember",
    "JobSeekerProfile",
    "Placement",
    "PlacementNotice",
    "TracerAnswer",
    "TracerSurvey",
    "Vacancy",
]
