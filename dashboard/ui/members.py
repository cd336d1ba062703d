"""The Members page: the sortable table, one member's full record, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import formats
from dashboard.members import export as transform
from dashboard.ui.maps import area_text, place_text
from dashboard.ui.page import Page
from dashboard.ui.text import link, md
from dashboard.ui.url import MEMBER, WIDGET, set_url, url_values
from dashboard.validation import is_http_url

# ---------------------------------------------------------------- the Members page

TABLE, TABLE_IDS = "member_table", "_member_table_ids"
DOWNLOADS: tuple[tuple[str, str], ...] = (("filtered", "csv"), ("filtered", "json"), ("all", "csv"), ("all", "json"))


TABLE_ROWS = 1_000  # rows sent to the browser at once; longer lists are shown a page at a time


def _table_page(page: Page, members: pd.DataFrame) -> pd.DataFrame:
    """All rows, or with more than TABLE_ROWS, the page of them the reader picks."""
    if len(members) <= TABLE_ROWS:
        return members
    pages = -(-len(members) // TABLE_ROWS)
    number = st.number_input(
        page.t("members.table.page", pages=f"{pages:,}", rows=f"{TABLE_ROWS:,}"), min_value=1, max_value=pages,
        value=1, step=1, key="member_table_page",
    )  # fmt: skip
    return members.iloc[(int(number) - 1) * TABLE_ROWS : int(number) * TABLE_ROWS]


def member_table(page: Page, everyone: pd.DataFrame) -> str | None:
    """The sortable table; returns the id of the member picked in it or in the URL, if still shown."""
    members = _table_page(page, everyone)
    parents = dict(zip(page.roster["id"], page.roster["short_name"], strict=True))
    table = pd.DataFrame(
        {
            "name": members["name"],
            "part_of": members["part_of"].map(lambda p: parents.get(p, p) if isinstance(p, str) else None),
            "sector": members["sector"].map(page.labels.sector),
            "category": members["category"].map(page.labels.category),
            "country": members["country"].map(lambda c: page.labels.country(c) if isinstance(c, str) else None),
            "city": members["city"],
            "joined": pd.to_datetime(members["joined"]),
            "joined_kind": members["joined_kind"].map(lambda k: page.t(f"joined.{k}")),
            "website": members["website"].where(members["website"].map(is_http_url)),
            "sources": members["sources"],
        }
    ).reset_index(drop=True)
    col = st.column_config
    st.session_state[TABLE_IDS] = list(members["id"])
    st.dataframe(
        table,
        key=TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_order=[c for c in table.columns if c != "part_of" or table["part_of"].notna().any()],
        column_config={
            "name": col.TextColumn(page.t("members.col.name"), pinned=True),
            "part_of": col.TextColumn(page.t("members.col.part_of")),
            "sector": col.TextColumn(page.t("members.col.sector")),
            "category": col.TextColumn(page.t("members.col.category")),
            "country": col.TextColumn(page.t("members.col.country")),
            "city": col.TextColumn(page.t("members.col.city")),
            "joined": col.DateColumn(page.t("members.col.joined"), format="YYYY-MM-DD"),
            "joined_kind": col.TextColumn(page.t("members.col.joined_kind")),
            "website": col.LinkColumn(page.t("members.col.website")),
            "sources": col.ListColumn(page.t("members.col.sources")),
        },
    )
    given = url_values(MEMBER)
    wanted = given[-1] if given and given[-1] in set(everyone["id"]) else ""
    if given != ([wanted] if wanted else []):
        set_url(MEMBER, [wanted] if wanted else [])  # one shown member at most; the rest dropped quietly
    return wanted or None


def _on_table_select() -> None:
    """A click on a row opens that member's record (and puts it in the URL)."""
    rows = list(st.session_state[TABLE].selection.rows)
    ids = st.session_state.get(TABLE_IDS, [])
    if rows and 0 <= rows[0] < len(ids):
        set_url(MEMBER, [ids[rows[0]]])


def _on_member_pick() -> None:
    picked = st.session_state.get(WIDGET.format(MEMBER))
    set_url(MEMBER, [picked] if picked else [])


def member_detail(page: Page, members: pd.DataFrame, selected: str | None) -> None:
    """Every field and every source of one member."""
    st.header(page.t("members.detail.title"))
    listed = members
    if len(members) > TABLE_ROWS:  # choose among the table's page (and the open record), not every row
        listed = members[members["id"].isin(st.session_state.get(TABLE_IDS, [])) | (members["id"] == selected)]
    names = dict(zip(listed["id"], listed["name"], strict=True))
    st.session_state[WIDGET.format(MEMBER)] = selected
    picked = st.selectbox(
        page.t("members.detail.pick"), list(names), key=WIDGET.format(MEMBER), format_func=names.__getitem__,
        index=None, on_change=_on_member_pick, placeholder=page.t("members.detail.none"),
    )  # fmt: skip
    if picked is None:
        return
    row = members.set_index("id").loc[picked]
    unknown = page.t("members.field.unknown")
    place = place_text(page, {"id": picked, **row.to_dict()})
    hq = place or unknown
    lat, lon = (formats.decimal(row[k], page.lang, 4) for k in ("lat", "lon")) if pd.notna(row["lat"]) else ("", "")
    coords = page.t("members.coordinates", lat=lat, lon=lon) if lat else unknown
    if row["precision"] in ("region", "country"):
        coords = page.t("members.coordinates_derived", place=area_text(page, row.to_dict()))
    parents = dict(zip(page.roster["id"], page.roster["name"], strict=True))
    membership = row["membership"] if isinstance(row["membership"], str) else "none"
    fields = [
        ("name", md(row["name"])),
        ("short_name", md(row["short_name"])),
        *([("part_of", md(parents.get(row["part_of"], row["part_of"])))] if isinstance(row["part_of"], str) else []),
        ("sector", md(page.labels.sector(row["sector"]))),
        ("category", md(page.labels.category(row["category"]))),
        ("membership", md(page.t(f"members.membership.{membership}"))),
        ("joined", md(page.labels.date(row["joined"]))),
        ("joined_kind", md(page.t(f"joined.{row['joined_kind']}"))),
        ("joined_source", link(row["joined_source"]) if isinstance(row["joined_source"], str) else "—"),
        ("hq", md(hq)),
        ("hq_source", link(row["hq_source"]) if isinstance(row["hq_source"], str) else "—"),
        ("coordinates", md(coords)),
        ("website", link(row["website"]) if isinstance(row["website"], str) else unknown),
        ("founded", md(row["founded"]) if pd.notna(row["founded"]) else unknown),
        ("notes", md(row["notes"]) if isinstance(row["notes"], str) else "—"),
    ]
    lines = (page.t("text.label_value", label=f"**{md(page.t(f'members.field.{k}'))}**", value=v) for k, v in fields)
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.markdown(f"**{md(page.t('members.field.sources'))}**")
    st.markdown("\n".join(f"{i}. {link(url)}" for i, url in enumerate(row["sources"], start=1)))


def units_note(page: Page, members: pd.DataFrame, everyone: pd.DataFrame) -> None:
    """Where the members shown include units of other members, say how many and which."""
    units = members[members["part_of"].notna()]
    if units.empty:
        return
    parents = dict(zip(everyone["id"], everyone["short_name"], strict=True))
    names = ", ".join(f"{u} ({parents.get(p, p)})" for u, p in zip(units["short_name"], units["part_of"], strict=True))
    st.caption(page.t("members.units", shown=len(members), units=page.tn("count.unit_is", len(units)), names=md(names)))


def download_members(page: Page, scope: str, fmt: str) -> None:
    """One download button: the filtered (``scope="filtered"``) or the full member list as CSV or JSON."""
    frame = page.members if scope == "filtered" else page.roster
    if fmt == "csv":
        headers = {c: page.t(f"csv.col.{c}") for c in transform.EXPORT_COLUMNS}

        def build() -> bytes:
            return transform.to_csv_bytes(frame, headers=headers)
    else:

        def build() -> bytes:
            return transform.to_json_bytes(frame)

    st.download_button(  # the file is built when the button is pressed, not on every run of the page
        page.t(f"members.download.{scope}_{fmt}", total=len(frame)), data=build,
        file_name=f"{page.t(f'file.members_{scope}')}.{fmt}", key=f"download_{scope}_{fmt}", width="stretch",
        mime="text/csv" if fmt == "csv" else "application/json",
    )  # fmt: skip
