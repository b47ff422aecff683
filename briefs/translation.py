from modeltranslation.translator import TranslationOptions, register

from .models import Attachment, Brief, PublicationType


@register(PublicationType)
class PublicationTypeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}


@register(Brief)
class BriefTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "author_note", "original_outlet_name")
    # No language's title is required as such: the one the brief is written in is
    # (briefs.admin.BriefAdminForm), and an Arabic-first brief may have no English yet.
    required_languages = {}
    # An Arabic slug not yet given is NULL, so that many briefs may lack one.
    empty_values = {"slug": None}
    # What may narrow a batch of briefs sent to a translation agency.
    batch_form = "briefs.forms.TranslationBatchForm"
    # What a brief's page shows of other translated objects (translations.dependents).
    dependents = (
        "publication_type", "authors", "topics", "regions", "attachments", "lead_image",
    )  # fmt: skip


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",)}
