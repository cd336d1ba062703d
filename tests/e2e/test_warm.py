"""Warm before ready: a server runs every page once before it listens, so its first reader is served from warm
caches. Held through the proxy: a replica that dies and comes back does not take readers until it is warm, and
the first reader it serves then causes no read of the data and no figure to be built (the replica's own log,
at EXPLORER_LOG_LEVEL=debug, names each). Counted, never timed."""

from __future__ import annotations

import signal
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.server import WARM, start_server
from tests.e2e.conftest import DESKTOP, Server, open_page
from tests.e2e.proxy import LOG, Stack, start_stack, stop_stack

READ = "member records from"  # dashboard/ui/cache.py logs each read of the member file
BUILT = "building figure"  # dashboard/ui/charts.py logs each figure built (at debug)
BACK_CEILING = 180  # seconds: a ceiling for a loaded machine; the loop ends when the proxy routes to the replica
ROUTE_TRIES = 400  # cookies tried to find one that the proxy hashes to a given replica


@pytest.fixture()
def stack(tmp_path: Path) -> Iterator[Stack]:
    running = start_stack(tmp_path)
    yield running
    stop_stack(running)


def _served_by(stack: Stack, cookie: str) -> str:
    """The replica (host:port) that answers a request carrying this affinity cookie."""
    request = urllib.request.Request(f"{stack.url}/_stcore/health", headers={"Cookie": f"explorer_route={cookie}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    return stack.routes(cookie)[-1]


def _cookie_for(stack: Stack, address: str) -> str:
    for n in range(ROUTE_TRIES):
        if _served_by(stack, f"reader-{n}") == address:
            return f"reader-{n}"
    raise AssertionError(f"no cookie of {ROUTE_TRIES} routes to {address}")


def test_the_server_listens_only_once_every_page_has_run(stack: Stack) -> None:
    for replica in stack.replicas:
        log = replica.log.read_text()
        assert "warm in" in log, log[-2000:]
        assert log.index("warm in") < log.index("You can now view"), "the port opened before the warm-up ended"
        assert "while warming" not in log, "a page failed while warming"
        assert log.count(READ) == 1, "the member file is read once, while warming"


def test_a_replica_that_comes_back_serves_its_first_reader_warm(stack: Stack, browser: object) -> None:
    replica = stack.replicas[0]
    address = replica.url.split("/")[2]
    cookie = _cookie_for(stack, address)

    replica.process.send_signal(signal.SIGKILL)
    replica.process.wait(timeout=30)
    assert _served_by(stack, cookie) != address, "while the replica is down its readers go to the other one"

    back: Server = start_server(
        replica.log.parent, "--server.baseUrlPath=explorer", launcher=WARM, env=LOG, port=int(address.split(":")[1])
    )
    stack.replicas[0] = back
    # The proxy sends the reader back once it tries the replica again (after its fail_timeout): wait for that.
    deadline = time.monotonic() + BACK_CEILING
    while _served_by(stack, cookie) != address:
        assert time.monotonic() < deadline, "the proxy never sent the reader back to the replica"
    started = back.log.read_text()
    assert started.index("warm in") < started.index("You can now view")

    context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
    context.add_cookies([{"name": "explorer_route", "value": cookie, "url": stack.url}])
    page = context.new_page()
    try:
        for path in ("", "Transparency"):  # the Overview and the page with the most figures
            open_page(page, f"{stack.url}/{path}")
            assert page.locator('[data-testid="stPlotlyChart"]').count() > 0  # type: ignore[attr-defined]
        assert set(stack.routes(cookie)[-3:]) == {address}, "the reader was served by the replica that came back"
        served = back.log.read_text()[len(started) :]
        assert READ not in served, "the first reader waited for the data to be read"
        assert BUILT not in served, "the first reader waited for a figure to be built"
    finally:
        context.close()
