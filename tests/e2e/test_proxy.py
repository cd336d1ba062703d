"""The hosted set-up, for real: deploy/nginx/ in front of two replicas under /explorer/, in Chromium.

Every page through the proxy, a deep link, the link-preview tags, the security headers (no CSP violation
in the browser), /robots.txt, the page nginx serves when no replica answers, and a replica killed under a reader
whose view comes back from the URL on the other one."""

from __future__ import annotations

import gzip
import re
import signal
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dashboard import paths
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from dashboard.routes import ROUTES
from tests.e2e.conftest import Watch, assert_clean, free_port, open_page, screenshot, settle
from tests.e2e.proxy import Stack, start_nginx, start_stack, stop_stack
from tests.e2e.test_filters_journey import pick

# Every CSP violation the page reports, kept where the test can read it.
CSP_WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
MATCHES = re.compile(r"(\d+) of (\d+) members match")
DEEP = "Members?sector=academia&country=CHE"
STATE = "(up) => (document.querySelector('[data-testid=\"stApp\"]').dataset.testConnectionState === 'CONNECTED') === up"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    running = start_stack(tmp_path_factory.mktemp("proxy"))
    yield running
    stop_stack(running)


@pytest.fixture()
def reader(watched: tuple[object, Watch]) -> Iterator[tuple[object, Watch]]:
    page, watch = watched
    page.add_init_script(CSP_WATCH)  # type: ignore[attr-defined]
    yield page, watch
    assert page.evaluate("window.__csp") == [], "the Content-Security-Policy blocked something"  # type: ignore[attr-defined]


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def matching(page: object) -> str:
    return str(page.get_by_text(MATCHES).inner_text())  # type: ignore[attr-defined]


@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_every_page_draws_under_the_sub_path_through_the_proxy(
    stack: Stack, reader: tuple[object, Watch], route: object
) -> None:
    page, watch = reader
    shapes: list[int] = []
    page.on(  # type: ignore[attr-defined]
        "response", lambda r: shapes.append(r.status) if r.url.endswith("/topojson/world_110m.json") else None
    )
    open_page(page, f"{stack.url}/{route.url_path}")  # type: ignore[attr-defined]
    assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
    if page.locator(".geo").count():  # type: ignore[attr-defined]
        assert shapes == [200] and page.locator(".geo .countries path").count() > 0  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_a_deep_link_through_the_proxy_restores_the_filtered_view(stack: Stack, reader: tuple[object, Watch]) -> None:
    page, watch = reader
    expected = apply(load_members(), FilterState(sector=("academia",), country=("CHE",)))
    open_page(page, f"{stack.url}/{DEEP}")
    assert matching(page).startswith(f"{len(expected)} of ")
    screenshot(page, "proxy-members-deep-link")
    assert_clean(page, watch)


def test_the_served_html_carries_the_link_preview_tags_and_the_image_exists(stack: Stack) -> None:
    status, _, body = fetch(f"{stack.url}/{DEEP}")
    html = body.decode()
    assert status == 200 and "<title>AI Alliance Explorer</title>" in html and "<title>Streamlit</title>" not in html
    for tag in ("og:title", "og:description", "og:image", "twitter:card", "twitter:image", 'name="description"'):
        assert tag in html, tag
    image = re.search(r'property="og:image" content="([^"]+)"', html)
    assert image and image.group(1) == f"{stack.url}/app/static/preview.png"
    status, headers, png = fetch(image.group(1))
    assert (status, headers["content-type"], png) == (200, "image/png", (paths.STATIC_DIR / "preview.png").read_bytes())


def test_robots_txt_lets_crawlers_read_every_page_but_not_the_machine_endpoints(stack: Stack) -> None:
    host = stack.url.removesuffix("/explorer")
    status, headers, body = fetch(f"{host}/robots.txt")
    assert (status, headers["content-type"]) == (200, "text/plain")
    assert "<" not in body.decode(), "robots.txt must not be the app's HTML"
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(body.decode().splitlines())
    for path in ("/", "/explorer/", f"/explorer/{DEEP}", "/explorer/World_map", "/explorer/app/static/preview.png"):
        assert robots.can_fetch("*", f"{host}{path}"), path
    for path in ("/explorer/_stcore/health", "/explorer/_stcore/stream", "/explorer/media/abc.csv"):
        assert not robots.can_fetch("*", f"{host}{path}"), path
    assert headers["x-content-type-options"] == "nosniff"  # the security headers apply here too
    # The host's root leads to the app, and so every HTML page the proxy serves has the description.
    request = urllib.request.Request(f"{host}/", method="HEAD")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as moved:
        opener.open(request, timeout=10)
    assert (moved.value.code, moved.value.headers["location"]) == (301, f"{host}/explorer/")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_with_no_replica_up_the_proxy_serves_its_own_described_page(tmp_path: Path) -> None:
    public, nginx = start_nginx(tmp_path, [f"127.0.0.1:{free_port()}", f"127.0.0.1:{free_port()}"])
    try:
        status, headers, body = fetch(f"{public}/explorer/{DEEP}")
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    html = body.decode()
    assert status == 503 and headers["content-type"].startswith("text/html")
    assert "<title>AI Alliance Explorer</title>" in html and '<meta name="description" content="Who founded' in html
    assert "content-security-policy" in headers


def test_security_headers_limits_and_compression(stack: Stack) -> None:
    status, headers, _ = fetch(f"{stack.url}/")
    assert status == 200
    csp = headers["content-security-policy"]
    assert "frame-ancestors *" in csp and "default-src 'self'" in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "x-frame-options" not in headers  # it would forbid the embeds that frame-ancestors allows
    assert headers["set-cookie"].startswith("explorer_route=")
    status, headers, body = fetch(f"{stack.url}/app/static/topojson/world_110m.json", **{"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding")) == (200, "gzip")
    assert len(body) < 0.5 * len(gzip.decompress(body))
    assert fetch(f"{stack.url}/_stcore/upload_file/x/y")[0] == 403
    request = urllib.request.Request(f"{stack.url}/_stcore/health", data=b"x" * 2_000_000, method="POST")
    with pytest.raises(urllib.error.HTTPError) as too_big:
        urllib.request.urlopen(request, timeout=10)
    assert too_big.value.code == 413


@pytest.fixture()
def article(stack: Stack, tmp_path: Path) -> Iterator[str]:
    """A page on another site (localhost is another origin than 127.0.0.1) that embeds a view in an iframe."""
    src = f"{stack.url}/{DEEP}&embed=true"
    (tmp_path / "article.html").write_text(
        f'<!doctype html><h1>An article</h1><iframe src="{src}" title="Members" width="1100" height="700"></iframe>'
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}/article.html"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_view_embedded_in_another_site_works_through_the_proxy(article: str, reader: tuple[object, Watch]) -> None:
    page, watch = reader
    page.goto(article)  # type: ignore[attr-defined]
    embedded = page.frame_locator("iframe")  # type: ignore[attr-defined]
    expected = apply(load_members(), FilterState(sector=("academia",), country=("CHE",)))
    embedded.get_by_text(MATCHES).wait_for(timeout=45_000)
    assert embedded.get_by_text(MATCHES).inner_text().startswith(f"{len(expected)} of ")
    assert embedded.locator('[data-testid="stSidebar"]').count() == 0
    assert_clean(page, watch)
    violations = page.frames[1].evaluate("window.__csp")  # type: ignore[attr-defined]
    assert violations == [], violations


def test_readers_spread_over_the_replicas_and_each_stays_on_one(stack: Stack) -> None:
    readers = [f"reader{i:02d}" for i in range(12)]
    for _ in range(2):
        for cookie in readers:
            assert fetch(f"{stack.url}/_stcore/health", Cookie=f"explorer_route={cookie}")[0] == 200
    routes = {cookie: stack.routes(cookie) for cookie in readers}
    assert all(len(r) == 2 and len(set(r)) == 1 for r in routes.values()), routes
    assert len({r[0] for r in routes.values()}) == len(stack.replicas), "every reader went to the same replica"


def download(page: object, label: str) -> str:
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.get_by_role("button", name=label).click()  # type: ignore[attr-defined]
    return open(info.value.path(), encoding="utf-8").read()


def test_a_reader_whose_replica_dies_gets_the_same_view_from_the_other(
    stack: Stack, reader: tuple[object, Watch], capsys: pytest.CaptureFixture[str]
) -> None:
    page, watch = reader
    members = load_members()
    open_page(page, f"{stack.url}/{DEEP}")
    before = matching(page)
    cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "explorer_route")  # type: ignore[attr-defined]
    held = stack.routes(cookie)
    assert held and len(set(held)) == 1, f"one reader's requests went to several replicas: {held}"
    dead = stack.replica(held[0])

    dead.process.send_signal(signal.SIGKILL)
    killed = time.monotonic()
    page.wait_for_function(STATE, arg=False)  # type: ignore[attr-defined]
    page.wait_for_function(STATE, arg=True, polling=50)  # type: ignore[attr-defined]
    reconnected = time.monotonic() - killed
    settle(page)  # the script rerun, the charts drawn, then 600 ms without a change
    switch_over = time.monotonic() - killed - 0.6
    assert matching(page) == before
    survivor = [r for r in stack.replicas if r is not dead][0]
    assert set(stack.routes(cookie)[len(held) :]) == {survivor.url.split("/")[2]}

    # The reader's next interaction is served by the survivor, and so is a reload.
    pick(page, "Sector", "Nonprofit")
    both = apply(members, FilterState(sector=("academia", "nonprofit"), country=("CHE",)))
    assert matching(page).startswith(f"{len(both)} of ")
    page.reload()  # type: ignore[attr-defined]
    settle(page)
    assert matching(page).startswith(f"{len(both)} of ")
    # The session's downloads live in the survivor's memory now, and the cookie still leads there.
    rows = download(page, "Filtered members (CSV)").strip().splitlines()
    assert len(rows) == len(both) + 1
    assert_clean(page, watch)
    report = paths.ROOT / "artifacts" / "proxy-switch-over.txt"
    report.parent.mkdir(exist_ok=True)
    text = (
        f"replica killed -> reconnected to the other: {reconnected:.2f} s; "
        f"-> same view drawn again: {switch_over:.2f} s\n"
    )
    report.write_text(text)
    with capsys.disabled():
        print(f"\nswitch-over: {text}")
