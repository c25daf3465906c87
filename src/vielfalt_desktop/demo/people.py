"""The people behind the demo contacts and their contacts.

Four in ten contacts carry a pseudonym code; of those, most belong to a person seen before, who
keeps the same district, target group, citizenship, age band and languages. Target group,
citizenship, languages and the need for an interpreter fit together; topics follow the target
group and the age.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vielfalt_desktop.demo.draw import Draw
from vielfalt_desktop.demo.texts import texts
from vielfalt_desktop.demo.weights import PSEUDONYM_SHARE, REPEAT_SHARE, TOPIC_COUNT
from vielfalt_desktop.domain.records import Contact


@dataclass(slots=True)
class Person:
    """What stays the same across one person's contacts (linked by the pseudonym code)."""

    code: str | None
    district: str
    sub_area: str | None
    target_group: str
    citizenship: str | None
    age_band: str
    gender: str
    native: tuple[str, ...]
    speaks_german: bool
    third_country: bool
    eu: bool


class People:
    """Makes contacts, remembering the persons with a pseudonym code seen so far."""

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.texts = texts()
        self.persons: list[Person] = []

    def person(self, code: str | None) -> Person:
        d = self.draw
        rng = d.rng
        district = d.pick_district(rng)
        south = d.district_group.get(district) == "sued"
        target = (d.pick_target_south if south else d.pick_target)(rng)
        country = d.pick_country.get(target, d.pick_country_default)(rng) or None
        countries = d.vocab.countries
        third = country is not None and countries.is_third_country(country)
        eu = country is not None and country != "DE" and not third
        native = d.country_languages.get(country or "", ())
        if country is None and target in ("drittstaat", "familiennachzug"):
            native = d.country_languages.get(rng.choice(("SY", "AF", "UA", "IQ")), ())
        if country == "DE" or target == "anwohner_ohne_mh":
            speaks_german = True
        else:
            speaks_german = rng.random() < (0.75 if target == "anwohner_mit_mh" else 0.55)
        return Person(
            code=code,
            district=district,
            sub_area=d.sub_area(district),
            target_group=target,
            citizenship=country,
            age_band=d.pick_age(rng),
            gender=d.pick_gender(rng),
            native=native,
            speaks_german=speaks_german,
            third_country=third or target in ("drittstaat", "familiennachzug"),
            eu=eu,
        )

    def contact(self) -> Contact:
        d = self.draw
        rng = d.rng
        if rng.random() < PSEUDONYM_SHARE:
            if self.persons and rng.random() < REPEAT_SHARE:
                who = rng.choice(self.persons)
            else:
                who = self.person(d.new_code())
                self.persons.append(who)
        else:
            who = self.person(None)
        date = d.day()
        group = d.district_group.get(who.district, "")
        setting = d.pick_setting.get(group, d.pick_setting[""])(rng)
        duration = d.durations.get(setting, d.durations[""])(rng)

        languages: list[str] = []
        native = rng.choice(who.native) if who.native else None
        if who.speaks_german and d.has_german:
            languages.append("de")
        if native and native != "de" and (not who.speaks_german or rng.random() < 0.5):
            languages.append(native)
        if not languages and d.has_english and rng.random() < 0.5:
            languages.append("en")
        if not languages and d.has_german:
            languages.append("de")
        if who.third_country:
            need = 0.85 if "de" not in languages else 0.3
        elif who.eu:
            need = 0.7 if "de" not in languages else 0.15
        else:
            need = 0.6 if "de" not in languages else 0.02
        interpreter = d.pick_interpreter(rng) if rng.random() < need else d.no_interpreter

        age = who.age_band
        age_class = "young" if age in ("u18", "18_26") else "senior" if age == "65plus" else "adult"
        topic_pick = d.pick_topics.get((who.target_group, age_class))
        if topic_pick is None:
            topic_pick = next(iter(d.pick_topics.values()))
        topics = topic_pick.distinct(rng, TOPIC_COUNT(rng))
        interests = d.pick_interest.distinct(rng, rng.randint(1, 2)) if rng.random() < 0.3 else ()

        age_days = (d.today - date).days
        follow_share = 0.4 if age_days <= 45 else 0.1 if age_days <= 120 else 0.01
        follow_up = None
        if rng.random() < follow_share:
            follow_up = date + dt.timedelta(days=rng.choice((7, 14, 14, 21, 28, 42)))

        note = ""
        if rng.random() < 0.55:
            notes = self.texts.contact_notes
            note = rng.choice(notes.get(topics[0], notes["sonstiges"]))
            if rng.random() < 0.3:
                note = f"{note} {rng.choice(self.texts.note_additions)}"
        return Contact(
            id=d.new_id(),
            date=date,
            duration_min=duration,
            setting=setting,
            district=who.district,
            sub_area=who.sub_area,
            pseudonym=who.code,
            target_group=who.target_group,
            citizenship=who.citizenship,
            age_band=age,
            gender=who.gender,
            languages=tuple(languages),
            interpreter=interpreter,
            topics=topics,
            interests=interests,
            follow_up=follow_up,
            note=note,
        )
