"""A live flag per language on briefs and their links, beside the status they replace."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0019_search_entry_filed_under"),
        ("experts", "0004_trigram_extension"),
        ("library", "0002_natural_renditions"),
        ("taxonomy", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="authorship",
            name="brief_live_ar",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="authorship",
            name="brief_live_en",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="brief",
            name="live_ar",
            field=models.BooleanField(default=False, editable=False, verbose_name="live in ar"),
        ),
        migrations.AddField(
            model_name="brief",
            name="live_en",
            field=models.BooleanField(default=False, editable=False, verbose_name="live in en"),
        ),
        migrations.AddField(
            model_name="brief",
            name="source_language",
            field=models.CharField(
                choices=[("en", "English"), ("ar", "Arabic")],
                default="en",
                help_text="The language it is written in; the others are its translations.",
                max_length=10,
                verbose_name="written in",
            ),
        ),
        migrations.AddField(
            model_name="briefregion",
            name="brief_live_ar",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="briefregion",
            name="brief_live_en",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="brieftopic",
            name="brief_live_ar",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="brieftopic",
            name="brief_live_en",
            field=models.BooleanField(default=False, editable=False),
        ),
    ]
