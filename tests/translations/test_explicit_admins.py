"""Each translated model's admin names the translators' workflow among its bases; a system
check fails for one that does not, and nothing re-registers admin classes at start-up."""

import pytest
from django.contrib import admin
from django.core import checks
from modeltranslation.admin import TabbedTranslationAdmin

from experts.models import Expert
from translations.admin_workflow import TranslationWorkflowAdmin
from translations.fields import translated_models


def test_every_translated_models_admin_names_the_mixin_in_its_own_source():
    registered = [model for model in translated_models() if model in admin.site._registry]
    assert len(registered) >= 6  # briefs, types, experts, topics, regions, images
    for model in registered:  # the others are edited inline, in their owner's form
        admin_class = type(admin.site._registry[model])
        assert TranslationWorkflowAdmin in admin_class.__mro__, model
        assert admin_class.__module__ == f"{model._meta.app_label}.admin"  # not a made class


def test_the_check_passes_on_the_project():
    assert [
        e for e in checks.run_checks(tags=[checks.Tags.admin]) if e.id.startswith("translations")
    ] == []


@pytest.fixture
def expert_admin_without_the_mixin():
    site = admin.site
    original = site._registry[Expert]
    site.unregister(Expert)
    site.register(Expert, type("BareExpertAdmin", (TabbedTranslationAdmin,), {}))
    yield
    site.unregister(Expert)
    site._registry[Expert] = original


def test_the_check_fails_for_a_translated_model_whose_admin_lacks_the_mixin(
    expert_admin_without_the_mixin,
):
    errors = [e for e in checks.run_checks(tags=[checks.Tags.admin]) if e.id == "translations.E001"]
    assert len(errors) == 1
    assert "BareExpertAdmin" in errors[0].msg
