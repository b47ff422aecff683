"""The site's addresses plus one plain Django view returning 40 KB: what `make loadtest`
compares the cached pages with, under the same gunicorn and middleware."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site

PLAIN_BODY = b"<!DOCTYPE html><title>plain</title><p>" + b"x" * (40 * 1024) + b"</p>"


def plain(request):
    return HttpResponse(PLAIN_BODY)


urlpatterns = [path("loadtest/plain", plain), *site]
