"""Where a webhook may be delivered: public addresses only, unless an administrator allows
a network (``WEBHOOK_ALLOWED_NETWORKS``), so that an endpoint cannot make this service
reach into the private network it runs in (SSRF).

An address given as an IP (or ``localhost``) is checked when the endpoint is saved. A
host name is resolved once per delivery, every address it resolves to must be allowed,
and the connection goes to the address checked, so a name that resolves differently a
moment later (DNS rebinding) gains nothing. TLS still verifies the certificate for the
host name. ``HTTPS_PROXY`` (and ``NO_PROXY``) are honoured for https addresses: the
tunnel is opened to the checked address too.
"""
import base64
import http.client
import ipaddress
import socket
import ssl
from urllib.parse import unquote, urlsplit
from urllib.request import getproxies, proxy_bypass

from chancery_common.config import ConfigurationError


class TargetRefused(Exception):
    """The address may not receive webhooks; the message says why (it is logged as the
    attempt's error)."""


def parse_networks(value):
    """The allowed networks from a comma-separated list of CIDRs (``10.1.2.0/24, ::1/128``)."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    networks = []
    for part in value or ():
        try:
            networks.append(ipaddress.ip_network(str(part), strict=False))
        except ValueError:
            raise ConfigurationError(f"WEBHOOK_ALLOWED_NETWORKS: {part!r} is not a network (CIDR)") from None
    return tuple(networks)


def _kind(address):
    """What makes an address non-public ('loopback', 'private', ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"


def check_address(address, allowed):
    """Raise TargetRefused unless the address is public or in an allowed network."""
    address = ipaddress.ip_address(address)
    kind = _kind(address)
    if kind is None or any(address in network for network in allowed):
        return address
    article = "an" if kind[0] in "aeiou" else "a"
    raise TargetRefused(f"{address} is {article} {kind} address: webhooks go to public addresses only, "
                        "unless an administrator allows its network (WEBHOOK_ALLOWED_NETWORKS)")


def check_literal(host, allowed):
    """Check a host given as an IP address, or ``localhost``, without resolving any name."""
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        host = "127.0.0.1"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return  # a name: resolved and checked at each delivery
    check_address(host, allowed)


def resolve(host, port, allowed):
    """The one address to connect to: every address the name resolves to must be allowed."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise TargetRefused(f"{host} could not be resolved: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    if not addresses:
        raise TargetRefused(f"{host} resolves to no address")
    for address in addresses:
        check_address(address, allowed)
    return addresses[0]


def _proxy_for(scheme, host):
    """The proxy URL (``HTTPS_PROXY``) to tunnel through, or None (none set, or NO_PROXY)."""
    if scheme != "https":
        return None
    proxy = getproxies().get("https")
    if not proxy or proxy_bypass(host):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Plain HTTP to the checked address, whatever the name resolves to now."""

    def __init__(self, host, port, address, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to the checked address (directly or through a proxy's tunnel), verifying the
    certificate for the host name."""

    def __init__(self, host, port, address, tls_hostname, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address, self.tls_hostname = address, tls_hostname

    def connect(self):
        if self._tunnel_host:  # to the proxy, then CONNECT to the checked address
            http.client.HTTPConnection.connect(self)
        else:
            self.sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.tls_hostname)


def open_connection(url, *, allowed, timeout):
    """An HTTP(S) connection to the endpoint at the address checked now, and the request's
    ``Host`` header; TargetRefused when the address is not allowed."""
    parts = urlsplit(url)
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve(host, port, allowed)
    host_header = host if ":" not in host else f"[{host}]"
    if parts.port:
        host_header += f":{parts.port}"
    if parts.scheme != "https":
        return _PinnedHTTPConnection(host, port, address, timeout=timeout), host_header
    context = ssl.create_default_context()
    proxy = _proxy_for(parts.scheme, host)
    if proxy is None:
        return _PinnedHTTPSConnection(host, port, address, host, timeout=timeout, context=context), host_header
    proxy_parts = urlsplit(proxy)
    connection = _PinnedHTTPSConnection(proxy_parts.hostname, proxy_parts.port or 3128, address, host,
                                        timeout=timeout, context=context)
    headers = {}
    if proxy_parts.username:
        credentials = f"{unquote(proxy_parts.username)}:{unquote(proxy_parts.password or '')}"
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(credentials.encode()).decode()
    connection.set_tunnel(address if ":" not in address else f"[{address}]", port, headers=headers)
    return connection, host_header
