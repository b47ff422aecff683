"""Nothing a request brings can forge a log line: control characters in what is logged
from it are escaped; the CSP report endpoint takes little and not often."""

import json
import logging

import pytest
from django.core.cache import cache

from website.logs import EscapeControlCharacters

pytestmark = pytest.mark.django_db


def log_lines(caplog):
    """The lines the site's console handler would write for what was logged."""
    handler = logging.StreamHandler()
    handler.addFilter(EscapeControlCharacters())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    return "\n".join(handler.format(record) for record in caplog.records).splitlines()


def test_a_newline_in_a_csp_report_cannot_start_a_forged_line(client, caplog):
    forged = "inline\n2026-12-07 03:49:00 ERROR django.request Internal Server Error: /admin/"
    body = json.dumps({"csp-report": {"blocked-uri": forged, "document-uri": "/\r\nx"}})
    with caplog.at_level(logging.INFO):
        assert (
            client.post("/csp-report", body, content_type="application/csp-report").status_code
            == 204
        )
    lines = log_lines(caplog)
    assert not any(line.startswith("2026-12-07") for line in lines)
    assert any("inline\\n2026-12-07 03:49:00 ERROR" in line for line in lines)


def test_every_line_the_site_writes_has_its_arguments_escaped(caplog):
    console = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert console and all(
        any(isinstance(f, EscapeControlCharacters) for f in handler.filters) for handler in console
    )
    with caplog.at_level(logging.INFO):
        logging.getLogger("django.request").error("Not Found: %s", "/x\nERROR forged\x1b[2J")
    [line] = log_lines(caplog)
    assert line == "ERROR django.request Not Found: /x\\nERROR forged\\x1b[2J"


def test_csp_reports_are_limited_in_size_and_rate(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    big = json.dumps({"csp-report": {"blocked-uri": "x" * 20_000}})
    assert client.post("/csp-report", big, content_type="application/csp-report").status_code == 413
    small = json.dumps({"csp-report": {"blocked-uri": "inline"}})
    answers = [
        client.post("/csp-report", small, content_type="application/csp-report").status_code
        for _report in range(40)
    ]
    assert answers[:30] == [204] * 30
    assert set(answers[30:]) == {429}
    other = client.post(
        "/csp-report", small, content_type="application/csp-report", REMOTE_ADDR="198.51.100.9"
    )
    assert other.status_code == 204
