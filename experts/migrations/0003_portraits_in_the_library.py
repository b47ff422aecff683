import django.db.models.deletion
from django.db import migrations, models

from library.renditions import make_renditions


def photos_to_library(apps, schema_editor):
    """Each expert's photo becomes a library image, its renditions made, its alt text the
    expert's name in each language."""
    db = schema_editor.connection.alias  # the database being migrated, not the router's
    Expert = apps.get_model("experts", "Expert")
    Image = apps.get_model("library", "Image")
    for expert in Expert.objects.using(db).exclude(photo=""):
        image = Image(
            file=expert.photo.name,
            width=expert.photo_width,
            height=expert.photo_height,
            alt=expert.name_en,
            alt_en=expert.name_en,
            alt_ar=expert.name_ar or "",
            focal_x=50,
            focal_y=35,  # a portrait's face is in its upper part
        )
        image.save(using=db)
        image.renditions = make_renditions(image)
        image.save(using=db, update_fields=["renditions"])
        expert.portrait = image
        expert.save(using=db, update_fields=["portrait"])


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0002_expert_kind"),
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="expert",
            name="portrait",
            field=models.ForeignKey(
                blank=True,
                help_text="From the image library; shown square, cropped around its focal point.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="library.image",
                verbose_name="portrait",
            ),
        ),
        migrations.RunPython(photos_to_library, migrations.RunPython.noop),
        migrations.RemoveField(model_name="expert", name="photo"),
        migrations.RemoveField(model_name="expert", name="photo_height"),
        migrations.RemoveField(model_name="expert", name="photo_width"),
    ]
