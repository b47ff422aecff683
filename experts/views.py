from django.views.generic import DetailView

from .models import Expert


class ExpertDetailView(DetailView):
    model = Expert
    context_object_name = "expert"
