"""The random streams of the demo data and the weighted choices bound to the vocabularies.

Everything is drawn from one seeded :class:`random.Random` (``rng``), so the same
``(seed, today)`` and the same vocabularies give the same draws; ids and pseudonym codes come
from a second stream (``id_rng``) that a salt can change without changing the data.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Mapping, Sequence

from vielfalt_desktop.demo.weights import (
    AGE_BAND_WEIGHTS,
    BUSY_DISTRICTS,
    CATEGORY_WEIGHTS,
    CONFLICT_FOCUS_SHARE,
    COUNTRY_LANGUAGES,
    DURATIONS,
    ESCALATION_WEIGHTS,
    EU_COUNTRIES,
    EVENT_KIND_WEIGHTS,
    FAMILY_REUNION_COUNTRIES,
    FIRST_INTERVENTION,
    FOCUS_SHARE,
    GENDER_WEIGHTS,
    INTEREST_WEIGHTS,
    INTERPRETER_WEIGHTS,
    LATER_INTERVENTION,
    OTHER_FOREIGNERS,
    PLACE_CATEGORIES,
    PLACE_INSTITUTIONS,
    PLACE_WEIGHTS,
    REFERRAL_KIND_WEIGHTS,
    REFERRAL_PATHS,
    SETTING_WEIGHTS,
    SPAN_DAYS,
    SUB_AREA_SHARE,
    TARGET_GROUP_WEIGHTS,
    TARGET_GROUP_WEIGHTS_SOUTH,
    THIRD_COUNTRIES,
    TOPIC_FACTORS_BY_AGE,
    TOPIC_FACTORS_BY_GROUP,
    TOPIC_WEIGHTS,
    WITH_MIGRATION_BACKGROUND,
    WITHOUT_MIGRATION_BACKGROUND,
    Pick,
)
from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.validation import EARLIEST
from vielfalt_desktop.domain.vocab import Vocabularies


class Draw:
    """The seeded random streams, the dates window and the weighted choices, bound to one set
    of vocabularies. People, partners and cases draw from it in a fixed order."""

    def __init__(self, vocab: Vocabularies, today: dt.date, seed: int, id_salt: str) -> None:
        if today < EARLIEST:
            raise ValueError(f"Demodaten brauchen ein Datum nach {EARLIEST.isoformat()}.")
        self.vocab = vocab
        self.today = today
        # Demo data, not secrets: a seeded generator is the point (reproducible data sets).
        self.rng = random.Random(seed)  # noqa: S311
        # Ids and pseudonym codes come from their own stream: a salt (fill uses the store's
        # node and revision) makes them unique per store and run without changing the data.
        self.id_rng = random.Random(f"vielfalt-demo/{seed}/{id_salt}")  # noqa: S311
        self.start = max(EARLIEST, today - dt.timedelta(days=SPAN_DAYS))
        self.span = (today - self.start).days
        self.codes_used: set[str] = set()
        self._build_pickers()

    # --- setup ----------------------------------------------------------------------------

    def _vocab_pick(self, name: str, weights: Mapping[str, float], rest: float = 0.0) -> Pick[str]:
        entries = self.vocab[name].active_entries()
        return Pick([(e.code, float(weights.get(e.code, rest))) for e in entries])

    def _country_pick(self, weights: Mapping[str, float], want: str) -> Pick[str]:
        """Citizenships; ``want`` is "third", "eu" or "any". "" means not stated."""
        countries = self.vocab.countries
        chosen: list[tuple[str, float]] = []
        for code, weight in weights.items():
            if code and code not in countries:
                continue
            if want == "third" and not (code and countries.is_third_country(code)):
                continue
            if want == "eu" and not (
                code and code != "DE" and not countries.is_third_country(code)
            ):
                continue
            chosen.append((code, float(weight)))
        return Pick(chosen)

    def _district_pick(self, focus_share: float) -> Pick[str]:
        districts = self.vocab.districts
        focus = districts.focus_codes()
        active = [d for d in districts if d.active]
        in_focus = [d.code for d in active if d.code in focus]
        others = [(d.code, BUSY_DISTRICTS.get(d.code, 0.4)) for d in active if d.code not in focus]
        other_total = sum(w for _, w in others) or 1.0
        weighted: list[tuple[str, float]] = []
        if in_focus:
            weighted += [(code, focus_share / len(in_focus)) for code in in_focus]
        else:
            focus_share = 0.0
        weighted += [(code, (1 - focus_share) * w / other_total) for code, w in others]
        return Pick(weighted)

    def _build_pickers(self) -> None:
        v = self.vocab
        self.pick_district = self._district_pick(FOCUS_SHARE)
        self.pick_conflict_district = self._district_pick(CONFLICT_FOCUS_SHARE)
        self.district_group = {d.code: d.group for d in v.districts}
        self.sub_areas = {d.code: v.districts.sub_area_codes(d.code) for d in v.districts}
        self.district_label = {d.code: d.de for d in v.districts}
        self.pick_target = self._vocab_pick("target_group", TARGET_GROUP_WEIGHTS, 1)
        self.pick_target_south = self._vocab_pick("target_group", TARGET_GROUP_WEIGHTS_SOUTH, 1)
        self.pick_country: dict[str, Pick[str]] = {
            "drittstaat": self._country_pick(THIRD_COUNTRIES, "third"),
            "familiennachzug": self._country_pick(FAMILY_REUNION_COUNTRIES, "third"),
            "anwohner_mit_mh": self._country_pick(WITH_MIGRATION_BACKGROUND, "any"),
            "anwohner_ohne_mh": self._country_pick(WITHOUT_MIGRATION_BACKGROUND, "any"),
            "unionsbuerger": self._country_pick(EU_COUNTRIES, "eu"),
            "weitere": self._country_pick(OTHER_FOREIGNERS, "any"),
        }
        self.pick_country_default = self._country_pick({"": 1}, "any")
        languages = v["language"]
        self.country_languages = {
            code: tuple(lang for lang in langs if lang in languages)
            for code, langs in COUNTRY_LANGUAGES.items()
        }
        self.has_german = "de" in languages
        self.has_english = "en" in languages
        self.pick_age = self._vocab_pick("age_band", AGE_BAND_WEIGHTS, 1)
        self.pick_gender = self._vocab_pick("gender", GENDER_WEIGHTS, 0.5)
        self.pick_interpreter = self._vocab_pick("interpreter", INTERPRETER_WEIGHTS, 1)
        interpreters = v["interpreter"]
        self.no_interpreter = "keine" if "keine" in interpreters else interpreters.codes()[0]
        self.pick_setting = {
            key: self._vocab_pick("setting", weights, 1) for key, weights in SETTING_WEIGHTS.items()
        }
        self.durations = {
            key: Pick([(m, float(w)) for m, w in pairs]) for key, pairs in DURATIONS.items()
        }
        self.pick_topics: dict[tuple[str, str], Pick[str]] = {}
        for group in v["target_group"].codes():
            for age, age_factors in TOPIC_FACTORS_BY_AGE.items():
                factors = {**TOPIC_FACTORS_BY_GROUP.get(group, {})}
                for code, factor in age_factors.items():
                    factors[code] = factors.get(code, 1.0) * factor
                weights = {c: w * factors.get(c, 1.0) for c, w in TOPIC_WEIGHTS.items()}
                self.pick_topics[(group, age)] = self._vocab_pick("topic", weights, 0.5)
        self.pick_interest = self._vocab_pick("interest", INTEREST_WEIGHTS, 1)
        self.pick_referral_kind = self._vocab_pick("referral_kind", REFERRAL_KIND_WEIGHTS, 1)
        statuses = v["referral_status"]
        self.pick_path = Pick(
            [(path, w) for path, w in REFERRAL_PATHS if all(s in statuses for s in path)]
        )
        self.final_status = {e.code for e in statuses if e.flag("final")}
        self.pick_place = self._vocab_pick("place_type", PLACE_WEIGHTS, 1)
        self.pick_category = self._vocab_pick("conflict_category", CATEGORY_WEIGHTS, 1)
        categories = v["conflict_category"]
        self.place_categories = {
            place: tuple(c for c in cats if c in categories)
            for place, cats in PLACE_CATEGORIES.items()
        }
        institutions = v["institution"]
        self.institution_codes = tuple(e.code for e in institutions.active_entries())
        self.place_institutions = {
            place: tuple(i for i in insts if i in institutions)
            for place, insts in PLACE_INSTITUTIONS.items()
        }
        stages = v["escalation_stage"]
        self.pick_escalation = self._vocab_pick("escalation_stage", ESCALATION_WEIGHTS, 0.2)
        self.stage_level = {e.code: e.number("level") or 1 for e in stages}
        cstatus = v["conflict_status"]
        self.closed_status = {e.code for e in cstatus if e.flag("closed")}
        self.pick_first_intervention = self._vocab_pick("intervention_kind", FIRST_INTERVENTION)
        self.pick_intervention = self._vocab_pick("intervention_kind", LATER_INTERVENTION, 1)
        self.intervention_kinds = v["intervention_kind"]
        self.pick_event_kind = self._vocab_pick("event_kind", EVENT_KIND_WEIGHTS, 2)

    # --- helpers --------------------------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def new_code(self) -> str:
        alphabet = pseudonym.ALPHABET
        while True:
            payload = "".join(
                alphabet[self.id_rng.randrange(len(alphabet))]
                for _ in range(pseudonym.PAYLOAD_LENGTH)
            )
            code = pseudonym.from_payload(payload)
            if code not in self.codes_used:
                self.codes_used.add(code)
                return code

    def day(self, workday: bool = True) -> dt.date:
        """A date in the window; mostly a working day (offices close at weekends)."""
        rng = self.rng
        date = self.start + dt.timedelta(days=rng.randint(0, self.span))
        while workday and date.weekday() >= 5 and rng.random() < 0.9:
            date = self.start + dt.timedelta(days=rng.randint(0, self.span))
        return date

    def later(self, date: dt.date, low: int, high: int) -> dt.date:
        return date + dt.timedelta(days=self.rng.randint(low, high))

    def sub_area(self, district: str) -> str | None:
        areas = self.sub_areas.get(district, ())
        if areas and self.rng.random() < SUB_AREA_SHARE:
            return self.rng.choice(areas)
        return None

    def codes(self, wanted: Sequence[str], vocabulary: str) -> tuple[str, ...]:
        known = self.vocab[vocabulary]
        return tuple(c for c in dict.fromkeys(wanted) if c in known)
