"""The load tool's protocol client without a Streamlit server: what it reads in ForwardMsgs, what it sends, and
that a closed socket or a silent server counts as a failed session."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.RootContainer_pb2 import RootContainer
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.server import ServerConnection, serve

from bench.load import (
    SEARCH_LABEL,
    MessageCache,
    Stream,
    exception_text,
    main,
    rerun_request,
    stem_for,
    talker,
    widget_id,
)

SIDEBAR, MAIN = RootContainer.SIDEBAR, RootContainer.MAIN


def text_input(label: str, widget: str, *, root: int = SIDEBAR) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend([root, 14])
    msg.delta.new_element.text_input.label = label
    msg.delta.new_element.text_input.id = widget
    return msg


def markdown(body: str = "text", *, cacheable: bool = False, hash_: str = "") -> ForwardMsg:
    msg = ForwardMsg(hash=hash_)
    msg.metadata.delta_path.extend([MAIN, 0])
    msg.metadata.cacheable = cacheable
    msg.delta.new_element.markdown.body = body
    return msg


def exception_box(kind: str = "ValueError", message: str = "boom\nsecond line") -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend([MAIN, 3])
    msg.delta.new_element.exception.type = kind
    msg.delta.new_element.exception.message = message
    return msg


def finished(status: int = ForwardMsg.FINISHED_SUCCESSFULLY) -> ForwardMsg:
    return ForwardMsg(script_finished=status)  # type: ignore[arg-type]


def new_session(page_hash: str, max_age: int = 2) -> ForwardMsg:
    msg = ForwardMsg()
    msg.new_session.page_script_hash = page_hash
    msg.new_session.config.max_cached_message_age = max_age
    return msg


def navigation(current: str, pages: dict[str, str]) -> ForwardMsg:
    msg = ForwardMsg()
    msg.navigation.page_script_hash = current
    for path, page_hash in pages.items():
        page = msg.navigation.app_pages.add()
        page.url_pathname, page.page_script_hash = path, page_hash
    return msg


class FakeSocket:
    """Replays ForwardMsgs and keeps what the client sent."""

    def __init__(self, *messages: ForwardMsg | str) -> None:
        self.incoming = [m if isinstance(m, str) else m.SerializeToString() for m in messages]
        self.sent: list[BackMsg] = []

    async def send(self, data: bytes) -> None:
        self.sent.append(BackMsg.FromString(data))

    async def recv(self) -> bytes | str:
        return self.incoming.pop(0)


def test_the_search_box_is_found_in_the_sidebar_by_its_label() -> None:
    deltas = [markdown(), text_input("Search names", "main-box", root=MAIN), text_input("Other", "other"),
              text_input("Search names", "$$ID-abc-w_q"), markdown()]  # fmt: skip
    assert widget_id(deltas, SEARCH_LABEL) == "$$ID-abc-w_q"
    assert widget_id(deltas[:3], SEARCH_LABEL) is None, "not the one in the main area, nor another label"
    assert widget_id([], SEARCH_LABEL) is None


def test_an_exception_element_is_recognised_and_nothing_else() -> None:
    assert exception_text(exception_box()) == "ValueError: boom"
    assert exception_text(exception_box(kind="", message="")) == "Exception: "
    assert exception_text(markdown()) is None
    assert exception_text(text_input("Search names", "x")) is None
    assert exception_text(finished()) is None


def test_the_cache_answers_a_reference_with_the_kept_message_at_the_reference_place() -> None:
    cache = MessageCache()
    big = markdown("a large table", cacheable=True, hash_="h1")
    assert cache.take(big) is big and cache.hashes() == ["h1"]
    cache.take(markdown("small", hash_="h2"))
    assert cache.hashes() == ["h1"], "only cacheable messages are kept"
    ref = ForwardMsg(ref_hash="h1")
    ref.metadata.delta_path.extend([MAIN, 7])
    full = cache.take(ref)
    assert full.delta.new_element.markdown.body == "a large table" and list(full.metadata.delta_path) == [MAIN, 7]
    with pytest.raises(LookupError):
        cache.take(ForwardMsg(ref_hash="unknown"))


def test_the_cache_forgets_a_message_no_run_used_for_more_than_max_age_runs() -> None:
    cache = MessageCache()
    cache.take(markdown(cacheable=True, hash_="old"))
    cache.end_run(2)
    cache.take(markdown(cacheable=True, hash_="new"))
    cache.end_run(2)
    assert cache.hashes() == ["old", "new"]
    cache.end_run(2)
    assert cache.hashes() == ["new"]
    cache.take(ForwardMsg(ref_hash="new"))  # a use keeps it young
    cache.end_run(2)
    cache.end_run(2)
    assert cache.hashes() == ["new"]


def test_a_rerun_request_carries_page_query_widgets_and_cached_hashes() -> None:
    sent = rerun_request(page_name="Members", query="sector=academia", cached=["h1"], url="http://127.0.0.1:1/Members",
                         widgets=[WidgetState(id="w", string_value="univ")])  # fmt: skip
    state = BackMsg.FromString(sent).rerun_script
    assert (state.page_name, state.page_script_hash, state.query_string) == ("Members", "", "sector=academia")
    assert list(state.cached_message_hashes) == ["h1"]
    assert [(w.id, w.string_value) for w in state.widget_states.widgets] == [("w", "univ")]
    assert state.context_info.url == "http://127.0.0.1:1/Members" and not state.context_info.is_embedded


def run(coroutine: Callable[[], Awaitable[Any]]) -> Any:
    """Run on a thread of its own: in the whole suite the browser tests' Playwright (sync API) keeps an event
    loop running on the main thread, where asyncio.run() refuses to start another."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine()).result()  # type: ignore[arg-type]


def test_a_visit_opens_a_page_by_name_first_then_by_the_hash_the_navigation_message_named() -> None:
    pages = {"": "main", "Members": "members-hash"}
    socket = FakeSocket(
        new_session("placeholder"), navigation("main", pages), markdown(), text_input("Search names", "w1"), finished(),
        ForwardMsg(page_info_changed={"query_string": "sector=academia"}),  # type: ignore[arg-type]
        new_session("members-hash"), navigation("members-hash", pages), text_input("Search names", "w2"), finished(),
    )  # fmt: skip
    stream = Stream(socket, "http://127.0.0.1:1")
    assert run(lambda: stream.visit("", "")) == []
    assert stream.pages == pages and stream.page_hash == "main"
    assert run(lambda: stream.visit("Members", "")) == []
    first, second = (m.rerun_script for m in socket.sent)
    assert (first.page_name, first.page_script_hash) == ("", "")
    assert (second.page_name, second.page_script_hash) == ("", "members-hash")
    assert stream.query == "sector=academia", "the query string the app wrote"
    assert widget_id(stream.deltas, SEARCH_LABEL) == "w2", "only the last run's deltas"


def test_a_widget_change_reruns_the_page_shown_with_the_current_query_string() -> None:
    socket = FakeSocket(new_session("about-hash"), finished())
    stream = Stream(socket, "http://127.0.0.1:1")
    stream.page_hash, stream.path, stream.query = "about-hash", "About", "sector=academia"
    assert run(lambda: stream.change("w", "univ")) == []
    (sent,) = (m.rerun_script for m in socket.sent)
    assert (sent.page_script_hash, sent.query_string) == ("about-hash", "sector=academia")
    assert [(w.id, w.string_value) for w in sent.widget_states.widgets] == [("w", "univ")]


def test_exceptions_a_missing_page_and_a_failed_run_are_problems_and_an_early_end_is_not() -> None:
    socket = FakeSocket(
        new_session("a"), ForwardMsg(page_not_found={"page_name": "Nope"}), exception_box(),  # type: ignore[arg-type]
        finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN), new_session("a"), markdown(),
        finished(ForwardMsg.FINISHED_WITH_COMPILE_ERROR),
    )  # fmt: skip
    problems = run(lambda: Stream(socket, "http://127.0.0.1:1").read_run())
    assert problems == ["page not found: 'Nope'", "exception box: ValueError: boom",
                        "script finished with FINISHED_WITH_COMPILE_ERROR"]  # fmt: skip
    assert socket.incoming == [], "read on past the early end until the run that followed finished"


def test_a_text_frame_is_not_streamlit() -> None:
    with pytest.raises(TypeError):
        run(lambda: Stream(FakeSocket("hello"), "http://127.0.0.1:1").read_run())


async def _against(handler: Callable[[ServerConnection], Awaitable[None]], timeout_s: float) -> list[str]:
    async with serve(handler, "127.0.0.1", 0, subprotocols=["streamlit"]) as server:  # type: ignore[list-item]
        port = next(iter(server.sockets)).getsockname()[1]
        session = await talker(f"http://127.0.0.1:{port}", 0, timeout_s)
    return session.errors


def test_a_closed_socket_and_a_silent_server_fail_the_session() -> None:
    async def close(connection: ServerConnection) -> None:
        await connection.recv()
        await connection.close()

    async def silent(connection: ServerConnection) -> None:
        await connection.wait_closed()

    (closed,) = run(lambda: _against(close, 5.0))
    assert closed.startswith("Overview: ConnectionClosed"), closed
    (late,) = run(lambda: _against(silent, 0.3))
    assert late == "Overview: TimeoutError: no end within 0.3 s", late


def test_report_names_and_arguments() -> None:
    assert stem_for([10], 0, "browser") == "load-10", "the browser client's reports keep their names"
    assert stem_for([10, 20, 50], 0, "protocol") == "load-protocol-10-20-50"
    assert stem_for([10], 600, "protocol") == "load-protocol-10-soak"
    for bad in (["--client", "curl"], ["--timeout", "0"], ["--timeout", "7200"], ["--sessions", "51"]):
        with pytest.raises(SystemExit):
            main(bad)
