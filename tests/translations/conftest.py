import pytest

from translations.roles import EDITORS, TRANSLATORS, give_role, setup_roles


@pytest.fixture
def roles(db):
    setup_roles()


def _member(django_user_model, client, name, group):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    give_role(user, group)
    client.force_login(user)
    return client


@pytest.fixture
def translator_client(roles, client, django_user_model):
    return _member(django_user_model, client, "translator", TRANSLATORS)


@pytest.fixture
def editor_role_client(roles, client, django_user_model):
    return _member(django_user_model, client, "editor-role", EDITORS)
