"""Replace Wagtail's placeholder root page with the Kompeten home page and point the default site at it."""

from django.db import migrations

HERO = "Kompetensi untuk industri, dari Batang untuk Indonesia"
INTRO = (
    "<p>Kompeten adalah pusat pelatihan dan sertifikasi kompetensi daring Smart Training Center Batang: "
    "belajar modul dan pelajaran, ikuti uji kompetensi, dan dapatkan sertifikat yang dapat diverifikasi.</p>"
)


def create_homepage(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    site_model = apps.get_model("wagtailcore", "Site")
    home_model = apps.get_model("lms", "HomePage")

    if home_model.objects.exists():
        return
    root = page_model.objects.get(depth=1)
    placeholder_type = content_type_model.objects.get(app_label="wagtailcore", model="page")
    page_model.objects.filter(content_type=placeholder_type, slug="home", depth=2).delete()
    home_type, _ = content_type_model.objects.get_or_create(app_label="lms", model="homepage")
    siblings = page_model.objects.filter(depth=2).count()
    home = home_model.objects.create(
        title="Beranda",
        draft_title="Beranda",
        slug="beranda",
        hero_title=HERO,
        intro=INTRO,
        content_type=home_type,
        path=f"{root.path}{siblings + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale_id=root.locale_id,
        live=True,
    )
    page_model.objects.filter(pk=root.pk).update(numchild=siblings + 1)
    site_model.objects.filter(is_default_site=True).delete()
    site_model.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True, site_name="Kompeten")


def remove_homepage(apps, schema_editor):
    apps.get_model("lms", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
