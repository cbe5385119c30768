"""Wagtail's default workflow and its task are data named in English ("Moderators approval"), shown as is in the
admin ("Pengajuan ke Moderators approval"): give them their Indonesian name, unless an editor has renamed them."""

from django.db import migrations

ENGLISH = "Moderators approval"
INDONESIAN = "Persetujuan moderator"


def rename(apps, *, old: str, new: str) -> None:
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def to_indonesian(apps, schema_editor):
    rename(apps, old=ENGLISH, new=INDONESIAN)


def to_english(apps, schema_editor):
    rename(apps, old=INDONESIAN, new=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0006_user_username_ascii_and_skeleton_unique"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_indonesian, to_english)]
