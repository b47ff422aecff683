"""What the operator's tools see: /healthz for load balancers, one log line per request
(JSON when asked)."""

import json
import logging

import pytest
from django.conf import settings as django_settings
from django.utils.module_loading import import_string

from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


def test_healthz_says_each_service_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


def test_healthz_names_the_service_that_fails_and_logs_why(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failing", "storage": "ok"}
    assert "127.0.0.1:1" not in response.content.decode()  # the reason is for the log
    assert any("Health check failed: cache" in r.getMessage() for r in caplog.records)


def test_healthz_reports_storage_it_cannot_write(client, settings, tmp_path):
    not_a_directory = tmp_path / "a-file"
    not_a_directory.write_text("")  # no folder can be made under a file, even by root
    settings.MEDIA_ROOT = not_a_directory / "media"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["storage"] == "failing"


def test_healthz_answers_plain_http_when_everything_else_is_sent_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_one_log_line_per_request_and_json_when_asked(client, caplog):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    with caplog.at_level(logging.INFO, logger="website.requests"):
        client.get(brief.url_in("en"))
    [line] = [r for r in caplog.records if r.name == "website.requests"]
    assert line.getMessage().startswith("GET /policy-analysis/gas-deals 200 ")
    assert (line.status, line.method, line.path) == (200, "GET", "/policy-analysis/gas-deals")
    json_config = django_settings.LOGGING["formatters"]["json"]
    formatter = import_string(json_config["()"])(json_config["format"])
    logged = json.loads(formatter.format(line))
    assert logged["status"] == 200 and logged["path"] == "/policy-analysis/gas-deals"
    assert logged["levelname"] == "INFO" and logged["duration_ms"] >= 0
