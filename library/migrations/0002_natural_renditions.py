from django.db import migrations

from library.renditions import make_renditions


def add_natural_renditions(apps, schema_editor):
    """Images saved before figures had only their cropped renditions; make the uncropped
    ones a figure shows."""
    db = schema_editor.connection.alias  # the database being migrated, not the router's
    Image = apps.get_model("library", "Image")
    for image in Image.objects.using(db).exclude(file="").iterator(chunk_size=100):
        try:
            image.renditions = make_renditions(image)
        except OSError:  # a file missing from the storage: left as it was
            continue
        image.save(using=db, update_fields=["renditions"])


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(add_natural_renditions, migrations.RunPython.noop)]
