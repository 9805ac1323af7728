"""A fault-injecting HTTP/1.1 proxy on loopback, for tests and benchmarks.

It relays each request and response whole (Content-Length bodies, keep-alive) and can,
per request: cut the request after N bytes (the server sees a body cut mid-way), drop
the response after the server processed the request (a "lost response"), cut the
response after N bytes, answer an error itself (500/503 with Retry-After) without
reaching the server, add delay, and throttle bytes per second. Faults come from
one-shot rules (deterministic tests) or from seeded random rates (reproducible soak).
It only ever listens on and connects to 127.0.0.1.
"""
from __future__ import annotations

import asyncio
import random
import threading
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"


@dataclass
class Rule:
    """A fault for the next ``times`` requests whose method and path match."""

    fault: str  # cut_request | drop_response | cut_response | error | delay
    method: str = ""
    path_prefix: str = ""
    times: int = 1
    skip: int = 0  # let this many matching requests through first
    after_bytes: int = 0  # cut_* : bytes forwarded before the cut
    linger: float = 0.3  # cut_request: the link stalls this long before it drops
    status: int = 500  # error
    retry_after: int | None = None
    seconds: float = 0.0  # delay

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and (not self.method or self.method == method) and path.startswith(self.path_prefix)


@dataclass
class Stats:
    requests: int = 0
    bytes_up: int = 0  # client → server, as forwarded
    bytes_down: int = 0
    faults: dict = field(default_factory=dict)
    by_path: dict = field(default_factory=dict)

    def count_fault(self, name: str) -> None:
        self.faults[name] = self.faults.get(name, 0) + 1


class FaultProxy:
    def __init__(self, upstream_port: int, *, seed: int = 0, rates: dict[str, float] | None = None,
                 bytes_per_second: float | None = None, latency: float = 0.0):
        self.upstream_port = upstream_port
        self.rng = random.Random(seed)
        self.rates = rates or {}  # e.g. {"drop_response": 0.1, "cut_request": 0.05, "error": 0.05}
        self.bytes_per_second = bytes_per_second
        self.latency = latency
        # One link shared by every connection, per direction: parallel requests share the
        # bandwidth as on a real line instead of each getting the full rate.
        self._link_free = {True: 0.0, False: 0.0}
        self.rules: list[Rule] = []
        self.stats = Stats()
        self.port = 0
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    # -- control (any thread) -------------------------------------------------------------

    def add(self, rule: Rule) -> Rule:
        with self._lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
            self.rates = {}

    def start(self) -> int:
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fault proxy did not start")
        return self.port

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    # -- relay (proxy thread) -------------------------------------------------------------

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, LOOPBACK, 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.run_until_complete(self._shutdown())
            self._loop.close()

    async def _shutdown(self) -> None:
        self._server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # their finally blocks close sockets
        await self._server.wait_closed()

    def _pick(self, method: str, path: str) -> Rule | None:
        with self._lock:
            for rule in self.rules:
                if rule.matches(method, path):
                    if rule.skip:
                        rule.skip -= 1
                        return None
                    rule.times -= 1
                    return rule
            for fault, rate in sorted(self.rates.items()):
                if self.rng.random() < rate:
                    return Rule(fault, after_bytes=self.rng.randint(1, 4096), retry_after=0)
        return None

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        upstream_r = upstream_w = None
        try:
            upstream_r, upstream_w = await asyncio.open_connection(LOOPBACK, self.upstream_port)
            while await self._relay_one(client_r, client_w, upstream_r, upstream_w):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, OSError, ValueError):
            pass
        except asyncio.CancelledError:
            pass  # proxy shutting down: end quietly, closing both sides below
        finally:
            for writer in (client_w, upstream_w):
                if writer is not None:
                    writer.close()

    async def _relay_one(self, client_r, client_w, upstream_r, upstream_w) -> bool:
        """Relay one request/response; False when the connection must end."""
        try:
            head = await client_r.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            return False
        method, path, headers = parse_head(head)
        body = await client_r.readexactly(int(headers.get("content-length", 0)))
        request = head + body
        rule = self._pick(method, path)
        fault = rule.fault if rule else ""
        self.stats.requests += 1
        self.stats.by_path[path.split("?")[0]] = self.stats.by_path.get(path.split("?")[0], 0) + 1
        if fault:
            self.stats.count_fault(fault)
        if fault == "delay":
            await asyncio.sleep(rule.seconds)
        if fault == "error":
            await self._send(client_w, error_response(rule.status, rule.retry_after), down=True)
            return False
        if fault == "cut_request":
            await self._send(upstream_w, request[: rule.after_bytes], down=False)
            # What got through reaches the server, which then sees the drop before the client
            # does (as on a real link, where the client waits for its read timeout).
            await asyncio.sleep(rule.linger)
            upstream_w.close()
            await asyncio.sleep(rule.linger)
            return False
        await self._send(upstream_w, request, down=False)
        response = await read_response(upstream_r, method)
        if fault == "drop_response":
            return False  # the server did the work; the client never hears of it
        if fault == "cut_response":
            await self._send(client_w, response[: rule.after_bytes], down=True)
            return False
        await self._send(client_w, response, down=True)
        return True

    async def _send(self, writer: asyncio.StreamWriter, data: bytes, *, down: bool) -> None:
        if self.latency:
            await asyncio.sleep(self.latency / 2)
        step = len(data) or 1
        if self.bytes_per_second:
            step = max(1, int(self.bytes_per_second / 20))  # 50 ms slices
        for start in range(0, len(data), step):
            piece = data[start:start + step]
            if self.bytes_per_second:
                await self._occupy_link(len(piece), down)
            writer.write(piece)
            await writer.drain()
            if down:
                self.stats.bytes_down += len(piece)
            else:
                self.stats.bytes_up += len(piece)

    async def _occupy_link(self, size: int, down: bool) -> None:
        """Wait until ``size`` bytes have passed the shared link in this direction."""
        loop = asyncio.get_running_loop()
        start = max(loop.time(), self._link_free[down])
        self._link_free[down] = start + size / self.bytes_per_second
        await asyncio.sleep(self._link_free[down] - loop.time())


def parse_head(head: bytes) -> tuple[str, str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return parts[0], parts[1] if len(parts) > 1 else "/", headers


async def read_response(reader: asyncio.StreamReader, method: str) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, _path, headers = parse_head(head)
    status = int(head.split(b" ", 2)[1])
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        return head
    if headers.get("transfer-encoding", "").lower() == "chunked":
        return head + await read_chunked(reader)
    return head + await reader.readexactly(int(headers.get("content-length", 0)))


async def read_chunked(reader: asyncio.StreamReader) -> bytes:
    out = b""
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";")[0].strip(), 16)
        out += size_line + await reader.readexactly(size + 2)
        if size == 0:
            return out


def error_response(status: int, retry_after: int | None) -> bytes:
    body = b'{"detail":{"code":"injected","message":"fault injected by the test proxy"}}'
    extra = f"Retry-After: {retry_after}\r\n" if retry_after is not None else ""
    head = (f"HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"{extra}Connection: close\r\n\r\n")
    return head.encode() + body
