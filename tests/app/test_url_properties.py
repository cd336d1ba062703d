"""A bounded sample of generated query strings on every page: no exception, only valid values stay in the URL."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from dashboard.i18n import languages
from dashboard.members import filters
from dashboard.routes import ROUTES
from tests.app.conftest import run_page, url_values
from tests.unit.test_properties import MEMBERS, VALID, query

# Each example runs the app, so a failure is reported as found rather than shrunk for minutes.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
SAMPLE = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), phases=NO_SHRINK)
ACCEPTED = {**VALID, "member": list(MEMBERS["id"]), "lang": languages(), "q": None}


@SAMPLE
@given(st.sampled_from([r.script for r in ROUTES]), query)
def test_generated_query_strings_never_raise_and_leave_only_valid_values(
    script: str, params: dict[str, list[str]]
) -> None:
    at = run_page(script, **{k: v for k, v in params.items() if v})
    assert not at.exception, at.exception
    assert at.title
    page = next(r for r in ROUTES if r.script == script)
    # The keys this page reads must hold accepted values only; another page's keys are not read here.
    read = {*filters.KEYS, "lang", *page.params, *page.multi, *(["member"] if page.key == "members" else [])}
    for key in read & set(at.query_params):
        values = url_values(at, key)
        if key == "q":
            assert len(values) == 1 and len(values[0]) <= filters.MAX_QUERY
        else:
            assert set(values) <= set(ACCEPTED[key] or []), (key, values)
