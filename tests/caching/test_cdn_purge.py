"""Purging a CDN when public content changes: the same announcement that ends the page
cache sends one purge per batch of changes through the configured adapter, retried when
the CDN does not answer; tested against a local stub of each (moto for CloudFront)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
import pytest
from django_tasks import task_backends

from publishing import actions
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class Stub(ThreadingHTTPServer):
    """Records each request; answers with the next of `answers` (status, body), then 200."""

    def __init__(self, answers=()):
        self.seen, self.answers = [], list(answers)
        super().__init__(("127.0.0.1", 0), StubHandler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class StubHandler(BaseHTTPRequestHandler):
    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path, dict(self.headers), body))
        status, reply = self.server.answers.pop(0) if self.server.answers else (200, b"{}")
        self.send_response(status)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_BAN = do_POST = do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    servers = []

    def start(answers=()):
        server = Stub(answers)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture
def brief():
    return make_brief("Gas Deals", authors=[make_expert()])


def change(brief, commit):
    with commit(execute=True):
        actions.Publish(brief, actor="test").run()  # the edit published


def run_enqueued():
    """Run what the dummy backend holds, as `db_worker` would; what they enqueue too."""
    backend = task_backends["default"]
    ran = 0
    while backend.results:
        result = backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)
        ran += 1
    return ran


def test_changes_close_together_make_one_ban_per_host(
    settings, stub, brief, django_capture_on_commit_callbacks
):
    varnish = stub()
    settings.TASKS = DUMMY
    settings.CDN_PURGE, settings.CDN_PURGE_URL = "ban", varnish.url
    settings.CDN_PURGE_HOSTS = ["analysis.example.org", "www.analysis.example.org"]
    for _edit in range(3):
        change(brief, django_capture_on_commit_callbacks)
    [pending] = task_backends["default"].results  # one purge for the three changes
    assert pending.task.run_after is not None  # after the batch's few seconds
    assert run_enqueued() == 1
    assert [(method, headers["Host"], headers["X-Ban-Url"]) for method, _p, headers, _b in
            varnish.seen] == [("BAN", "analysis.example.org", "^/"),
                              ("BAN", "www.analysis.example.org", "^/")]  # fmt: skip
    change(brief, django_capture_on_commit_callbacks)  # a later change: a new batch
    assert run_enqueued() == 1 and len(varnish.seen) == 4


def test_a_purge_the_cdn_refuses_is_retried_later(
    settings, stub, brief, django_capture_on_commit_callbacks, caplog
):
    varnish = stub(answers=[(503, b"busy"), (503, b"busy")])
    settings.TASKS = DUMMY
    settings.CDN_PURGE, settings.CDN_PURGE_URL = "ban", varnish.url
    settings.CDN_PURGE_HOSTS = ["analysis.example.org"]
    change(brief, django_capture_on_commit_callbacks)
    assert run_enqueued() == 3  # two refusals, then done
    assert len(varnish.seen) == 3
    retries = [r.getMessage() for r in caplog.records if r.name == "caching.cdn"]
    assert "attempt 1, again in 10s" in retries[0] and "attempt 2, again in 20s" in retries[1]
    assert retries[2] == "CDN purged (ban), attempt 3"


def test_a_purge_gives_up_after_its_attempts_and_says_so(
    settings, stub, brief, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = DUMMY
    settings.CDN_PURGE, settings.CDN_PURGE_URL = "ban", "http://127.0.0.1:1"  # nobody there
    settings.CDN_PURGE_HOSTS, settings.CDN_PURGE_ATTEMPTS = ["analysis.example.org"], 2
    change(brief, django_capture_on_commit_callbacks)
    with pytest.raises(Exception, match="did not answer"):
        run_enqueued()
    assert any("giving up" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")


def test_cloudflare_is_asked_to_purge_the_zone(
    settings, stub, brief, django_capture_on_commit_callbacks
):
    cloudflare = stub(answers=[(200, b'{"success": false}'), (200, b'{"success": true}')])
    settings.TASKS = DUMMY
    settings.CDN_PURGE, settings.CLOUDFLARE_API_URL = "cloudflare", cloudflare.url
    settings.CLOUDFLARE_ZONE_ID, settings.CLOUDFLARE_API_TOKEN = "zone-1", "token-1"
    change(brief, django_capture_on_commit_callbacks)
    assert run_enqueued() == 2  # refused once (success: false), then purged
    method, path, headers, body = cloudflare.seen[-1]
    assert (method, path) == ("POST", "/zones/zone-1/purge_cache")
    assert headers["Authorization"] == "Bearer token-1"
    assert json.loads(body) == {"purge_everything": True}


def test_cloudfront_gets_an_invalidation_of_everything(
    settings, brief, django_capture_on_commit_callbacks, monkeypatch
):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in [("AWS_ACCESS_KEY_ID", "test"), ("AWS_SECRET_ACCESS_KEY", "test"),
                        ("AWS_DEFAULT_REGION", "us-east-1")]:  # fmt: skip
        monkeypatch.setenv(name, value)
    cloudfront = boto3.client("cloudfront", endpoint_url=endpoint)
    distribution = cloudfront.create_distribution(
        DistributionConfig={
            "CallerReference": "briefing",
            "Comment": "",
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [
                    {
                        "Id": "app",
                        "DomainName": "app.analysis.example.org",
                        "CustomOriginConfig": {
                            "HTTPPort": 80,
                            "HTTPSPort": 443,
                            "OriginProtocolPolicy": "https-only",
                        },
                    }
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "app",
                "ViewerProtocolPolicy": "https-only",
                "MinTTL": 0,
                "ForwardedValues": {"QueryString": True, "Cookies": {"Forward": "none"}},
            },
        }
    )["Distribution"]["Id"]
    settings.TASKS = DUMMY
    settings.CDN_PURGE, settings.CLOUDFRONT_ENDPOINT_URL = "cloudfront", endpoint
    settings.CLOUDFRONT_DISTRIBUTION_ID = distribution
    try:
        change(brief, django_capture_on_commit_callbacks)
        assert run_enqueued() == 1
        [invalidation] = cloudfront.list_invalidations(DistributionId=distribution)[
            "InvalidationList"
        ]["Items"]
        detail = cloudfront.get_invalidation(DistributionId=distribution, Id=invalidation["Id"])
        assert detail["Invalidation"]["InvalidationBatch"]["Paths"]["Items"] == ["/*"]
    finally:
        server.stop()


def test_no_purge_without_a_cdn(settings, brief, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY
    change(brief, django_capture_on_commit_callbacks)
    assert task_backends["default"].results == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"CDN_PURGE": "akamai"}, "is not one of ban, cloudflare, cloudfront"),
        ({"CDN_PURGE": "ban", "CDN_PURGE_URL": ""}, "needs CDN_PURGE_URL"),
        ({"CDN_PURGE": "cloudflare"}, "needs CLOUDFLARE_ZONE_ID"),
    ],
)
def test_a_cdn_purge_set_up_wrong_is_a_start_up_error(settings, values, message):
    from django.core.checks import run_checks

    for name, value in values.items():
        setattr(settings, name, value)
    assert any(message in error.msg for error in run_checks())
