from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from editorial.admin import ChangeFormAdmin, QueryStringInputAdmin, RichTextAdmin, SlugPrefillAdmin
from editorial.history import HistoryAdmin
from languages import registry
from library.pictures import picture
from translations.admin_workflow import TranslationWorkflowAdmin

from .models import Expert


@admin.register(Expert)
class ExpertAdmin(
    ChangeFormAdmin,
    TranslationWorkflowAdmin,
    QueryStringInputAdmin,
    RichTextAdmin,
    SlugPrefillAdmin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "sort_name", "role", "portrait", "is_active"]}),
        (_("Biography"), {"fields": ["short_bio", "full_bio"]}),
        (_("Expertise"), {"fields": ["topics", "regions"]}),
    ]
    list_display = [
        "thumbnail",
        *registry.in_every_language("name"),
        "kind",
        "role_en",
        "is_active",
    ]
    list_display_links = ["thumbnail", "name_en"]
    list_select_related = ["portrait"]
    list_filter = ["kind", "is_active", "topics", "regions"]
    search_fields = [*registry.in_every_language("name"), "slug"]
    autocomplete_fields = ["topics", "regions", "portrait"]
    slug_sources = {"slug": ("name_en", "en")}

    @admin.display(description=_("portrait"))
    def thumbnail(self, expert):
        return picture(expert.portrait, "square", sizes="48px")
