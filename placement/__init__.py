"""Placement: from certificate to job — employers, vacancies matched on certified competencies, applications,
placements."""
