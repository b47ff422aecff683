import pytest
from django.contrib.auth.models import Group

from translations.roles import EDITORS, TRANSLATORS, setup_roles


@pytest.fixture
def roles(db):
    setup_roles()


def _member(django_user_model, client, name, group):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def translator_client(roles, client, django_user_model):
    return _member(django_user_model, client, "translator", TRANSLATORS)


@pytest.fixture
def editor_role_client(roles, client, django_user_model):
    return _member(django_user_model, client, "editor-role", EDITORS)
