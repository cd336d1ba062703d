"""The accepted source hosts: which URLs pass, and how a refused one is named (file, record, field)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard import paths
from dashboard.members.load import load_alliance, load_members, load_sources
from dashboard.models.load import load_initiatives
from dashboard.sources import AcceptedHosts, SourceHost, accepted_hosts, host_problems
from dashboard.validation import DataError
from tests.factories import member, university, write_yaml

HOSTS = AcceptedHosts(
    {
        e.host: e
        for e in (
            SourceHost(host="ibm.com", kind="organisation", owner="IBM", subdomains=True),
            SourceHost(host="en.wikipedia.org", kind="encyclopedia", owner="English Wikipedia"),
            SourceHost(host="github.com", kind="code_host", owner="GitHub", paths=["/meta-llama/"]),
        )
    }
)

ACCEPTED = [
    ("listed host", "https://en.wikipedia.org/wiki/IBM"),
    ("listed parent that admits subdomains", "https://newsroom.ibm.com/2023-12-05-AI-Alliance"),
    ("the parent itself", "https://ibm.com/"),
    ("host in upper case", "https://NEWSROOM.IBM.COM/x"),
    ("a repository listed for a code host", "https://github.com/meta-llama/llama/blob/main/LICENSE"),
    ("a code host's repository prefix in another case", "https://github.com/Meta-Llama/llama"),
    ("a code host's own home page", "https://github.com"),
]

REFUSED = [
    ("unlisted host", "https://wikimili.com/wiki/IBM", "'wikimili.com' is not on the accepted list"),
    ("mirror under a look-alike name", "https://ibm.com.wikimili.com/IBM", "'ibm.com.wikimili.com'"),
    ("a name that only ends like a listed one", "https://notibm.com/", "'notibm.com'"),
    ("another edition of an exactly listed host", "https://simple.wikipedia.org/wiki/IBM", "'simple.wikipedia.org'"),
    ("mobile copy of an exactly listed host", "https://en.m.wikipedia.org/wiki/IBM", "'en.m.wikipedia.org'"),
    ("someone else's repository", "https://github.com/someone/copy/blob/main/x", "accepted only for the repositories"),
    ("a prefix that is not a whole owner", "https://github.com/meta-llama-fan/x", "accepted only for the repositories"),
    ("raw copy of a file", "https://raw.githubusercontent.com/meta-llama/llama/main/LICENSE", "'raw.githubusercontent"),
]


@pytest.mark.parametrize("url", [c[1] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_accepted_url(url: str) -> None:
    assert HOSTS.refusal(url) is None


@pytest.mark.parametrize(("url", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused_url_says_why(url: str, words: str) -> None:
    reason = HOSTS.refusal(url)
    assert reason is not None and words in reason


def test_problems_name_the_record_and_the_dotted_field() -> None:
    raw = [{"id": "ok", "sources": ["https://ibm.com"]}, {"id": "bad", "hq": {"src": "https://kids.example.org"}}]
    [problem] = host_problems(raw, "m.yaml", HOSTS)
    assert (problem.file, problem.record, problem.field) == ("m.yaml", "'bad' (#2)", "hq.src")
    [single] = host_problems({"timeline": [{"source": "https://x.example.org"}]}, "i.yaml", HOSTS, "(page content)")
    assert str(single).startswith("i.yaml: record (page content): field 'timeline.0.source': host 'x.example.org'")


# A file, an edit that cites an unlisted host, and the (record, field) every loader must name.
LOADED: list[tuple[str, str, Any, str, str]] = [
    ("member source", "members", lambda d: d[1]["sources"].append("https://wikimili.com/x"),
     "'eth-zurich' (#2)", "sources.1"),
    ("member website", "members", lambda d: d[0].update(website="https://www.know.cf"), "'amd' (#1)", "website"),
    ("launch fact", "alliance", lambda d: d["launch_date"].update(source="https://ticker.tv/x"),
     "(launch facts)", "launch_date.source"),
    ("page content", "initiatives", lambda d: d["timeline"][0].update(source="https://w.owiki.org/x"),
     "(page content)", "timeline.0.source"),
    ("model grade", "models", lambda d: d[0]["dimensions"]["weights"].update(source="https://aiwiki.ai/x"),
     "'llama-2' (#1)", "dimensions.weights.source"),
]  # fmt: skip


def _shipped(name: str) -> Any:
    return yaml.safe_load((paths.DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def _load(name: str, data: Any, tmp: Path) -> None:
    if name == "members":
        load_members(write_yaml(tmp / "members.yaml", data))
    elif name == "alliance":
        load_alliance(write_yaml(tmp / "alliance.yaml", data))
    else:
        pages = data if name == "initiatives" else _shipped("initiatives")
        models = data if name == "models" else _shipped("models")
        load_initiatives(write_yaml(tmp / "i.yaml", pages), write_yaml(tmp / "m.yaml", models), member_ids={"meta"})


@pytest.mark.parametrize(("name", "edit", "record", "field"), [c[1:] for c in LOADED], ids=[c[0] for c in LOADED])
def test_every_loader_refuses_an_unlisted_host(tmp_path: Path, name: str, edit: Any, record: str, field: str) -> None:
    data = [member(), university()] if name == "members" else copy.deepcopy(_shipped(name))
    edit(data)
    with pytest.raises(DataError) as caught:
        _load(name, data, tmp_path)
    found = [p for p in caught.value.problems if (p.record, p.field) == (record, field)]
    assert found and "not on the accepted list" in found[0].message, str(caught.value)


BAD_LISTS = [
    ("host listed twice", lambda h: h.insert(1, dict(h[0])), "'thealliance.ai' (#2)", "host"),
    ("unknown kind", lambda h: h[0].update(kind="blog"), "'thealliance.ai' (#1)", "kind"),
    ("host with a path", lambda h: h[0].update(host="github.com/x"), "'github.com/x' (#1)", "host"),
    ("path prefix without slashes", lambda h: h[0].update(paths=["meta-llama"]), "'thealliance.ai' (#1)", "paths.0"),
    ("unknown field (typo)", lambda h: h[0].update(subdomain=True), "'thealliance.ai' (#1)", "subdomain"),
]


@pytest.mark.parametrize(("edit", "record", "field"), [c[1:] for c in BAD_LISTS], ids=[c[0] for c in BAD_LISTS])
def test_a_bad_accepted_list_is_named_with_its_field(tmp_path: Path, edit: Any, record: str, field: str) -> None:
    raw = copy.deepcopy(_shipped("sources"))
    edit(raw["hosts"])
    with pytest.raises(DataError) as caught:
        accepted_hosts(raw, "sources.yaml")
    assert any((p.record, p.field) == (record, field) for p in caught.value.problems), str(caught.value)


def test_the_shipped_list_loads_and_names_every_kind_it_promises() -> None:
    hosts = load_sources()
    kinds = {e.kind for e in hosts.entries.values()}
    assert {"organisation", "alliance", "paper", "government", "news", "encyclopedia", "code_host"} <= kinds
    assert all(e.paths for e in hosts.entries.values() if e.kind == "code_host")
