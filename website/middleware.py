"""Requests refused before any view sees them."""

from django.core.exceptions import BadRequest


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
