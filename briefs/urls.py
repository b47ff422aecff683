from django.urls import path

from . import views

app_name = "briefs"

urlpatterns = [
    path("", views.BriefListView.as_view(), name="list"),
    path("<slug:slug>", views.policy_analysis_page, name="detail"),
    path("<slug:slug>/documents/<int:pk>", views.attachment, name="attachment"),
]
