"""The status columns, replaced by the live flags and publishing.LanguageState."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0021_language_states_from_status"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="authorship",
            name="authorship_public",
        ),
        migrations.RemoveIndex(
            model_name="authorship",
            name="authorship_public_ar",
        ),
        migrations.RemoveIndex(
            model_name="brief",
            name="brief_status_date",
        ),
        migrations.RemoveIndex(
            model_name="brief",
            name="brief_public_arabic_date",
        ),
        migrations.RemoveIndex(
            model_name="briefregion",
            name="briefregion_public",
        ),
        migrations.RemoveIndex(
            model_name="briefregion",
            name="briefregion_public_ar",
        ),
        migrations.RemoveIndex(
            model_name="brieftopic",
            name="brieftopic_public",
        ),
        migrations.RemoveIndex(
            model_name="brieftopic",
            name="brieftopic_public_ar",
        ),
        migrations.RemoveField(
            model_name="authorship",
            name="brief_in_arabic",
        ),
        migrations.RemoveField(
            model_name="authorship",
            name="brief_is_published",
        ),
        migrations.RemoveField(
            model_name="brief",
            name="arabic_status",
        ),
        migrations.RemoveField(
            model_name="brief",
            name="in_arabic",
        ),
        migrations.RemoveField(
            model_name="brief",
            name="status",
        ),
        migrations.RemoveField(
            model_name="briefregion",
            name="brief_in_arabic",
        ),
        migrations.RemoveField(
            model_name="briefregion",
            name="brief_is_published",
        ),
        migrations.RemoveField(
            model_name="brieftopic",
            name="brief_in_arabic",
        ),
        migrations.RemoveField(
            model_name="brieftopic",
            name="brief_is_published",
        ),
        migrations.AddIndex(
            model_name="authorship",
            index=models.Index(
                condition=models.Q(("brief_live_en", True)),
                fields=["expert", "-brief_published_at"],
                name="authorship_live_en",
            ),
        ),
        migrations.AddIndex(
            model_name="authorship",
            index=models.Index(
                condition=models.Q(("brief_live_ar", True)),
                fields=["expert", "-brief_published_at"],
                name="authorship_live_ar",
            ),
        ),
        migrations.AddIndex(
            model_name="brief",
            index=models.Index(
                condition=models.Q(("live_en", True)),
                fields=["-published_at"],
                name="brief_live_en_date",
            ),
        ),
        migrations.AddIndex(
            model_name="brief",
            index=models.Index(
                condition=models.Q(("live_ar", True)),
                fields=["-published_at"],
                name="brief_live_ar_date",
            ),
        ),
        migrations.AddIndex(
            model_name="briefregion",
            index=models.Index(
                condition=models.Q(("brief_live_en", True)),
                fields=["region", "-brief_published_at"],
                name="briefregion_live_en",
            ),
        ),
        migrations.AddIndex(
            model_name="briefregion",
            index=models.Index(
                condition=models.Q(("brief_live_ar", True)),
                fields=["region", "-brief_published_at"],
                name="briefregion_live_ar",
            ),
        ),
        migrations.AddIndex(
            model_name="brieftopic",
            index=models.Index(
                condition=models.Q(("brief_live_en", True)),
                fields=["topic", "-brief_published_at"],
                name="brieftopic_live_en",
            ),
        ),
        migrations.AddIndex(
            model_name="brieftopic",
            index=models.Index(
                condition=models.Q(("brief_live_ar", True)),
                fields=["topic", "-brief_published_at"],
                name="brieftopic_live_ar",
            ),
        ),
    ]
