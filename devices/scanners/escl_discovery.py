"""Finding driverless (eSCL/AirScan) scanners on the LAN by mDNS, as AirScan clients do.

Scanners advertise ``_uscan._tcp`` (HTTP) and ``_uscans._tcp`` (HTTPS) with TXT keys
``rs`` (the eSCL root, usually ``eSCL``), ``ty`` (make and model) and ``UUID``. A
scanner seen on both is listed once, by UUID, on plain HTTP (what the adapter uses).
"""
from __future__ import annotations

import threading
import time

from counter_app.ports import ScannerInfo

SERVICE_TYPES = ("_uscan._tcp.local.", "_uscans._tcp.local.")
SCHEME_OF = {"_uscan._tcp.local.": "escl", "_uscans._tcp.local.": "escls"}


def _interfaces(addresses):
    from zeroconf import InterfaceChoice

    return list(addresses) if addresses else InterfaceChoice.All


def _text(properties: dict, key: str) -> str:
    value = (properties or {}).get(key.encode(), b"") or b""
    return value.decode("utf-8", "replace").strip()


def discover(timeout: float = 2.0, *, interfaces: list[str] | None = None) -> list[ScannerInfo]:
    """The eSCL scanners that answer within ``timeout`` seconds (``ScannerInfo.id`` = escl:// URI)."""
    from zeroconf import ServiceBrowser, ServiceStateChange, Zeroconf

    found: dict[str, tuple[str, ScannerInfo]] = {}  # UUID (or URI) → (scheme, info)
    lock = threading.Lock()
    zc = Zeroconf(interfaces=_interfaces(interfaces))

    def on_change(zeroconf, service_type, name, state_change):
        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=int(timeout * 1000))
        if info is None or not info.parsed_addresses():
            return
        address = info.parsed_addresses()[0]
        host = f"[{address}]" if ":" in address else address
        path = _text(info.properties, "rs").strip("/") or "eSCL"
        scheme = SCHEME_OF[service_type]
        uri = f"{scheme}://{host}:{info.port}/{path}"
        model = _text(info.properties, "ty") or name.removesuffix("." + service_type)
        key = _text(info.properties, "UUID").lower() or uri
        with lock:
            if key not in found or (found[key][0] == "escls" and scheme == "escl"):  # plain HTTP first
                found[key] = (scheme, ScannerInfo(uri, "", model, "network"))

    browsers = [ServiceBrowser(zc, service, handlers=[on_change]) for service in SERVICE_TYPES]
    try:
        time.sleep(timeout)  # a browse collects answers for a while; there is no "last answer"
    finally:
        for browser in browsers:
            browser.cancel()
        zc.close()
    return sorted((info for _scheme, info in found.values()), key=lambda i: (i.model, i.id))


class Advertisement:
    """Advertise a (test or demo) eSCL scanner; ``close()`` withdraws it."""

    def __init__(self, port: int, *, model: str, uuid: str, addresses: list[str], path: str = "eSCL",
                 interfaces: list[str] | None = None, name: str = "qmc-scanner"):
        from zeroconf import ServiceInfo, Zeroconf

        service = SERVICE_TYPES[0]
        self.zeroconf = Zeroconf(interfaces=_interfaces(interfaces))
        self.info = ServiceInfo(service, f"{name}.{service}", port=port,
                                properties={"rs": path, "ty": model, "UUID": uuid, "vers": "2.63",
                                            "cs": "grayscale,color,binary", "is": "platen,adf,duplex"},
                                parsed_addresses=addresses, server=f"{name}.local.")
        self.zeroconf.register_service(self.info, allow_name_change=True)

    def close(self) -> None:
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()
