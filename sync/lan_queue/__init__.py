"""The office queue shared over the LAN: one counter PC hosts it, the others connect.

``host`` serves a workspace's ``QueueService`` over HTTP; ``client.RemoteQueue`` is a
``QueuePort`` talking to it; ``auth`` signs requests with the PC's own key (``keys``:
per workstation, revocable; the shared office key still works); ``discovery``
finds the host by mDNS; ``wiring.queue_port_for`` picks local or remote from settings.
"""
