"""The importer of the Alliance's own record, run on a small repository shaped like its website's, built here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts import import_alliance_site as site
from tests.gitrepo import commits

PAGE = "src/page-content/members/members.tsx"
MAP = "src/graphics/membersMap.svg"


def members_page(*logos: tuple[str, str, str]) -> str:
    """A members page importing each logo's image and listing it with its alt text."""
    imports = "\n".join(f"import {var} from '@public/members/{image}';" for var, image, _ in logos)
    listed = "\n".join(f"  {{ size: 1, src: {var}, alt: '{alt}' }}," for var, _, alt in logos)
    return f"{imports}\nimport styles from './members.module.scss';\n\nconst logos = [\n{listed}\n];\n"


def svg(*parts: str) -> str:
    return '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>\n"


def label(x: float, y: float, *lines: str) -> str:
    """A <text> with one tspan per line, 23 units apart, split mid-word the way the real map is."""
    spans = "".join(
        f'<tspan x="0" y="{i * 23}">{line[:2]}</tspan><tspan x="9.5" y="{i * 23}">{line[2:]}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text transform="translate({x} {y})">{spans}</text>'


def bullet(x: float, y: float) -> str:
    return f'<circle cx="{x - 15}" cy="{y - 6}" r="7.79"/>'


LAUNCH_MAP = svg(
    label(95.67, 668.47, "U.S. - California"),
    label(120.13, 700, "Aitomatic", "Linux", "Foundation"), bullet(120.13, 700), bullet(120.13, 723),
    label(1718.67, 424.7, "Japan"),
    label(1741.39, 468.94, "SB Intuitions ", "(Softbank subsidiary)"), bullet(1741.39, 468.94),
    label(2035.5, 198.6, "Founding Members and Collaborators* "), label(2059.4, 252.9, "Universities"),
)  # fmt: skip
LATER_MAP = LAUNCH_MAP.replace(
    "</svg>", label(490.6, 471.4, "U.S. - Montana") + label(513.4, 515.8, "Snowflake") + bullet(513.4, 515.8) + "</svg>"
)
POST = """const blog: BlogPostData = {{
  anchor: 'news',
  date: '{date}',
  renderBody: styles => (
    <>
      <motion.h2 {{...showInView}}>
        {title}
      </motion.h2>
      <motion.p className={{styles.abstract}}>
        {abstract}
      </motion.p>
    </>
  ),
}};
"""
HISTORY = [
    ("2023-11-30T10:00:00+01:00", {
        PAGE: members_page(("aitomatic", "aitomatic.png", "Aitomatic"), ("linux", "linux.png", "linux")),
        MAP: svg(label(95.67, 668.47, "U.S. - California")),
        "src/page-content/news/blogPost1.tsx": POST.format(
            date="December 5, 2023", title="The Alliance launches",
            abstract="IBM and Meta Launch the AI Alliance in collaboration with over 50 Founding Members and "
            "Collaborators globally including AMD, CERN, MOC Alliance operated by Boston University and Harvard "
            "University, Yale University and others"),
    }),
    ("2023-12-04T22:28:56-05:00", {MAP: LAUNCH_MAP}),  # the evening before, in New York: the launch day in UTC
    ("2024-01-18T10:31:44-05:00", {
        PAGE: members_page(("aitomatic", "aitomatic.png", "Aitomatic"), ("linux", "linux.png", "linux"),
                           ("snowflake", "snowflake.png", "Slowflake")),
        MAP: LATER_MAP,
        "src/page-content/news/blogPost2.tsx": POST.format(
            date="February 8, 2024", title="New members",
            abstract="New AI Alliance Members Include: Anaconda; Snowflake, Inc.; ESADE, Hitachi; Weights &amp; "
            "Biases (ML/LLMops); and Zilliz"),
    }),
]  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "alliance.yaml").write_text('launch_date:\n  value: "2023-12-05"\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("form", ["work", "bare"])
def test_the_record_has_every_logo_placement_and_announcement(tmp_path: Path, data_dir: Path, form: str) -> None:
    work, bare = commits(tmp_path / "repo", HISTORY)
    assert site.main([str(work if form == "work" else bare), "--data", str(data_dir)]) == 0
    record = yaml.safe_load((data_dir / "alliance_site.yaml").read_text(encoding="utf-8"))
    logos = {logo["name"]: logo["first_date"] for logo in record["members_page"]["logos"]}
    assert logos == {"Aitomatic": "2023-11-30", "linux": "2023-11-30", "Slowflake": "2024-01-18"}
    maps = {m["role"]: m for m in record["maps"]}
    assert maps["launch"]["date"] == "2023-12-05", "the last version of the launch day, in UTC"
    assert maps["launch"]["placements"] == [
        {"name": "Aitomatic", "place": "U.S. - California", "country": "USA", "region": "California"},
        {"name": "Linux Foundation", "place": "U.S. - California", "country": "USA", "region": "California"},
        {"name": "SB Intuitions (Softbank subsidiary)", "place": "Japan", "country": "JPN", "region": None},
    ]  # fmt: skip
    assert {"name": "Snowflake", "place": "U.S. - Montana", "country": "USA", "region": "Montana"} in (
        maps["latest"]["placements"]
    )
    posts = {a["date"]: a["names"] for a in record["announcements"]}
    assert posts["2023-12-05"] == ["AMD", "CERN", "MOC Alliance operated by Boston University and Harvard University",
                                   "Yale University"]  # fmt: skip
    assert posts["2024-02-08"] == ["Anaconda", "Snowflake, Inc.", "ESADE", "Hitachi", "Weights & Biases (ML/LLMops)",
                                   "Zilliz"]  # fmt: skip
    assert record["commit"] == maps["latest"]["commit"] and record["licence"] is None


def test_a_second_import_of_the_same_commit_is_byte_for_byte_the_same(tmp_path: Path, data_dir: Path) -> None:
    work, bare = commits(tmp_path / "repo", HISTORY)
    site.main([str(work), "--data", str(data_dir)])
    first = (data_dir / "alliance_site.yaml").read_bytes()
    site.main([str(bare), "--data", str(data_dir)])
    assert (data_dir / "alliance_site.yaml").read_bytes() == first


def test_a_copy_without_history_is_refused_with_a_message(tmp_path: Path, data_dir: Path) -> None:
    with pytest.raises(SystemExit, match="no commit touches|not a git"):
        site.main([str(tmp_path), "--data", str(data_dir)])


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("U.S. - Texas", ("USA", "Texas")),
        ("U.S. - Washington D.C.", ("USA", "District of Columbia")),
        ("UK", ("GBR", None)),
        ("U.A.E.", ("ARE", None)),
        ("Vietnam", ("VNM", None)),
        ("Switzerland", ("CHE", None)),
        ("Founding Members and Collaborators*", None),
        (">$80B", None),
    ],
)
def test_place_labels_read_as_country_and_state(label: str, expected: tuple[str, str | None] | None) -> None:
    assert site.place(label) == expected
