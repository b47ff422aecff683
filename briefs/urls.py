from django.urls import path

from . import views

app_name = "briefs"

urlpatterns = [
    path("<slug:slug>", views.policy_analysis_page, name="detail"),
]
