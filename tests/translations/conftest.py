import os
import subprocess
from pathlib import Path

import pytest

from translations.roles import EDITORS, TRANSLATORS, give_role, setup_roles


@pytest.fixture
def roles(db):
    setup_roles()


def _member(django_user_model, client, name, group, languages=None):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    give_role(user, group, languages)
    client.force_login(user)
    return client


@pytest.fixture
def translator_client(roles, client, django_user_model):
    """An Arabic translator, as the demo's "translator"."""
    return _member(django_user_model, client, "translator", TRANSLATORS, ["ar"])


@pytest.fixture
def persian_translator_client(roles, client, django_user_model):
    return _member(django_user_model, client, "translator-fa", TRANSLATORS, ["fa"])


@pytest.fixture
def editor_role_client(roles, client, django_user_model):
    return _member(django_user_model, client, "editor-role", EDITORS)


# OASIS's XLIFF 1.2 strict schema, and the W3C's xml.xsd it imports, as Debian ships them
# (with Symfony's translation component, under their own licences); fetched with apt at
# test time where they are not installed. CI sets XLIFF_SCHEMA_REQUIRED: no skipping there.
SCHEMA_PACKAGE = "php-symfony-translation"
SCHEMA_PATH = "usr/share/php/Symfony/Component/Translation/Resources/schemas"


def _schema_directory():
    installed = Path("/") / SCHEMA_PATH
    if (installed / "xliff-core-1.2-strict.xsd").exists():
        return installed
    cache = Path(__file__).resolve().parents[2] / "test-artifacts" / "xliff-schema"
    if not (cache / SCHEMA_PATH / "xliff-core-1.2-strict.xsd").exists():
        cache.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                ["apt-get", "download", SCHEMA_PACKAGE],
                cwd=cache,
                check=True,
                timeout=120,
                capture_output=True,
            )
            [package] = cache.glob(f"{SCHEMA_PACKAGE}_*.deb")
            subprocess.run(["dpkg", "-x", package, cache], check=True, timeout=60)
        except (OSError, ValueError, subprocess.SubprocessError) as error:
            if os.environ.get("XLIFF_SCHEMA_REQUIRED"):
                raise
            pytest.skip(f"OASIS's XLIFF 1.2 schema could not be fetched with apt: {error}")
    return cache / SCHEMA_PATH


@pytest.fixture(scope="session")
def xliff_schema():
    """Validates an XLIFF document (bytes) against OASIS's strict XLIFF 1.2 schema: a
    function returning the schema's complaints, [] for a valid file."""
    from lxml import etree

    directory = _schema_directory()
    document = etree.parse(str(directory / "xliff-core-1.2-strict.xsd"))
    for imported in document.iterfind("{http://www.w3.org/2001/XMLSchema}import"):
        imported.set("schemaLocation", (directory / "xml.xsd").as_uri())  # not the network
    schema = etree.XMLSchema(document)

    def complaints(xliff):
        valid = schema.validate(etree.fromstring(xliff))
        return [] if valid else [str(error) for error in schema.error_log]

    return complaints
