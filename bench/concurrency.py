"""Throughput over real HTTP: the unit directory served by `python -m backend serve` (uvicorn,
one process, as `make run` and the image start it), asked by one client at a time and then by
eight clients at once, all with the same signed-in session. It prints the latency percentiles
of both and the requests per second; the goal is a p95 under load of at most three times the
single client's p50."""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from bench.harness import sign_in

CLIENTS = 8


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(database_url: str) -> Iterator[tuple[str, int]]:
    """The app serving `database_url` on a spare port, for as long as the block runs: its
    address and its process id."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEMO_DATA": "true",
        "DELIVER_WEBHOOKS": "false",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "backend", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).is_success:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.25)
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


async def _session_cookies(base: str) -> httpx.Cookies:
    # One sign-in for all the clients: signing in eight times at once is throttled, rightly.
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        await sign_in(client)
        return client.cookies


async def _client_run(
    base: str, cookies: httpx.Cookies, body: dict[str, Any], count: int
) -> list[float]:
    timings: list[float] = []
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=60) as client:
        await client.post("/graphql", json=body)  # warm: the server parses the query once
        for _ in range(count):
            started = time.perf_counter()
            response = await client.post("/graphql", json=body)
            timings.append((time.perf_counter() - started) * 1000)
            assert "errors" not in response.json(), response.text
    return timings


async def run(database_url: str, query: str, variables: dict[str, Any], repeat: int) -> float:
    """Prints one client against eight; returns the p95 under load over the single p50."""
    body = {"query": query, "variables": variables}
    with served(database_url) as (base, pid):
        cookies = await _session_cookies(base)
        single = await _client_run(base, cookies, body, repeat)
        after_single = _memory_mib(pid)
        started = time.perf_counter()
        runs = await asyncio.gather(
            *(_client_run(base, cookies, body, max(1, repeat // 2)) for _ in range(CLIENTS))
        )
        elapsed = time.perf_counter() - started
        after_load = _memory_mib(pid)
    loaded = [timing for timings in runs for timing in timings]
    p50 = statistics.median(single)
    ratio = _percentile(loaded, 0.95) / p50
    print(
        f"1 client   | p50 {p50:6.1f} ms, p95 {_percentile(single, 0.95):6.1f} ms,"
        f" p99 {_percentile(single, 0.99):6.1f} ms, {1000 / statistics.mean(single):5.1f} req/s"
    )
    print(
        f"{CLIENTS} clients  | p50 {statistics.median(loaded):6.1f} ms,"
        f" p95 {_percentile(loaded, 0.95):6.1f} ms, p99 {_percentile(loaded, 0.99):6.1f} ms,"
        f" {len(loaded) / elapsed:5.1f} req/s | p95 under load / single p50 {ratio:4.1f}x"
        " (goal ≤ 3x)"
    )
    print(
        f"server memory (resident, peak) | after one client {after_single}"
        f" | after eight clients {after_load}"
    )
    return ratio


def _memory_mib(pid: int) -> str:
    """The server's resident and peak resident memory, from Linux's /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
    except OSError:
        return "n/a"
    rss, peak = (int(fields[name].split()[0]) // 1024 for name in ("VmRSS", "VmHWM"))
    return f"{rss} MiB ({peak} MiB peak)"
