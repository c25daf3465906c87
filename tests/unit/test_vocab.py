"""Vocabularies, districts and countries: shipped data and strict loading."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.vocab import (
    REQUIRED_VOCABULARIES,
    Vocabularies,
    VocabularyError,
    age_band_for,
    default_vocabularies,
    load_vocabularies,
)
from vielfalt_desktop.resources import resource_path

SLUG = re.compile(r"[a-z0-9][a-z0-9_]*")

EXPECTED_NAMES = {
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
}

EU = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]


@pytest.fixture(scope="module")
def vocab() -> Vocabularies:
    return load_vocabularies()


# --------------------------------------------------------------------------------------------
# Shipped vocabularies


def test_all_expected_vocabularies_load(vocab: Vocabularies) -> None:
    assert set(vocab.names()) >= EXPECTED_NAMES
    assert set(REQUIRED_VOCABULARIES) == EXPECTED_NAMES
    for name in EXPECTED_NAMES:
        vocabulary = vocab[name]
        assert vocabulary.name == name
        assert len(vocabulary) > 0
        assert vocabulary.label("de")
        assert vocabulary.label("en")
        for entry in vocabulary:
            assert SLUG.fullmatch(entry.code), (name, entry.code)
            assert entry.de.strip()
            assert entry.en.strip()


def test_default_vocabularies_is_loaded_once() -> None:
    assert default_vocabularies() is default_vocabularies()
    assert "topic" in default_vocabularies()


def test_unknown_vocabulary_name_raises_german_key_error(vocab: Vocabularies) -> None:
    with pytest.raises(KeyError, match="Unbekanntes Vokabular"):
        vocab["does_not_exist"]
    assert "does_not_exist" not in vocab


def test_entries_keep_file_order_and_labels(vocab: Vocabularies) -> None:
    topic = vocab["topic"]
    assert topic.codes()[:3] == ("arbeit", "wohnen", "schule")
    assert topic.codes()[-1] == "sonstiges"
    assert topic.label_of("behoerden") == "Behörden/Jobcenter"
    assert topic.label_of("behoerden", "en") == "Authorities/job centre"
    assert topic.get("anerkennung").de == "Anerkennung von Abschlüssen"
    assert vocab["setting"].label_of("projektbuero") == "Projektbüro Lübecker Straße"
    assert vocab["target_group"].label_of("drittstaat") == "Drittstaatsangehörige/r"
    assert vocab["interpreter"].label_of("brueckenbauer") == "Brückenbauer/in"


def test_unknown_code_renders_as_itself_but_get_raises(vocab: Vocabularies) -> None:
    topic = vocab["topic"]
    assert topic.label_of("retired_code") == "retired_code"
    assert "retired_code" not in topic
    assert "arbeit" in topic
    with pytest.raises(KeyError, match="Unbekannter Code"):
        topic.get("retired_code")


def test_languages_include_those_named_in_the_seed(vocab: Vocabularies) -> None:
    labels = {e.de for e in vocab["language"]}
    for name in (
        "Deutsch",
        "Arabisch",
        "Kurdisch (Kurmandschi)",
        "Kurdisch (Sorani)",
        "Persisch/Dari",
        "Albanisch",
        "Serbisch",
        "Kroatisch",
        "Bosnisch",
        "Romanes",
        "Ungarisch",
        "Ukrainisch",
        "Tigrinya",
        "Tschetschenisch",
    ):
        assert name in labels
    assert len(labels) >= 30


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("gender", ("weiblich", "maennlich", "divers", "keine_angabe")),
        (
            "referral_status",
            (
                "vorgeschlagen",
                "vermittelt",
                "angenommen",
                "abgeschlossen",
                "nicht_wahrgenommen",
                "abgelehnt",
            ),
        ),
        (
            "conflict_status",
            ("gemeldet", "in_klaerung", "vermittlung", "beigelegt", "weitergeleitet", "ruhend"),
        ),
        ("age_band", ("u18", "18_26", "27_44", "45_64", "65plus", "unbekannt")),
        ("referral_kind", ("information", "begleitet")),
        ("escalation_stage", tuple(f"glasl_{n}" for n in range(1, 10))),
    ],
)
def test_fixed_codes(vocab: Vocabularies, name: str, codes: tuple[str, ...]) -> None:
    assert vocab[name].codes() == codes


def test_referral_status_final_flags(vocab: Vocabularies) -> None:
    final = {e.code for e in vocab["referral_status"] if e.flag("final")}
    assert final == {"abgeschlossen", "nicht_wahrgenommen", "abgelehnt"}


def test_conflict_status_closed_flags(vocab: Vocabularies) -> None:
    closed = {e.code for e in vocab["conflict_status"] if e.flag("closed")}
    assert closed == {"beigelegt", "weitergeleitet"}


def test_escalation_stages_have_levels_and_glasl_phases(vocab: Vocabularies) -> None:
    stages = vocab["escalation_stage"]
    assert [e.number("level") for e in stages] == list(range(1, 10))
    assert stages.label_of("glasl_1") == "1 – Verhärtung"
    assert stages.label_of("glasl_9") == "9 – Gemeinsam in den Abgrund"
    assert [e.code for e in stages.in_group("win_lose")] == ["glasl_4", "glasl_5", "glasl_6"]


# --------------------------------------------------------------------------------------------
# Age bands


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "u18"),
        (17, "u18"),
        (18, "18_26"),
        (26, "18_26"),
        (27, "27_44"),
        (44, "27_44"),
        (45, "45_64"),
        (64, "45_64"),
        (65, "65plus"),
        (120, "65plus"),
    ],
)
def test_age_band_for(vocab: Vocabularies, age: int, band: str) -> None:
    assert age_band_for(age, vocab) == band


def test_age_bands_cover_0_to_120_without_gap_or_overlap(vocab: Vocabularies) -> None:
    ranged = [e for e in vocab["age_band"] if e.number("min") is not None]
    for age in range(121):
        hits = [
            e.code
            for e in ranged
            if (low := e.number("min")) is not None
            and low <= age
            and ((high := e.number("max")) is None or age <= high)
        ]
        assert len(hits) == 1, (age, hits)
    starts = {e.number("min") for e in ranged}
    assert {18, 27} <= starts
    unknown = vocab["age_band"].get("unbekannt")
    assert unknown.number("min") is None
    assert unknown.number("max") is None


@pytest.mark.parametrize("age", [-1, -30])
def test_age_band_for_rejects_negative_age(vocab: Vocabularies, age: int) -> None:
    with pytest.raises(ValueError, match="Alter"):
        age_band_for(age, vocab)


# --------------------------------------------------------------------------------------------
# Districts


def test_exactly_40_distinct_districts(vocab: Vocabularies) -> None:
    districts = vocab.districts
    assert len(districts) == 40
    assert len(set(districts.codes())) == 40
    assert len({d.de for d in districts}) == 40
    numbers = [d.nr for d in districts if d.nr is not None]
    assert len(numbers) == len(set(numbers))
    for name in ("Altstadt", "Kannenstieg", "Neustädter See", "Leipziger Straße", "Kreuzhorst"):
        assert name in {d.de for d in districts}


def test_focus_areas(vocab: Vocabularies) -> None:
    districts = vocab.districts
    north = {d.code for d in districts.in_group("nord")}
    assert north == {"kannenstieg", "neustaedter_see", "neue_neustadt"}
    assert "leipziger_strasse" in {d.code for d in districts.in_group("sued")}
    assert districts.focus_codes() >= north | {"leipziger_strasse"}
    assert districts.is_focus("kannenstieg")
    assert not districts.is_focus("altstadt")
    assert districts.get_group("nord").flag("focus")
    assert not districts.get_group("ostelbien").flag("focus")


def test_ostelbien_has_the_nine_districts_east_of_the_elbe(vocab: Vocabularies) -> None:
    east = {d.code for d in vocab.districts.in_group("ostelbien")}
    assert east == {
        "herrenkrug",
        "berliner_chaussee",
        "brueckfeld",
        "cracau",
        "zipkeleben",
        "prester",
        "pechau",
        "kreuzhorst",
        "randau_calenberge",
    }


def test_every_district_has_a_known_group(vocab: Vocabularies) -> None:
    groups = {g.code for g in vocab.districts.groups}
    assert all(d.group in groups for d in vocab.districts)


def test_schilfbreite_is_a_sub_area_of_leipziger_strasse(vocab: Vocabularies) -> None:
    districts = vocab.districts
    assert "schilfbreite" in districts.sub_area_codes("leipziger_strasse")
    assert districts.district_of_sub_area("schilfbreite").code == "leipziger_strasse"
    assert districts.label_of("schilfbreite") == "Schilfbreite"
    assert districts.label_of("leipziger_strasse") == "Leipziger Straße"
    assert districts.label_of("nord", "en") == "Focus area North"
    assert districts.label_of("gone") == "gone"
    with pytest.raises(KeyError, match="Stadtteil"):
        districts.get("gone")


# --------------------------------------------------------------------------------------------
# Countries


@pytest.mark.parametrize(
    ("code", "third"),
    [
        ("DE", False),
        ("PL", False),
        ("RO", False),
        ("CH", False),
        ("NO", False),
        ("IS", False),
        ("LI", False),
        ("SY", True),
        ("UA", True),
        ("AF", True),
        ("TR", True),
        ("GB", True),
        ("XK", True),
        ("XS", True),
        ("XU", True),
    ],
)
def test_third_country_derivation(vocab: Vocabularies, code: str, third: bool) -> None:
    assert vocab.countries.is_third_country(code) is third


def test_countries_cover_iso_list(vocab: Vocabularies) -> None:
    countries = vocab.countries
    assert len(countries) >= 249
    assert all(not countries.is_third_country(code) for code in EU)
    assert countries.label_of("SY") == "Syrien"
    assert countries.label_of("sy", "en") == "Syria"
    assert countries.label_of("XS") == "staatenlos"
    with pytest.raises(KeyError, match="Ländercode"):
        countries.is_third_country("QQ")


# --------------------------------------------------------------------------------------------
# Strict loading of malformed files


@pytest.fixture
def vocab_dir(tmp_path: Path) -> Path:
    target = tmp_path / "vocab"
    shutil.copytree(resource_path("vocab"), target)
    return target


def _edit(directory: Path, filename: str, change: Callable[[Any], None]) -> None:
    path = directory / filename
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_copied_folder_loads(vocab_dir: Path) -> None:
    loaded = load_vocabularies(vocab_dir)
    assert loaded["topic"].codes() == default_vocabularies()["topic"].codes()


def test_duplicate_code_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "topic.json", lambda d: d["entries"].append(dict(d["entries"][0])))
    with pytest.raises(ValueError, match=r"topic\.json.*doppelter Code „arbeit“"):
        load_vocabularies(vocab_dir)


@pytest.mark.parametrize("bad", ["Arbeit", "ar-beit", "", "_x", "straße", 7])
def test_bad_slug_is_rejected(vocab_dir: Path, bad: object) -> None:
    _edit(vocab_dir, "topic.json", lambda d: d["entries"][0].update(code=bad))
    with pytest.raises(ValueError, match=r"topic\.json.*ungültiger Code"):
        load_vocabularies(vocab_dir)


def test_unknown_district_group_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "districts.json", lambda d: d["districts"][0].update(group="mars"))
    with pytest.raises(ValueError, match=r"districts\.json.*unbekannte Gruppe „mars“"):
        load_vocabularies(vocab_dir)


def test_unknown_vocabulary_group_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "escalation_stage.json", lambda d: d["entries"][0].update(group="nope"))
    with pytest.raises(ValueError, match=r"escalation_stage\.json.*unbekannte Gruppe"):
        load_vocabularies(vocab_dir)


@pytest.mark.parametrize("key", ["de", "en"])
def test_missing_label_is_rejected(vocab_dir: Path, key: str) -> None:
    _edit(vocab_dir, "gender.json", lambda d: d["entries"][1].pop(key))
    with pytest.raises(ValueError, match=rf"gender\.json.*„maennlich“.*„{key}“"):
        load_vocabularies(vocab_dir)


def test_missing_required_code_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "referral_status.json", lambda d: d["entries"].pop())
    with pytest.raises(ValueError, match=r"referral_status\.json.*abgelehnt"):
        load_vocabularies(vocab_dir)


def test_missing_vocabulary_file_is_rejected(vocab_dir: Path) -> None:
    (vocab_dir / "offer.json").unlink()
    with pytest.raises(ValueError, match=r"offer\.json"):
        load_vocabularies(vocab_dir)


def test_name_must_match_file_name(vocab_dir: Path) -> None:
    _edit(vocab_dir, "topic.json", lambda d: d.update(name="topics"))
    with pytest.raises(ValueError, match=r"topic\.json.*Dateinamen"):
        load_vocabularies(vocab_dir)


def test_invalid_json_is_rejected_with_position(vocab_dir: Path) -> None:
    (vocab_dir / "setting.json").write_text('{"name": "setting",', encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"setting\.json.*kein gültiges JSON \(Zeile 1"):
        load_vocabularies(vocab_dir)


def test_duplicate_json_key_is_rejected(vocab_dir: Path) -> None:
    (vocab_dir / "setting.json").write_text(
        '{"name": "setting", "label": {"de": "A", "en": "A"}, '
        '"entries": [{"code": "a", "code": "b", "de": "A", "en": "A"}]}',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"setting\.json.*„code“ steht doppelt"):
        load_vocabularies(vocab_dir)


def test_age_band_gap_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "age_band.json", lambda d: d["entries"][1].update(max=25))
    with pytest.raises(ValueError, match=r"age_band\.json.*beginnt bei 27, erwartet 26"):
        load_vocabularies(vocab_dir)


def test_age_band_overlap_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "age_band.json", lambda d: d["entries"][0].update(max=18))
    with pytest.raises(ValueError, match=r"age_band\.json.*beginnt bei 18, erwartet 19"):
        load_vocabularies(vocab_dir)


def test_age_bands_must_break_at_27(vocab_dir: Path) -> None:
    def merge(data: dict[str, Any]) -> None:
        data["entries"][1]["max"] = 44
        del data["entries"][2]

    _edit(vocab_dir, "age_band.json", merge)
    with pytest.raises(ValueError, match=r"age_band\.json.*mit 27 Jahren"):
        load_vocabularies(vocab_dir)


def test_typed_extra_is_checked(vocab_dir: Path) -> None:
    _edit(vocab_dir, "referral_status.json", lambda d: d["entries"][3].update(final="yes"))
    with pytest.raises(ValueError, match=r"referral_status\.json.*„final“ muss true oder false"):
        load_vocabularies(vocab_dir)


def test_duplicate_district_number_is_rejected(vocab_dir: Path) -> None:
    _edit(vocab_dir, "districts.json", lambda d: d["districts"][1].update(nr=1))
    with pytest.raises(ValueError, match=r"districts\.json.*Nummer 1"):
        load_vocabularies(vocab_dir)


def test_sub_area_code_must_not_clash_with_a_district(vocab_dir: Path) -> None:
    def clash(data: dict[str, Any]) -> None:
        data["districts"][0]["sub_areas"] = [{"code": "werder", "de": "W", "en": "W"}]

    _edit(vocab_dir, "districts.json", clash)
    with pytest.raises(ValueError, match=r"districts\.json.*doppelter Code „werder“"):
        load_vocabularies(vocab_dir)


def test_country_code_must_be_two_capitals(vocab_dir: Path) -> None:
    _edit(vocab_dir, "countries.json", lambda d: d["entries"][0].update(code="af"))
    with pytest.raises(ValueError, match=r"countries\.json.*ungültiger Code „af“"):
        load_vocabularies(vocab_dir)


def test_vocabulary_error_is_a_user_facing_value_error(vocab_dir: Path) -> None:
    _edit(vocab_dir, "topic.json", lambda d: d["entries"][0].update(code="X"))
    with pytest.raises(VocabularyError) as info:
        load_vocabularies(vocab_dir)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, VielfaltError)
    assert "topic.json" in info.value.message


# --------------------------------------------------------------------------------------------
# Retired entries and extra vocabularies


def test_retired_entry_stays_loadable_but_is_not_offered(vocab_dir: Path) -> None:
    _edit(vocab_dir, "topic.json", lambda d: d["entries"][0].update(active=False))
    topic = load_vocabularies(vocab_dir)["topic"]
    assert "arbeit" in topic
    assert topic.label_of("arbeit") == "Arbeit"
    assert "arbeit" not in {e.code for e in topic.active_entries()}
    assert len(topic.active_entries()) == len(topic) - 1


def test_coordinator_may_add_a_vocabulary(vocab_dir: Path) -> None:
    (vocab_dir / "funding.json").write_text(
        json.dumps(
            {
                "name": "funding",
                "label": {"de": "Förderung", "en": "Funding"},
                "entries": [{"code": "amif", "de": "AMIF", "en": "AMIF"}],
            }
        ),
        encoding="utf-8",
    )
    loaded = load_vocabularies(vocab_dir)
    assert loaded.names()[: len(REQUIRED_VOCABULARIES)] == REQUIRED_VOCABULARIES
    assert loaded["funding"].label_of("amif") == "AMIF"
