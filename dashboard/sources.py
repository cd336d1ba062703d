"""Accepted source hosts: validating data/sources.yaml and checking every URL of a data file against it.

A URL is accepted when its host is listed exactly, or when a listed parent domain says
``subdomains: true`` (``ibm.com`` then covers ``newsroom.ibm.com``). Parents are never implied:
``wikipedia.org`` is not listed, so ``nostalgia.wikipedia.org`` or a mirror on a look-alike host is
rejected, and each Wikipedia edition we cite is listed by itself. Code and model hosts
(``github.com``, ``huggingface.co``) list the path prefixes of the repositories they are accepted
for (a developer's own organisation), so a copy of someone else's file there is rejected too.
Admitting a host or a repository is therefore a one-line, visible change to data/sources.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field

from dashboard.records import Record, Text
from dashboard.validation import (
    DataError,
    Problem,
    record_label,
    record_problems,
)

SourceKind = Literal[
    "organisation", "alliance", "paper", "licence_or_model_card", "government", "news", "encyclopedia", "code_host",
]  # fmt: skip
HOST_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*\.[a-z]{2,}$")


class SourceHost(Record):
    """One accepted host of data/sources.yaml: whose it is, what kind of source, and how far it reaches."""

    host: Annotated[str, Field(pattern=HOST_RE.pattern, max_length=253)]
    kind: SourceKind
    owner: Text
    subdomains: bool = False
    paths: list[Annotated[str, Field(pattern=r"^/\S+/$")]] = Field(default_factory=list)


URL_PREFIXES = ("http://", "https://")


@dataclass(frozen=True)
class AcceptedHosts:
    """The accepted list, keyed by host."""

    entries: Mapping[str, SourceHost]
    _refusals: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def entry_for(self, host: str) -> SourceHost | None:
        """The entry that covers ``host``: its own, or a listed parent domain that admits subdomains."""
        host = host.lower().rstrip(".")
        if host in self.entries:
            return self.entries[host]
        labels = host.split(".")
        for start in range(1, len(labels) - 1):
            parent = self.entries.get(".".join(labels[start:]))
            if parent is not None and parent.subdomains:
                return parent
        return None

    def refusal(self, url: str) -> str | None:
        """Why ``url`` is not an accepted source, or None when it is (remembered per URL: a file cites the
        same announcement or page record after record)."""
        if url not in self._refusals:
            self._refusals[url] = self._refusal(url)
        return self._refusals[url]

    def _refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        entry = self.entry_for(parts.hostname or "")
        if entry is None:
            return (
                f"host {parts.hostname!r} is not on the accepted list in data/sources.yaml; cite the organisation "
                "itself, the Alliance, a paper, a licence or model card, a regulator, established news or Wikipedia"
            )
        if not _path_accepted(entry, parts.path):
            return (
                f"{entry.host} is accepted only for the repositories listed in data/sources.yaml "
                f"({', '.join(entry.paths)}); got {parts.path!r}"
            )
        return None


def _path_accepted(entry: SourceHost, path: str) -> bool:
    """A host without listed paths takes any path; one with paths takes them and its own home page."""
    if not entry.paths or not path.strip("/"):
        return True
    folded = (path + "/").casefold()
    return any(folded.startswith(prefix.casefold()) for prefix in entry.paths)


def accepted_hosts(raw: Any, file: str) -> AcceptedHosts:
    """Validate the parsed accepted list (``hosts:``, one row per host, each host once); raise DataError
    naming every problem, each row by its host and position."""
    rows = raw.get("hosts") if isinstance(raw, dict) else None
    if not isinstance(rows, list) or not rows:
        raise DataError([Problem(file, "top level: expected 'hosts:' with a non-empty list of accepted hosts")])
    seen: dict[str, SourceHost] = {}
    problems: list[Problem] = []
    for position, row in enumerate(rows, start=1):
        host = row.get("host") if isinstance(row, dict) else None
        label = f"'{host}' (#{position})" if isinstance(host, str) else f"#{position}"
        entry, found = record_problems(SourceHost, row, file, label)
        problems += found
        if entry is not None and entry.host in seen:
            problems.append(Problem(file, "host listed twice", label, "host"))
        elif entry is not None:
            seen[entry.host] = entry
    if problems:
        raise DataError(problems)
    return AcceptedHosts(seen)


def urls_in(value: Any, where: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every http(s) string in a parsed YAML value, with its dotted field path."""
    if isinstance(value, str) and value.startswith(URL_PREFIXES):
        yield ".".join(where), value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from urls_in(item, (*where, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from urls_in(item, (*where, str(index)))


def host_problems(raw: Any, file: str, hosts: AcceptedHosts, record: str | None = None) -> list[Problem]:
    """One problem per URL that is not accepted. A top-level list is named record by record (its ids);
    anything else is one record named ``record``."""
    if isinstance(raw, list):
        return [
            Problem(file, reason, record_label(item, position), field)
            for position, item in enumerate(raw, start=1)
            for field, url in urls_in(item)
            if (reason := hosts.refusal(url)) is not None
        ]
    return [
        Problem(file, reason, record, field)
        for field, url in urls_in(raw)
        if (reason := hosts.refusal(url)) is not None
    ]
