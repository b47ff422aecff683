from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from editorial.admin import ChangeFormAdmin, QueryStringInputAdmin, RichTextAdmin, SlugPrefillAdmin
from editorial.history import HistoryAdmin
from languages import registry
from translations.admin_workflow import TranslationWorkflowAdmin

from .models import Region, Topic


class TermAdmin(
    ChangeFormAdmin,
    TranslationWorkflowAdmin,
    QueryStringInputAdmin,
    RichTextAdmin,
    SlugPrefillAdmin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    list_display = [*registry.in_every_language("name"), "slug"]
    search_fields = [*registry.in_every_language("name"), "slug"]
    slug_sources = {"slug": ("name_en", "en")}


@admin.register(Topic)
class TopicAdmin(TermAdmin):
    fields = ["name", "slug", "description"]


@admin.register(Region)
class RegionAdmin(TermAdmin):
    fields = ["name", "slug", "parent", "description"]
    list_display = [*TermAdmin.list_display, "parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
