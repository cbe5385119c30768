"""National ID numbers encrypted at rest: the column becomes text holding ``enc1:<Fernet token>``, and the numbers
already stored are encrypted (reversible: going back writes them in plain text again)."""

import lms.security.encryption
from django.db import migrations


def encrypt_existing(apps, schema_editor):
    from lms.security.encryption import PREFIX, encrypt

    user_model = apps.get_model("lms", "User")
    table = schema_editor.connection.ops.quote_name(user_model._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, national_id FROM {table} WHERE national_id <> ''")
        rows = cursor.fetchall()
        for pk, value in rows:
            if value and not value.startswith(PREFIX):
                cursor.execute(f"UPDATE {table} SET national_id = %s WHERE id = %s", [encrypt(value), pk])


def decrypt_existing(apps, schema_editor):
    from lms.security.encryption import PREFIX, decrypt

    user_model = apps.get_model("lms", "User")
    table = schema_editor.connection.ops.quote_name(user_model._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, national_id FROM {table} WHERE national_id <> ''")
        for pk, value in cursor.fetchall():
            if value and value.startswith(PREFIX):
                cursor.execute(f"UPDATE {table} SET national_id = %s WHERE id = %s", [decrypt(value)[:32], pk])


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0004_create_homepage"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="national_id",
            field=lms.security.encryption.EncryptedTextField(
                blank=True,
                help_text="Optional. Private: kept encrypted and only ever shown masked.",
                verbose_name="national ID number (NIK)",
            ),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing, elidable=False),
    ]
