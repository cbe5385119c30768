"""Demo accounts, one per role. Loading twice changes nothing."""

from django.contrib.auth import get_user_model

from lms import roles, services

DEMO_PASSWORD = "kompeten-demo"

DEMO_USERS = [
    # username, e-mail, full name, role
    ("admin", "admin@kompeten.local", "Administrator Kompeten", roles.ADMINISTRATOR),
    ("instruktur", "instruktur@kompeten.local", "Rina Wulandari, S.T.", roles.INSTRUCTOR),
    ("asesor", "asesor@kompeten.local", "Bambang Sutrisno, M.Pd.", roles.ASSESSOR),
    ("sertifikasi", "sertifikasi@kompeten.local", "Dewi Lestari", roles.CERTIFICATION_ADMIN),
    ("komite", "komite@kompeten.local", "Hendra Wijaya, S.E.", roles.CERTIFICATION_COMMITTEE),
    ("peserta", "peserta@kompeten.local", "Siti Nurhaliza", roles.TRAINEE),
    ("peserta2", "peserta2@kompeten.local", "Agus Prasetyo", roles.TRAINEE),
    ("peserta3", "peserta3@kompeten.local", "Dian Permatasari", roles.TRAINEE),
    ("peserta4", "peserta4@kompeten.local", "Eko Saputra", roles.TRAINEE),
    ("peserta5", "peserta5@kompeten.local", "Fitri Handayani", roles.TRAINEE),
]


def demo_users_load() -> list[tuple[str, str, str]]:
    """Create the demo accounts that do not exist yet; return (username, password, role) for each."""
    user_model = get_user_model()
    existing = set(
        user_model._default_manager.filter(username__in=[u[0] for u in DEMO_USERS]).values_list("username", flat=True)
    )
    for username, email, full_name, role in DEMO_USERS:
        if username in existing:
            continue
        user = services.user_create(
            username=username, email=email, full_name=full_name, password=DEMO_PASSWORD, role=role
        )
        if role == roles.ADMINISTRATOR:
            services.user_superuser_grant(user=user)
    return [(username, DEMO_PASSWORD, role) for username, _email, _name, role in DEMO_USERS]
