"""Addresses outside the language prefixes: one robots.txt and one sitemap for the site,
where browsers report what the Content-Security-Policy blocked, and what load balancers
ask."""

from django.urls import path

from . import health, views

app_name = "seo"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", views.sitemap_section, name="sitemap_section"),
    path("csp-report", views.csp_report, name="csp_report"),
    path("healthz", health.healthz, name="healthz"),
]
