"""The client's address, as the proxies the operator trusts vouch for it.

Each proxy appends the address it received a request from to X-Forwarded-For; only the
last TRUSTED_PROXY_COUNT of those hops (the nearest, REMOTE_ADDR, among them) were written
by our own proxies, so the client is the hop just before them. Anything further left was
sent by the client and may be forged. (django-ipware counts proxies differently: behind one
proxy it finds no client in a header of one address, so the login throttle had keyed on
the left-most, forged one.)

An IPv6 client is known by its /64 network, which one host usually holds whole (and may
pick any address of); an IPv4 address written as IPv6 (::ffff:…) is that IPv4 address.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of whoever sent `request`, or REMOTE_ADDR when the header cannot say."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    hops = [remote]
    if trusted:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + hops
    client = hops[-(trusted + 1)] if len(hops) > trusted else hops[0]
    return known_as(client) or known_as(remote) or remote


def known_as(hop):
    """The address a hop is counted by, or None when it is none ("203.0.113.5:443" and
    "[2001:db8::1]:443" carry a port, which some proxies add)."""
    host = hop.strip()
    if host.startswith("[") and "]" in host:
        host = host[1 : host.index("]")]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)
