"""The theme: config.toml agrees with it; every categorical palette survives colour-vision deficiencies."""

from __future__ import annotations

import itertools
import tomllib
import warnings

import numpy as np
import pytest

from dashboard import paths
from dashboard.charts import theme

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # colour warns that optional plotting back-ends are missing
    import colour

# Machado, Oliveira & Fernandes (2009) at full severity: protanopia, deuteranopia and (their shift-based
# approximation of) tritanopia; "normal" checks the palette as drawn.
DEFICIENCIES = ("Protanomaly", "Deuteranomaly", "Tritanomaly")
VISIONS = ("normal", *DEFICIENCIES)


def _lab(hex_color: str, vision: str) -> np.ndarray:
    """The CIELAB coordinates (D65) of an sRGB colour as seen with the given vision."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rgb = colour.notation.HEX_to_RGB(hex_color)
        if vision != "normal":
            linear = colour.models.eotf_sRGB(rgb)
            simulated = np.clip(colour.matrix_cvd_Machado2009(vision, 1.0) @ linear, 0, 1)
            rgb = colour.models.eotf_inverse_sRGB(simulated)
        return colour.XYZ_to_Lab(colour.sRGB_to_XYZ(rgb))


def _distance(a: str, b: str, vision: str) -> float:
    return float(colour.delta_E(_lab(a, vision), _lab(b, vision), method="CIE 2000"))


CASES = [(name, bg, vision) for name in theme.PALETTES for bg in theme.THEMES for vision in VISIONS]


@pytest.mark.parametrize(("palette", "background", "vision"), CASES)
def test_palette_colours_stay_apart_from_each_other_and_the_background(
    palette: str, background: str, vision: str
) -> None:
    colours = [*theme.PALETTES[palette], theme.THEMES[background].background]
    too_close = [
        (a, b, round(d, 1))
        for a, b in itertools.combinations(colours, 2)
        if (d := _distance(a, b, vision)) < theme.MIN_DISTANCE
    ]
    assert too_close == [], f"{palette} palette on {background}, {vision}: CIEDE2000 below {theme.MIN_DISTANCE}"


def test_the_check_can_fail_on_two_similar_colours() -> None:
    assert _distance("#D55E00", "#E66100", "Deuteranomaly") < theme.MIN_DISTANCE
    assert _distance("#009E73", "#D55E00", "Deuteranomaly") < _distance("#009E73", "#D55E00", "normal")


def test_every_sector_has_a_colour_and_a_pattern_of_its_own() -> None:
    from dashboard.members.schema import SECTORS

    for mapping in (theme.SECTOR_COLORS, theme.SECTOR_PATTERNS):
        assert set(mapping) == set(SECTORS)
        assert len(set(mapping.values())) == len(SECTORS)


def test_config_toml_configures_both_themes_with_the_colours_defined_here() -> None:
    config = tomllib.loads((paths.ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    assert "base" not in config, "a base theme would hide the reader's light/dark choice"
    for name, defined in theme.THEMES.items():
        section = config[name]
        assert section["backgroundColor"].upper() == defined.background.upper()
        assert section["secondaryBackgroundColor"].upper() == defined.secondary_background.upper()
        assert section["textColor"].upper() == defined.text.upper()
        assert section["primaryColor"].upper() == defined.primary.upper()
        assert section["linkColor"].upper() == defined.link.upper()
    assert config["chartCategoricalColors"][:5] == list(theme.SECTOR_COLORS.values())
