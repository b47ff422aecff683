from django.http import HttpResponsePermanentRedirect

from .models import Redirect


class RedirectFallbackMiddleware:
    """Where no page answers (404), an old address leads to its new one (301)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        redirect = Redirect.objects.filter(old_path=request.path).first()
        if redirect is None:
            return response
        # The request's query goes along, unless the new address has one of its own.
        query = request.META.get("QUERY_STRING", "")
        keep = query and "?" not in redirect.new_path
        return HttpResponsePermanentRedirect(
            f"{redirect.new_path}?{query}" if keep else redirect.new_path
        )
