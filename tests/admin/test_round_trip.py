"""Every admin form, for every role, in both admin languages, on every object the demo
builds: opened and posted back exactly as a browser would, unchanged and then with one
permitted field changed. Never a server error; a save is a redirect or the form again
with a message; a field the role may not change is unchanged in the database.

The same for the add forms, every changelist with each of its filters, and every admin
page a role reaches from the admin home by following links.
"""

from collections import deque
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from selectolax.lexbor import LexborHTMLParser

from tests.admin.conftest import ROLES
from tests.browser_forms import form_action, form_fields, submit_buttons
from translations.fields import translated_fields

LANGUAGES = ["en", "ar"]
OBJECTS_PER_MODEL = 25
CRAWL_LIMIT = 600
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_url(name, language, *args):
    with translation.override(language):
        return reverse(f"admin:{name}", args=args)


def client_for(client, user):
    client.force_login(user)
    client.raise_request_exception = False  # a server error is an answer to assert on
    return client


def is_saved_or_refused_with_a_message(response):
    if response.status_code in (302, 303):
        return True
    page = response.content.decode()
    messages = ("errornote", "errorlist", 'class="messagelist"', 'role="status"')
    return response.status_code == 200 and any(message in page for message in messages)


def editable_values(obj):
    """What the database holds for `obj` in every field a form may set (each language's
    column of a translated field, not modeltranslation's stand-in for the active one), as
    a form would show it: NULL as "", times to the second."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    stand_ins = set(translated_fields(type(obj)))
    return {
        field.name: _as_shown(field.value_from_object(fresh))
        for field in type(obj)._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in stand_ins
    }


def _as_shown(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


def inline_rows(model_admin, obj):
    """Every editable value of the rows each inline of the form shows."""
    rows = {}
    for inline in model_admin.inlines:
        fk = next(
            field
            for field in inline.model._meta.concrete_fields
            if field.is_relation
            and field.related_model is type(obj)
            and (getattr(inline, "fk_name", None) in (None, field.name))
        )
        stand_ins = set(translated_fields(inline.model))
        names = [
            f.attname
            for f in inline.model._meta.concrete_fields
            if f.editable and f.name not in stand_ins
        ]
        found = inline.model._default_manager.filter(**{fk.name: obj}).order_by("pk")
        rows[inline.model._meta.label] = [
            {name: _as_shown(value) for name, value in row.items()} for row in found.values(*names)
        ]
    return rows


def history_line(obj, language):
    """What the admin's log says of the last change to `obj`, in `language`."""
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).latest("action_time")
    with translation.override(language):
        return entry.get_change_message()


def change_to_make(model, data):
    """(form field, new value): one text field of `model` the form lets this user change."""
    for name, value in data.items():
        if not isinstance(value, str) or "-" in name:  # an inline row's field
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a form field that is no model field
            continue
        plain = isinstance(field, models.CharField | models.TextField)
        special = isinstance(field, models.SlugField | models.URLField | models.EmailField)
        if not plain or special or field.choices or not field.editable:
            continue
        arabic = name.endswith("_ar")
        if isinstance(field, models.TextField):
            mark = "<p>تعديل</p>" if arabic else "<p>Edited.</p>"
            if not value.lstrip().startswith("<"):
                mark = " تعديل" if arabic else " edited"
            return name, value + mark
        mark = "-تعديل" if arabic else "-edited"
        room = (field.max_length or 1000) - len(mark)
        return name, value[:room] + mark
    return None


def post_back(client, url, page, form_id, data):
    """`data` sent by the form's Save button (or its first), as a browser sends it; None
    when the form has no button that submits it (a view-only page)."""
    buttons = dict(submit_buttons(page, form_id))
    button = "_save" if "_save" in buttons else next(iter(buttons), None)
    if button is None:
        return None
    return client.post(form_action(page, form_id, url), {**data, button: buttons[button]})


def form_id_of(page, model):
    """The admin's form for `model` in `page`: its change form, or a custom page's form."""
    own = f"{model._meta.model_name}_form"
    if f'id="{own}"' in page:
        return own
    form = LexborHTMLParser(page).css_first("#content-main form[method=post][id]")
    return form.attributes["id"] if form else None


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_change_form_posts_back_as_a_browser_sends_it(
    client, demo_users, role, language, model
):
    client = client_for(client, demo_users[role])
    model_admin = admin.site._registry[model]
    opts = model._meta
    problems, saved_changes, editable_forms = [], 0, 0
    with translation.override(language):
        unchanged = gettext("No fields changed.")
    for obj in model._default_manager.order_by("pk")[:OBJECTS_PER_MODEL]:
        url = admin_url(f"{opts.app_label}_{opts.model_name}_change", language, obj.pk)
        response = client.get(url)
        if response.status_code != 200:
            if response.status_code >= 500 or response.status_code not in (302, 403):
                problems.append(f"GET {url}: {response.status_code}")
            continue
        page = response.content.decode()
        form_id = f"{opts.model_name}_form"
        if f'id="{form_id}"' not in page:
            continue
        data = form_fields(page, form_id)
        before, before_rows = editable_values(obj), inline_rows(model_admin, obj)

        answer = post_back(client, url, page, form_id, data)
        if answer is None:  # a view-only form: nothing to submit
            continue
        editable_forms += 1
        if not is_saved_or_refused_with_a_message(answer):
            problems.append(f"POST {url} unchanged: {answer.status_code}")
            continue
        if editable_values(obj) != before or inline_rows(model_admin, obj) != before_rows:
            after = editable_values(obj)
            moved = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
            problems.append(f"POST {url} unchanged changed the database: {moved or 'inlines'}")
        if answer.status_code == 302 and (said := history_line(obj, language)) != unchanged:
            problems.append(f"POST {url} unchanged is in the history as: {said}")

        change = change_to_make(model, data)
        if change is None:
            continue
        name, value = change
        response = client.get(url)  # a fresh form: the save above moved its version
        data = form_fields(response.content.decode(), form_id)
        answer = post_back(client, url, response.content.decode(), form_id, {**data, name: value})
        if not is_saved_or_refused_with_a_message(answer):
            problems.append(f"POST {url} with {name} changed: {answer.status_code}")
            continue
        after = editable_values(obj)
        refused = {k for k in before if k not in data and after[k] != before[k]}
        if refused:
            problems.append(f"POST {url}: fields not in the form changed: {sorted(refused)}")
        if answer.status_code in (302, 303):
            saved_changes += 1
            # Stored in the row, or, for a live object, kept as its unpublished changes:
            # the form opened again shows it (publishing.drafts).
            reopened = form_fields(client.get(url).content.decode(), form_id).get(name)
            if not any(edit in str(reopened) for edit in ("edited", "تعديل")):
                problems.append(f"POST {url}: {name} reported saved but not stored")
    assert problems == []


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_add_form_changelist_and_filter_answers(client, demo_users, role, language, model):
    client = client_for(client, demo_users[role])
    opts = model._meta
    problems = []

    url = admin_url(f"{opts.app_label}_{opts.model_name}_add", language)
    response = client.get(url)
    if response.status_code >= 500 or response.status_code not in (200, 302, 403):
        problems.append(f"GET {url}: {response.status_code}")
    elif response.status_code == 200:
        page = response.content.decode()
        form_id = form_id_of(page, model)
        answer = form_id and post_back(client, url, page, form_id, form_fields(page, form_id))
        if answer and not is_saved_or_refused_with_a_message(answer):
            problems.append(f"POST {url} as opened: {answer.status_code}")

    url = admin_url(f"{opts.app_label}_{opts.model_name}_changelist", language)
    response = client.get(url)
    if response.status_code != 200:
        if response.status_code not in (302, 403):
            problems.append(f"GET {url}: {response.status_code}")
    else:
        tree = LexborHTMLParser(response.content.decode())
        choices = {link.attributes["href"] for link in tree.css("#changelist-filter a[href]")}
        for query in sorted(choices):
            answer = client.get(urljoin(url, query))
            if answer.status_code != 200:
                problems.append(f"GET {url}{query}: {answer.status_code}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_reached_by_links_answers(client, demo_users, role, language):
    """From the admin home, every link within the admin, followed breadth first."""
    client = client_for(client, demo_users[role])
    home = admin_url("index", language)
    queue, seen, problems = deque([home]), {home}, []
    while queue and len(seen) <= CRAWL_LIMIT:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code >= 400:
            problems.append(f"GET {url}: {response.status_code}")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for link in LexborHTMLParser(response.content.decode()).css("a[href]"):
            target = urljoin(url, link.attributes["href"] or "")
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith(home):
                continue
            if "logout" in parts.path or target.split("#")[0] in seen:
                continue
            seen.add(target.split("#")[0])
            queue.append(target.split("#")[0])
    assert problems == []
