"""Translators translate into the languages of their groups ("Translators: ar"): those who
were translators before translated into Arabic, the one language translated into then
(not those of today's settings: a language configured later is given to each by hand)."""

from django.conf import settings
from django.db import migrations

LANGUAGES_THEN = ["ar"]


def give_translators_their_languages(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    translators = Group.objects.filter(name="Translators").first()
    if translators is None:
        return
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    members = list(User.objects.filter(groups=translators))
    for code in LANGUAGES_THEN:
        group, _created = Group.objects.get_or_create(name=f"Translators: {code}")
        group.user_set.add(*members)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("translations", "0002_exports"),
    ]

    operations = [
        migrations.RunPython(give_translators_their_languages, migrations.RunPython.noop),
    ]
