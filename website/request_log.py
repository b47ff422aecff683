"""One log line per request: method, path, status, duration and whether the page cache
answered; JSON when LOG_FORMAT=json (python-json-logger), for a log collector."""

import logging
import time

log = logging.getLogger("website.requests")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        log.info(
            "%s %s %s %sms",
            request.method,
            request.get_full_path()[:500],
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path[:500],
                "status": response.status_code,
                "duration_ms": duration_ms,
                "page_cache": getattr(response, "page_cache", ""),
            },
        )
        return response
