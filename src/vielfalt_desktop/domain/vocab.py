"""Controlled vocabularies, the district list and the country list, loaded from data files.

The files live in ``resources/vocab/`` so the coordinator can adapt them without touching code:

* ``<name>.json`` – one vocabulary (topics, settings, conflict categories, …)::

      {"name": "topic", "label": {"de": "Themen", "en": "Topics"},
       "groups": [{"code": "…", "de": "…", "en": "…"}],            (optional)
       "entries": [{"code": "arbeit", "de": "Arbeit", "en": "Work"}, …]}

  Entries keep file order (that is the display order). Optional per entry: ``"group"`` (a code
  from ``groups``), ``"active": false`` (retired, still loadable for old records) and scalar
  extras such as ``min``/``max`` (age bands), ``final``, ``closed`` or ``level``.
  Keys that start with ``_`` are comments and ignored.
* ``districts.json`` – the 40 Stadtteile of Magdeburg with their groups and sub-areas.
* ``countries.json`` – ISO 3166-1 alpha-2 codes with ``eu_eea_ch`` flags.

Records store codes, never labels, so codes are stable forever. Loading validates strictly and
raises :class:`VocabularyError` (a ``ValueError``) with a German message naming the file; the
file-level rules (JSON, codes, labels, extras) are in the private ``_vocab_files``. Import
every name from this module.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

from vielfalt_desktop.domain._vocab_files import (
    COUNTRY_CODE_RE,
    SLUG_RE,
    File,
    VocabularyError,
    check_code,
    parse_extra,
    unique,
)
from vielfalt_desktop.resources import resource_path

__all__ = [
    "REQUIRED_CODES",
    "REQUIRED_VOCABULARIES",
    "Countries",
    "District",
    "Districts",
    "Entry",
    "Vocabularies",
    "Vocabulary",
    "VocabularyError",
    "age_band_for",
    "default_vocabularies",
    "load_vocabularies",
]

DISTRICTS_FILE: Final = "districts.json"
COUNTRIES_FILE: Final = "countries.json"
HOME_COUNTRY: Final = "DE"

#: Vocabularies the application relies on; a vocabulary folder without one of them is rejected.
REQUIRED_VOCABULARIES: Final[tuple[str, ...]] = (
    "setting",
    "target_group",
    "age_band",
    "gender",
    "language",
    "topic",
    "interest",
    "interpreter",
    "referral_kind",
    "referral_status",
    "place_type",
    "conflict_category",
    "institution",
    "conflict_status",
    "escalation_stage",
    "intervention_kind",
    "event_kind",
    "partner_kind",
    "offer",
)

#: Codes the program logic refers to by name; they must exist (they may be marked inactive).
REQUIRED_CODES: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "gender": frozenset({"weiblich", "maennlich", "divers", "keine_angabe"}),
        "referral_status": frozenset(
            {
                "vorgeschlagen",
                "vermittelt",
                "angenommen",
                "abgeschlossen",
                "nicht_wahrgenommen",
                "abgelehnt",
            }
        ),
        "conflict_status": frozenset(
            {"gemeldet", "in_klaerung", "vermittlung", "beigelegt", "weitergeleitet", "ruhend"}
        ),
        "age_band": frozenset({"unbekannt"}),
    }
)

#: Age limits every age-band list must break at (18: majority; 27: migration services split).
REQUIRED_AGE_BREAKS: Final[tuple[int, ...]] = (18, 27)

_ENTRY_KEYS: Final = frozenset({"code", "de", "en", "group", "active"})
_DISTRICT_KEYS: Final = frozenset({"code", "nr", "de", "en", "group", "sub_areas", "active"})


def _empty_extra() -> Mapping[str, object]:
    return MappingProxyType({})


def _is_en(lang: str) -> bool:
    return lang.lower().startswith("en")


@dataclass(frozen=True, slots=True)
class Entry:
    """One value of a vocabulary (also used for district groups, sub-areas and countries)."""

    code: str
    de: str
    en: str
    group: str | None = None
    active: bool = True
    extra: Mapping[str, object] = field(default_factory=_empty_extra, hash=False)

    def label(self, lang: str = "de") -> str:
        """The label in ``lang`` ("de" or "en"; anything else falls back to German)."""
        return self.en if _is_en(lang) else self.de

    def flag(self, key: str) -> bool:
        """True only if the extra ``key`` is literally ``true`` (e.g. ``final``, ``closed``)."""
        return self.extra.get(key) is True

    def number(self, key: str) -> int | None:
        """The integer extra ``key`` (e.g. ``min``, ``max``, ``level``), None if absent/null."""
        value = self.extra.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return None


class Vocabulary:
    """An ordered, immutable list of entries with lookup by code."""

    __slots__ = (
        "_by_code",
        "_groups_by_code",
        "_label_de",
        "_label_en",
        "entries",
        "groups",
        "name",
    )

    def __init__(
        self,
        name: str,
        label_de: str,
        label_en: str,
        entries: Iterable[Entry],
        groups: Iterable[Entry] = (),
    ) -> None:
        self.name = name
        self._label_de = label_de
        self._label_en = label_en
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.groups: tuple[Entry, ...] = tuple(groups)
        self._by_code: Mapping[str, Entry] = MappingProxyType({e.code: e for e in self.entries})
        self._groups_by_code: Mapping[str, Entry] = MappingProxyType(
            {g.code: g for g in self.groups}
        )
        if len(self._by_code) != len(self.entries):
            raise ValueError(f"Vokabular „{name}“ enthält doppelte Codes.")

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {len(self.entries)} entries)"

    def label(self, lang: str = "de") -> str:
        return self._label_en if _is_en(lang) else self._label_de

    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.entries)

    def get(self, code: str) -> Entry:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"Unbekannter Code „{code}“ im Vokabular „{self.name}“.") from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def label_of(self, code: str, lang: str = "de") -> str:
        """Label of ``code``; an unknown code is returned as is, so old data still renders."""
        entry = self._by_code.get(code)
        return code if entry is None else entry.label(lang)

    def active_entries(self) -> tuple[Entry, ...]:
        """Entries offered for new records (retired ones stay loadable but are not offered)."""
        return tuple(e for e in self.entries if e.active)

    def get_group(self, code: str) -> Entry:
        try:
            return self._groups_by_code[code]
        except KeyError:
            raise KeyError(f"Unbekannte Gruppe „{code}“ im Vokabular „{self.name}“.") from None

    def in_group(self, group_code: str) -> tuple[Entry, ...]:
        self.get_group(group_code)
        return tuple(e for e in self.entries if e.group == group_code)


@dataclass(frozen=True, slots=True)
class District:
    """One official Stadtteil of Magdeburg."""

    code: str
    nr: int | None
    de: str
    en: str
    group: str
    sub_areas: tuple[Entry, ...] = ()
    active: bool = True

    def label(self, lang: str = "de") -> str:
        return self.en if _is_en(lang) else self.de


class Districts:
    """The Stadtteile, their groups (focus areas, Ostelbien, …) and sub-areas."""

    __slots__ = ("_by_code", "_groups_by_code", "_sub_area_owner", "districts", "groups")

    def __init__(self, groups: Iterable[Entry], districts: Iterable[District]) -> None:
        self.groups: tuple[Entry, ...] = tuple(groups)
        self.districts: tuple[District, ...] = tuple(districts)
        self._groups_by_code: Mapping[str, Entry] = MappingProxyType(
            {g.code: g for g in self.groups}
        )
        self._by_code: Mapping[str, District] = MappingProxyType(
            {d.code: d for d in self.districts}
        )
        self._sub_area_owner: Mapping[str, tuple[District, Entry]] = MappingProxyType(
            {s.code: (d, s) for d in self.districts for s in d.sub_areas}
        )

    def __repr__(self) -> str:
        return f"Districts({len(self.districts)} districts, {len(self.groups)} groups)"

    def __iter__(self) -> Iterator[District]:
        return iter(self.districts)

    def __len__(self) -> int:
        return len(self.districts)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def codes(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.districts)

    def get(self, code: str) -> District:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"Unbekannter Stadtteil „{code}“.") from None

    def get_group(self, code: str) -> Entry:
        try:
            return self._groups_by_code[code]
        except KeyError:
            raise KeyError(f"Unbekannte Stadtteilgruppe „{code}“.") from None

    def in_group(self, group_code: str) -> tuple[District, ...]:
        self.get_group(group_code)
        return tuple(d for d in self.districts if d.group == group_code)

    def focus_codes(self) -> frozenset[str]:
        """Codes of all districts that belong to a focus area (group with ``"focus": true``)."""
        focus_groups = {g.code for g in self.groups if g.flag("focus")}
        return frozenset(d.code for d in self.districts if d.group in focus_groups)

    def is_focus(self, district_code: str) -> bool:
        return district_code in self.focus_codes()

    def sub_area_codes(self, district_code: str) -> tuple[str, ...]:
        return tuple(s.code for s in self.get(district_code).sub_areas)

    def district_of_sub_area(self, sub_area_code: str) -> District:
        try:
            return self._sub_area_owner[sub_area_code][0]
        except KeyError:
            raise KeyError(f"Unbekanntes Teilgebiet „{sub_area_code}“.") from None

    def label_of(self, code: str, lang: str = "de") -> str:
        """Label of a district, sub-area or group code; unknown codes are returned as is."""
        district = self._by_code.get(code)
        if district is not None:
            return district.label(lang)
        owned = self._sub_area_owner.get(code)
        if owned is not None:
            return owned[1].label(lang)
        group = self._groups_by_code.get(code)
        if group is not None:
            return group.label(lang)
        return code


class Countries:
    """Citizenships (ISO 3166-1 alpha-2 plus XK, XS stateless, XU unknown)."""

    __slots__ = ("_by_code", "entries")

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_code: Mapping[str, Entry] = MappingProxyType({e.code: e for e in self.entries})

    def __repr__(self) -> str:
        return f"Countries({len(self.entries)} entries)"

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._by_code

    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.entries)

    def get(self, code: str) -> Entry:
        try:
            return self._by_code[code.upper()]
        except KeyError:
            raise KeyError(f"Unbekannter Ländercode „{code}“.") from None

    def is_third_country(self, code: str) -> bool:
        """True unless ``code`` is Germany or an EU/EEA state or Switzerland.

        Stateless (XS) and undetermined (XU) count as third country. Unknown codes raise
        ``KeyError`` rather than being silently counted.
        """
        entry = self.get(code)
        return entry.code != HOME_COUNTRY and not entry.flag("eu_eea_ch")

    def label_of(self, code: str, lang: str = "de") -> str:
        entry = self._by_code.get(code.upper())
        return code if entry is None else entry.label(lang)


@dataclass(frozen=True, slots=True, eq=False)
class Vocabularies:
    """All vocabularies of one installation, plus districts and countries."""

    vocabularies: Mapping[str, Vocabulary]
    districts: Districts
    countries: Countries

    def __getitem__(self, name: str) -> Vocabulary:
        try:
            return self.vocabularies[name]
        except KeyError:
            raise KeyError(f"Unbekanntes Vokabular „{name}“.") from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.vocabularies

    def names(self) -> tuple[str, ...]:
        return tuple(self.vocabularies)


# --------------------------------------------------------------------------------------------
# Loading and validation


def _parse_entry(
    f: File,
    value: object,
    where: str,
    *,
    pattern: re.Pattern[str] = SLUG_RE,
    allow_group: bool = True,
) -> Entry:
    raw = f.obj(value, where)
    code = check_code(f, raw.get("code"), where, pattern)
    where = f"{where} („{code}“)"
    de = f.text(raw, "de", where)
    en = f.text(raw, "en", where)
    group: str | None = None
    if "group" in raw and raw["group"] is not None:
        if not allow_group:
            raise f.fail(f"{where}: „group“ ist hier nicht erlaubt.")
        group = check_code(f, raw["group"], f"{where}, Gruppe", SLUG_RE)
    active = raw.get("active", True)
    if not isinstance(active, bool):
        raise f.fail(f"{where}: „active“ muss true oder false sein.")
    extra = parse_extra(f, raw, _ENTRY_KEYS, where)
    return Entry(code=code, de=de, en=en, group=group, active=active, extra=extra)


def _parse_vocabulary(path: Path) -> Vocabulary:
    f = File(path)
    root = f.obj(f.read(), "Die Datei")
    name = check_code(f, root.get("name"), "„name“", SLUG_RE)
    if name != path.stem:
        raise f.fail(f"„name“ ist „{name}“, muss aber dem Dateinamen „{path.stem}“ entsprechen.")
    label = f.obj(root.get("label"), "„label“")
    label_de = f.text(label, "de", "„label“")
    label_en = f.text(label, "en", "„label“")

    groups: list[Entry] = []
    if "groups" in root:
        for i, raw in enumerate(f.items(root["groups"], "„groups“"), start=1):
            groups.append(_parse_entry(f, raw, f"Gruppe {i}", allow_group=False))
        unique(f, groups, "Gruppen")
    group_codes = {g.code for g in groups}

    entries: list[Entry] = []
    for i, raw in enumerate(f.items(root.get("entries"), "„entries“"), start=1):
        entry = _parse_entry(f, raw, f"Eintrag {i}")
        if entry.group is not None and entry.group not in group_codes:
            raise f.fail(f"Eintrag {i} („{entry.code}“): unbekannte Gruppe „{entry.group}“.")
        entries.append(entry)
    unique(f, entries, "Einträge")

    codes = {e.code for e in entries}
    missing = sorted(REQUIRED_CODES.get(name, frozenset()) - codes)
    if missing:
        raise f.fail(f"die Pflicht-Codes fehlen: {', '.join(missing)}.")
    if name == "age_band":
        _check_age_bands(f, entries)
    return Vocabulary(name, label_de, label_en, entries, groups)


def _check_age_bands(f: File, entries: list[Entry]) -> None:
    bands: list[tuple[int, int | None, str]] = []
    for e in entries:
        if "min" not in e.extra or "max" not in e.extra:
            raise f.fail(f"Altersgruppe „{e.code}“: „min“ und „max“ müssen angegeben sein.")
        low, high = e.number("min"), e.number("max")
        if low is None:
            if high is not None:
                raise f.fail(f"Altersgruppe „{e.code}“: „max“ ohne „min“.")
            continue  # e.g. "unbekannt": not an age range
        if low < 0 or (high is not None and high < low):
            raise f.fail(f"Altersgruppe „{e.code}“: ungültiger Bereich {low}–{high}.")
        bands.append((low, high, e.code))
    if not bands:
        raise f.fail("keine Altersgruppe mit Altersbereich.")
    bands.sort(key=lambda band: band[0])
    expected = 0
    for index, (low, high, code) in enumerate(bands):
        if low != expected:
            raise f.fail(
                f"Altersgruppe „{code}“ beginnt bei {low}, erwartet {expected} "
                "(die Altersgruppen müssen lückenlos und ohne Überschneidung bei 0 beginnen)."
            )
        if high is None:
            if index != len(bands) - 1:
                raise f.fail(f"nur die letzte Altersgruppe darf nach oben offen sein („{code}“).")
            break
        expected = high + 1
    else:
        raise f.fail("die letzte Altersgruppe muss nach oben offen sein („max“: null).")
    starts = {low for low, _, _ in bands}
    for age in REQUIRED_AGE_BREAKS:
        if age not in starts:
            raise f.fail(f"eine Altersgruppe muss mit {age} Jahren beginnen.")


def _parse_districts(path: Path) -> Districts:
    f = File(path)
    root = f.obj(f.read(), "Die Datei")
    groups: list[Entry] = []
    for i, raw in enumerate(f.items(root.get("groups"), "„groups“"), start=1):
        group = _parse_entry(f, raw, f"Gruppe {i}", allow_group=False)
        if "focus" not in group.extra:
            group = Entry(
                group.code,
                group.de,
                group.en,
                active=group.active,
                extra=MappingProxyType({**group.extra, "focus": False}),
            )
        groups.append(group)
    unique(f, groups, "Gruppen")
    group_codes = {g.code for g in groups}

    districts: list[District] = []
    numbers: dict[int, str] = {}
    for i, value in enumerate(f.items(root.get("districts"), "„districts“"), start=1):
        where = f"Stadtteil {i}"
        raw = f.obj(value, where)
        code = check_code(f, raw.get("code"), where, SLUG_RE)
        where = f"{where} („{code}“)"
        nr = raw.get("nr")
        if nr is not None:
            if not isinstance(nr, int) or isinstance(nr, bool) or nr <= 0:
                raise f.fail(f"{where}: „nr“ muss eine positive ganze Zahl oder null sein.")
            if nr in numbers:
                raise f.fail(f"{where}: Nummer {nr} ist schon an „{numbers[nr]}“ vergeben.")
            numbers[nr] = code
        group_code = check_code(f, raw.get("group"), f"{where}, Gruppe", SLUG_RE)
        if group_code not in group_codes:
            raise f.fail(f"{where}: unbekannte Gruppe „{group_code}“.")
        active = raw.get("active", True)
        if not isinstance(active, bool):
            raise f.fail(f"{where}: „active“ muss true oder false sein.")
        unknown = sorted(k for k in raw if k not in _DISTRICT_KEYS and not k.startswith("_"))
        if unknown:
            raise f.fail(f"{where}: unbekannte Angabe „{unknown[0]}“.")
        sub_areas = tuple(
            _parse_entry(f, sub, f"{where}, Teilgebiet {j}", allow_group=False)
            for j, sub in enumerate(
                f.items(raw.get("sub_areas", []), f"{where}: „sub_areas“", allow_empty=True),
                start=1,
            )
        )
        districts.append(
            District(
                code=code,
                nr=nr,
                de=f.text(raw, "de", where),
                en=f.text(raw, "en", where),
                group=group_code,
                sub_areas=sub_areas,
                active=active,
            )
        )
    # Districts, sub-areas and groups share one code space so label_of() is unambiguous.
    everything: list[Entry | District] = [*groups, *districts]
    everything += [s for d in districts for s in d.sub_areas]
    unique(f, everything, "Stadtteile, Teilgebiete und Gruppen")
    return Districts(groups, districts)


def _parse_countries(path: Path) -> Countries:
    f = File(path)
    root = f.obj(f.read(), "Die Datei")
    entries = [
        _parse_entry(f, raw, f"Eintrag {i}", pattern=COUNTRY_CODE_RE, allow_group=False)
        for i, raw in enumerate(f.items(root.get("entries"), "„entries“"), start=1)
    ]
    unique(f, entries, "Länder")
    if not any(e.code == HOME_COUNTRY for e in entries):
        raise f.fail(f"der Eintrag „{HOME_COUNTRY}“ (Deutschland) fehlt.")
    return Countries(entries)


def load_vocabularies(root: Path | None = None) -> Vocabularies:
    """Load and validate every vocabulary in ``root`` (default: the shipped ``resources/vocab``).

    Raises :class:`VocabularyError` (a ``ValueError``) naming the file on any problem.
    """
    base = resource_path("vocab") if root is None else Path(root)
    if not base.is_dir():
        raise VocabularyError(f"Der Ordner mit den Vokabularen fehlt: {base}")
    found: dict[str, Vocabulary] = {}
    for path in sorted(base.glob("*.json")):
        if path.name in (DISTRICTS_FILE, COUNTRIES_FILE):
            continue
        vocabulary = _parse_vocabulary(path)
        found[vocabulary.name] = vocabulary
    missing = [f"{name}.json" for name in REQUIRED_VOCABULARIES if name not in found]
    if missing:
        raise VocabularyError(f"Vokabular-Dateien fehlen in {base}: {', '.join(missing)}.")
    ordered = {name: found[name] for name in REQUIRED_VOCABULARIES}
    ordered.update({name: v for name, v in found.items() if name not in ordered})
    return Vocabularies(
        vocabularies=MappingProxyType(ordered),
        districts=_parse_districts(base / DISTRICTS_FILE),
        countries=_parse_countries(base / COUNTRIES_FILE),
    )


_ENTRY_NAMESPACE = uuid.UUID("6f1f7a52-2b8e-4d6c-9a51-3c1c9c0d2a10")


def entry_id(vocabulary: str, code: str) -> str:
    """The id of the vocabulary entry for (vocabulary, code): edits of one value on two
    devices merge into one record instead of two."""
    return str(uuid.uuid5(_ENTRY_NAMESPACE, f"{vocabulary}:{code}"))


def with_overrides(
    base: Vocabularies, overrides: Iterable[tuple[str, str, str, str, bool]]
) -> Vocabularies:
    """``base`` with the coordinator's changes applied: (vocabulary, code, de, en, active).

    A known code gets the new labels and state (its group and extras stay); a new code is
    appended. Districts and countries are not changed this way.
    """
    changes: dict[str, dict[str, tuple[str, str, bool]]] = {}
    for vocabulary, code, de, en, active in overrides:
        if vocabulary in base:
            changes.setdefault(vocabulary, {})[code] = (de, en, active)
    if not changes:
        return base
    result = dict(base.vocabularies)
    for name, entries in changes.items():
        old = base[name]
        merged = []
        for entry in old.entries:
            if entry.code in entries:
                de, en, active = entries.pop(entry.code)
                entry = dataclasses.replace(entry, de=de, en=en, active=active)
            merged.append(entry)
        merged.extend(
            Entry(code, de, en, active=active) for code, (de, en, active) in entries.items()
        )
        result[name] = Vocabulary(name, old.label("de"), old.label("en"), merged, old.groups)
    return Vocabularies(MappingProxyType(result), base.districts, base.countries)


@functools.cache
def default_vocabularies() -> Vocabularies:
    """The shipped vocabularies, loaded once per process."""
    return load_vocabularies()


def age_band_for(age: int, vocab: Vocabularies) -> str:
    """Code of the age band containing ``age`` (completed years), from ``age_band`` min/max."""
    if isinstance(age, bool) or not isinstance(age, int) or age < 0:
        raise ValueError(f"Ungültiges Alter: {age!r}.")
    for entry in vocab["age_band"].entries:
        low, high = entry.number("min"), entry.number("max")
        if low is not None and low <= age and (high is None or age <= high):
            return entry.code
    raise ValueError(f"Für das Alter {age} gibt es keine Altersgruppe.")
