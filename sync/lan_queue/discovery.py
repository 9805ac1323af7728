"""Finding the office queue host on the LAN by mDNS (zeroconf), with no server to set up.

The host advertises ``_qmc-queue._tcp.local.`` with its agency id in the TXT
record; a client browses for a few seconds and takes the host of its own office, so
two offices on one network (a commune hall) never pick each other's queue.
"""
from __future__ import annotations

import socket
import threading

from counter_app.errors import QueueHostUnreachable

SERVICE_TYPE = "_qmc-queue._tcp.local."  # DNS-SD names are at most 15 bytes (RFC 6335)
BROWSE_TIMEOUT_S = 3.0


def local_addresses() -> list[str]:
    """This PC's IPv4 addresses on the LAN (no loopback), to advertise."""
    import ifaddr

    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and not ip.ip.startswith("127."):
                found.append(ip.ip)
    return found


def _interfaces(addresses):
    from zeroconf import InterfaceChoice

    return list(addresses) if addresses else InterfaceChoice.All


class Advertisement:
    """The host's mDNS record; ``close()`` withdraws it."""

    def __init__(self, port: int, agency_id: str, addresses: list[str], *, interfaces: list[str] | None = None,
                 name: str | None = None):
        from zeroconf import ServiceInfo, Zeroconf

        self.zeroconf = Zeroconf(interfaces=_interfaces(interfaces))
        label = (name or f"queue-{socket.gethostname()}")[:50]
        self.info = ServiceInfo(SERVICE_TYPE, f"{label}.{SERVICE_TYPE}", port=port,
                                properties={"agency": agency_id, "api": "1"}, parsed_addresses=addresses,
                                server=f"{label}.local.")
        self.zeroconf.register_service(self.info, allow_name_change=True)

    def close(self) -> None:
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()


def find_host(agency_id: str, *, timeout: float = BROWSE_TIMEOUT_S, interfaces: list[str] | None = None) -> str:
    """The URL of this office's queue host; ``QueueHostUnreachable`` if none answers in ``timeout`` s."""
    from zeroconf import ServiceBrowser, ServiceStateChange, Zeroconf

    found: list[str] = []
    seen = threading.Event()
    zc = Zeroconf(interfaces=_interfaces(interfaces))

    def on_change(zeroconf, service_type, name, state_change):
        if state_change is not ServiceStateChange.Added or seen.is_set():
            return
        info = zeroconf.get_service_info(service_type, name, timeout=int(timeout * 1000))
        if info is None:
            return
        agency = (info.properties or {}).get(b"agency", b"").decode("utf-8", "replace")
        addresses = info.parsed_addresses()
        if agency == agency_id and addresses:
            address = addresses[0]
            host = f"[{address}]" if ":" in address else address
            found.append(f"http://{host}:{info.port}")
            seen.set()

    browser = ServiceBrowser(zc, SERVICE_TYPE, handlers=[on_change])
    try:
        seen.wait(timeout)
    finally:
        browser.cancel()
        zc.close()
    if not found:
        raise QueueHostUnreachable(f"No office queue host for agency {agency_id} answered on the network "
                                   f"within {timeout:.0f} s.")
    return found[0]

