"""The client's address, as the proxies the operator trusts vouch for it.

Each proxy appends the address it received a request from to X-Forwarded-For; only the
last TRUSTED_PROXY_COUNT of those hops (the nearest, REMOTE_ADDR, among them) were written
by our own proxies, so the client is the hop just before them. Anything further left was
sent by the client and may be forged. (django-ipware counts proxies differently: behind one
proxy it finds no client in a header of one address, so the login throttle had keyed on
the left-most, forged one.)
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of whoever sent `request`, or REMOTE_ADDR when the header cannot say."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if not trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [remote]
    client = hops[-(trusted + 1)] if len(hops) > trusted else hops[0]
    try:
        return str(ipaddress.ip_address(client))
    except ValueError:
        return remote
