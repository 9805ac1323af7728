"""Which queue this PC uses: its own workspace's, or the office host's over the LAN."""
from __future__ import annotations

from sync.lan_queue.client import RemoteQueue
from sync.lan_queue.discovery import find_host


def queue_port_for(core):
    """``core.queue`` when this PC works alone or hosts the queue; a ``RemoteQueue`` when
    the settings make it a client of another counter PC (by address, or "auto" = mDNS)."""
    settings = core.settings()
    if settings.lan_queue.role != "client":
        return core.queue
    return remote_queue(settings)


def remote_queue(settings) -> RemoteQueue:
    lan = settings.lan_queue
    if lan.host_url == "auto":
        agency = settings.office.agency_id
        return RemoteQueue(lambda: find_host(agency), lan.office_key, officer=settings.workstation.officer_name)
    return RemoteQueue(lan.host_url, lan.office_key, officer=settings.workstation.officer_name)
