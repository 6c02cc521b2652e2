#!/usr/bin/env python
"""Write the first-name gender list (src/casefile/extract/data/first_names.json), offline.

    python scripts/make_first_names.py /path/to/faker-*.whl

The names come from Faker's person providers (MIT licence): the male and female first names
of its Latin-script locales, drawn from national name statistics. A name listed as male in
one locale and female in another ("Andrea") is left out, so the list only answers when the
name alone says it. Ingest reads the JSON; nothing here runs at ingest or in tests.
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "casefile" / "extract" / "data" / "first_names.json"


def _names(attr) -> set[str]:
    return {n for n in (attr or ()) if n.isalpha() and n.isascii() and n[:1].isupper() and len(n) > 1}


def collect(faker_root: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(faker_root))
    person = importlib.import_module("faker.providers.person")
    male, female = set(), set()
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        except Exception:       # a locale whose module needs more of Faker than the providers
            continue
        male |= _names(getattr(provider, "first_names_male", ()))
        female |= _names(getattr(provider, "first_names_female", ()))
    return male - female, female - male


def main() -> int:
    wheel = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(wheel).extractall(tmp)
        male, female = collect(Path(tmp))
    OUT.write_text(json.dumps({"source": f"Faker person providers ({wheel.name}), names of one gender only",
                               "m": sorted(male), "f": sorted(female)}, indent=0) + "\n", encoding="utf-8")
    print(f"{len(male)} male, {len(female)} female -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
