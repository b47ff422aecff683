"""A redirect that would loop is refused with the reason, not reported as saved and
silently dropped."""

import pytest

from addresses.models import Redirect

pytestmark = pytest.mark.django_db


def test_a_redirect_that_would_loop_is_refused_in_the_admin_and_says_why(admin_client):
    Redirect.objects.create(old_path="/b", new_path="/c")
    Redirect.objects.create(old_path="/c", new_path="/a")
    response = admin_client.post(
        "/admin/addresses/redirect/add/", {"old_path": "/a", "new_path": "/b", "_save": "Save"}
    )
    assert response.status_code == 200  # the form again, not "added successfully"
    assert "leads back to “/a” through other redirects" in response.content.decode()
    assert not Redirect.objects.filter(old_path="/a").exists()
