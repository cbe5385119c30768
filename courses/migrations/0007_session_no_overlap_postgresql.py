"""No double-booking, enforced by PostgreSQL itself: two exclusion constraints (``btree_gist``) over the session's
[start, end) range, one per instructor and one per room or workshop. Only on PostgreSQL — other databases keep the
service's check under a lock (``courses.training.sessions.services.session_booking_check``) — so the constraints
are SQL run by vendor, not part of the model's state."""

from django.db import migrations

TABLE = "courses_trainingsession"
#: constraint name -> the column that may not overlap itself in time
CONSTRAINTS = {
    "courses_session_instructor_no_overlap": "instructor_id",
    "courses_session_workshop_no_overlap": "workshop_id",
}


def constraints_add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, column in CONSTRAINTS.items():
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD CONSTRAINT {name} EXCLUDE USING gist "
            f"({column} WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)"
        )


def constraints_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_training_sessions"),
    ]

    operations = [
        migrations.RunPython(constraints_add, constraints_drop, elidable=False),
    ]
