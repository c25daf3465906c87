"""The partner directory of the demo data and the index referrals and events pick from.

The organisations come from ``resources/demo/partners.json`` (real agencies of Magdeburg with
invented contact channels, plus clearly fictional associations); larger data sets add
numbered ones from ``resources/demo/numbered_partners.json``, such as
"Nachbarschaftsverein Beispiel 17". Codes the vocabularies do not know are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from vielfalt_desktop.demo import data
from vielfalt_desktop.demo.draw import Draw
from vielfalt_desktop.demo.weights import Pick
from vielfalt_desktop.domain.records import Partner

PARTNERS_FILE = "partners.json"
NUMBERED_FILE = "numbered_partners.json"
#: How much more often referrals and events go to a shipped organisation than to a numbered one.
SHIPPED_WEIGHT = 20.0


@dataclass(frozen=True, slots=True)
class PartnerTemplate:
    name: str
    kind: str
    districts: tuple[str, ...]
    topics: tuple[str, ...]
    offers: tuple[str, ...]
    offer_text: str
    seeks: tuple[str, ...]
    seek_text: str
    languages: tuple[str, ...]
    address: str
    contact_channel: str
    opening_hours: str
    note: str = ""


def load_partner_templates() -> tuple[PartnerTemplate, ...]:
    """The partner organisations shipped in ``resources/demo/partners.json``."""
    raw = data.read(PARTNERS_FILE)
    templates = []
    for entry in data.objects(raw.get("partners"), "partners"):
        templates.append(
            PartnerTemplate(
                name=str(entry["name"]),
                kind=str(entry["kind"]),
                districts=data.strings(entry.get("districts", []), "districts"),
                topics=data.strings(entry.get("topics", []), "topics"),
                offers=data.strings(entry.get("offers", []), "offers"),
                offer_text=str(entry.get("offer_text", "")),
                seeks=data.strings(entry.get("seeks", []), "seeks"),
                seek_text=str(entry.get("seek_text", "")),
                languages=data.strings(entry.get("languages", []), "languages"),
                address=str(entry.get("address", "")),
                contact_channel=str(entry.get("contact_channel", "")),
                opening_hours=str(entry.get("opening_hours", "")),
                note=str(entry.get("note", "")),
            )
        )
    return tuple(templates)


@dataclass(frozen=True, slots=True)
class NumberedKind:
    """One kind of numbered partner: "Sportverein" → "Sportverein Beispiel 3"."""

    prefix: str
    kind: str
    topics: tuple[str, ...]
    offers: tuple[str, ...]
    offer_text: str


@dataclass(frozen=True, slots=True)
class Street:
    street: str
    postcode: str
    district: str


@dataclass(frozen=True, slots=True)
class NumberedPartners:
    """``resources/demo/numbered_partners.json``: what numbered partners are made of."""

    name: str  # "{prefix} Beispiel {number}"
    address: str  # "{street} {house}, {postcode} Magdeburg"
    contact_channel: str  # with {phone} and {number}
    first_phone: int
    languages: tuple[str, ...]  # besides German, up to two of these
    kinds: tuple[NumberedKind, ...]
    seeks: tuple[tuple[str, str], ...]  # (offer code, what they look for)
    streets: tuple[Street, ...]
    opening_hours: tuple[str, ...]


@functools.cache
def numbered_partners() -> NumberedPartners:
    raw = data.read(NUMBERED_FILE)
    first_phone = raw.get("first_phone")
    if not isinstance(first_phone, int):
        raise ValueError(f"Demodaten: „first_phone“ in {NUMBERED_FILE} muss eine Zahl sein.")
    return NumberedPartners(
        name=data.text(raw.get("name"), "name"),
        address=data.text(raw.get("address"), "address"),
        contact_channel=data.text(raw.get("contact_channel"), "contact_channel"),
        first_phone=first_phone,
        languages=data.strings(raw.get("languages"), "languages"),
        kinds=tuple(
            NumberedKind(
                prefix=data.text(k.get("prefix"), "kinds.prefix"),
                kind=data.text(k.get("kind"), "kinds.kind"),
                topics=data.strings(k.get("topics"), "kinds.topics"),
                offers=data.strings(k.get("offers"), "kinds.offers"),
                offer_text=data.text(k.get("offer_text"), "kinds.offer_text"),
            )
            for k in data.objects(raw.get("kinds"), "kinds")
        ),
        seeks=tuple(
            (data.text(s.get("offer"), "seeks.offer"), data.text(s.get("text"), "seeks.text"))
            for s in data.objects(raw.get("seeks"), "seeks")
        ),
        streets=tuple(
            Street(
                street=data.text(s.get("street"), "streets.street"),
                postcode=data.text(s.get("postcode"), "streets.postcode"),
                district=data.text(s.get("district"), "streets.district"),
            )
            for s in data.objects(raw.get("streets"), "streets")
        ),
        opening_hours=data.strings(raw.get("opening_hours"), "opening_hours"),
    )


def make_partners(draw: Draw, count: int) -> tuple[list[Partner], PartnerIndex]:
    """Every shipped organisation, then numbered ones up to ``count``; and their index."""
    rng = draw.rng
    v = draw.vocab
    templates = load_partner_templates()
    numbered = numbered_partners()
    partners: list[Partner] = []
    names: set[str] = set()
    kinds = v["partner_kind"]
    fallback_kind = "sonstige" if "sonstige" in kinds else kinds.codes()[0]
    for t in templates:
        partners.append(
            Partner(
                id=draw.new_id(),
                name=t.name,
                partner_kind=t.kind if t.kind in kinds else fallback_kind,
                districts=tuple(d for d in t.districts if d in v.districts),
                topics=draw.codes(t.topics, "topic"),
                offers=draw.codes(t.offers, "offer"),
                offer_text=t.offer_text,
                seeks=draw.codes(t.seeks, "offer"),
                seek_text=t.seek_text,
                languages=draw.codes(t.languages, "language"),
                address=t.address,
                contact_channel=t.contact_channel,
                opening_hours=t.opening_hours,
                note=t.note,
            )
        )
        names.add(t.name)
    seek_options = [(code, text) for code, text in numbered.seeks if code in v["offer"]]
    languages = [c for c in numbered.languages if c in v["language"]]
    number = 0
    while len(partners) < count:
        number += 1
        kind = rng.choice(numbered.kinds)
        name = numbered.name.format(prefix=kind.prefix, number=number)
        if name in names:
            continue
        names.add(name)
        street = rng.choice(numbered.streets)
        districts = [street.district] if street.district in v.districts else []
        for _ in range(rng.randint(0, 2)):
            districts.append(draw.pick_district(rng))
        spoken = ["de", *rng.sample(languages, k=min(len(languages), rng.randint(0, 2)))]
        seeks = rng.sample(seek_options, k=min(len(seek_options), rng.randint(1, 2)))
        house = rng.randint(1, 120)
        partners.append(
            Partner(
                id=draw.new_id(),
                name=name,
                partner_kind=kind.kind if kind.kind in kinds else fallback_kind,
                districts=tuple(dict.fromkeys(districts)),
                topics=draw.codes(kind.topics, "topic"),
                offers=draw.codes(kind.offers, "offer"),
                offer_text=kind.offer_text,
                seeks=tuple(code for code, _ in seeks),
                seek_text=" ".join(text for _, text in seeks),
                languages=draw.codes(spoken, "language"),
                address=numbered.address.format(
                    street=street.street, house=house, postcode=street.postcode
                ),
                contact_channel=numbered.contact_channel.format(
                    phone=numbered.first_phone + number, number=number
                ),
                opening_hours=rng.choice(numbered.opening_hours),
            )
        )
    return partners, PartnerIndex(partners, shipped=len(templates))


class PartnerIndex:
    """Where referrals and events go: mostly to the well-known organisations, matching the
    topic; events prefer partners of their district. Empty: no referrals, no event partners."""

    __slots__ = ("any_partner", "by_district", "by_topic", "ids")

    def __init__(self, partners: Sequence[Partner] = (), *, shipped: int | None = None) -> None:
        """``shipped``: how many of ``partners`` (the first ones) weigh more; default all."""
        first = len(partners) if shipped is None else shipped
        self.ids = [p.id for p in partners]
        by_topic: dict[str, list[tuple[int, float]]] = {}
        by_district: dict[str, list[int]] = {}
        for i, p in enumerate(partners):
            weight = SHIPPED_WEIGHT if i < first else 1.0
            for topic in p.topics:
                by_topic.setdefault(topic, []).append((i, weight))
            for district in p.districts:
                by_district.setdefault(district, []).append(i)
        self.by_topic = {t: Pick(items) for t, items in by_topic.items()}
        self.by_district = by_district
        self.any_partner: Pick[int] | None = None
        if partners:
            self.any_partner = Pick(
                [(i, SHIPPED_WEIGHT if i < first else 1.0) for i in range(len(partners))]
            )

    def __bool__(self) -> bool:
        return bool(self.ids)

    def for_topic(self, draw: Draw, topic: str) -> str:
        """A partner's id for a referral on ``topic`` (the index must not be empty)."""
        pick = self.by_topic.get(topic, self.any_partner)
        assert pick is not None
        return self.ids[pick(draw.rng)]

    def pick_any(self, draw: Draw) -> int:
        """The position of any partner, weighted (the index must not be empty)."""
        assert self.any_partner is not None
        return self.any_partner(draw.rng)
