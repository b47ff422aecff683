"""Middleware of the whole site: requests refused before any view sees them, and the
Content-Security-Policy of each page."""

import base64
import hashlib

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils import translation
from django_prose_editor.widgets import importmap


class RejectNullCharactersMiddleware:
    """A NUL character in the address or query string is bad input (400).

    No page takes one, and PostgreSQL refuses it in any text parameter, so a filter,
    search or lookup that passed it on would fail as a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in query.getlist(key)) for key in query
        ):
            raise BadRequest("NUL character in the request address")
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY) on every page; on the admin's
    pages, with what its editors need added: the rich-text editor's import map, an inline
    script allowed by its hash and nothing else, and inline styles, which Django's admin
    and its widgets set."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if _in_admin(request.path_info):
            parts.update = {
                **(parts.update or {}),
                "script-src": [_import_map_hash()],
                "style-src": ["'unsafe-inline'"],
            }
        return parts


def _in_admin(path):
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if path.startswith(reverse("admin:index")):
                return True
    return False


def _import_map_hash():
    """The CSP source for the editor's import map as the admin renders it."""
    rendered = importmap.render()
    script = rendered[rendered.index(">") + 1 : rendered.rindex("</script>")]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return f"'sha256-{digest}'"
