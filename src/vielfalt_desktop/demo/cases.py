"""Referrals (with their status steps), conflicts (with their interventions) and events.

A referral follows one of a few status paths, cut short where the next step would lie after
today; its last step is its status. A conflict's place suggests its categories and the
institutions involved; older conflicts are more often closed, serious ones more often passed
on. Events take place mostly in the focus areas, with partners of their district.
"""

from __future__ import annotations

import datetime as dt

from vielfalt_desktop.demo.draw import Draw
from vielfalt_desktop.demo.partners import PartnerIndex
from vielfalt_desktop.demo.texts import texts
from vielfalt_desktop.demo.weights import (
    EVENT_CHILDREN,
    EVENT_SIZE,
    INTERVENTION_COUNT,
    PARTICIPANTS,
    STEP_DAYS,
)
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Record,
    Referral,
    ReferralStatusChange,
)


class Cases:
    """Makes the records that follow from contacts and from the neighbourhood."""

    def __init__(self, draw: Draw, partners: PartnerIndex) -> None:
        self.draw = draw
        self.partners = partners
        self.texts = texts()

    # --- referrals ------------------------------------------------------------------------

    def referral(self, contact: Contact) -> list[Record]:
        d = self.draw
        rng = d.rng
        t = self.texts
        today = d.today
        topic = rng.choice(contact.topics)
        date = contact.date if rng.random() < 0.7 else d.later(contact.date, 1, 10)
        date = min(date, today)
        referral = Referral(
            id=d.new_id(),
            contact_id=contact.id,
            partner_id=self.partners.for_topic(d, topic),
            topic=topic,
            date=date,
            referral_kind=d.pick_referral_kind(rng),
        )
        steps: list[ReferralStatusChange] = []
        when = date
        for status in d.pick_path(rng):
            low, high = STEP_DAYS.get(status, (1, 14))
            if steps:
                when = d.later(when, low, high)
                if when > today:
                    break
            note = rng.choice(t.status_notes.get(status, ("",))) if rng.random() < 0.5 else ""
            steps.append(
                ReferralStatusChange(
                    id=d.new_id(), referral_id=referral.id, status=status, date=when, note=note
                )
            )
        last = steps[-1]
        referral.status = last.status
        if last.status not in d.final_status:
            referral.follow_up = d.later(last.date, 7, 28)
        feedback = t.referral_feedback.get(last.status)
        if feedback and rng.random() < 0.6:
            referral.feedback = rng.choice(feedback)
        return [referral, *steps]

    # --- conflicts ------------------------------------------------------------------------

    def conflict(self) -> list[Record]:
        d = self.draw
        rng = d.rng
        t = self.texts
        today = d.today
        opened = d.day()
        district = d.pick_conflict_district(rng)
        place = d.pick_place(rng)
        categories = list(d.place_categories.get(place, ()))
        first = rng.choice(categories) if categories else d.pick_category(rng)
        chosen = [first]
        extra = 2 if rng.random() < 0.1 else 1 if rng.random() < 0.4 else 0
        for _ in range(extra):
            chosen.append(d.pick_category(rng))
        crowded = place in ("hausflur", "innenhof", "wohnung_nachbarwohnung")
        public = place in ("strasse_platz", "gruenanlage", "spielplatz", "haltestelle")
        households = rng.randint(2, 8) if crowded else rng.randint(0, 4)
        groups = rng.randint(1, 3) if public else rng.randint(0, 1)
        if households + groups == 0:
            households = 1
        institutions: list[str] = []
        typical = d.place_institutions.get(place, ())
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            if typical and rng.random() < 0.7:
                institutions.append(rng.choice(typical))
            elif d.institution_codes:
                institutions.append(rng.choice(d.institution_codes))
        escalation = d.pick_escalation(rng)
        level = d.stage_level.get(escalation, 1)

        age = (today - opened).days
        closed_share = min(0.88, max(0.05, age / 150))
        status_codes = d.vocab["conflict_status"]
        closed: dt.date | None = None
        if rng.random() < closed_share:
            status = (
                "weitergeleitet" if rng.random() < (0.6 if level >= 5 else 0.18) else "beigelegt"
            )
            closed = opened + dt.timedelta(days=rng.randint(min(3, age), min(age, 150)))
        elif age > 180:
            status = rng.choice(("ruhend", "ruhend", "ruhend", "vermittlung", "in_klaerung"))
        elif age < 21:
            status = rng.choice(("gemeldet", "gemeldet", "in_klaerung"))
        else:
            status = rng.choice(
                ("in_klaerung", "in_klaerung", "vermittlung", "vermittlung", "ruhend")
            )
        if status not in status_codes:
            status = status_codes.codes()[0]
        is_closed = status in d.closed_status
        if is_closed and closed is None:
            closed = opened + dt.timedelta(days=rng.randint(0, min(age, 150)))
        if not is_closed:
            closed = None
        outcome = ""
        if is_closed:
            outcome = rng.choice(t.outcomes.get(status, t.outcomes["beigelegt"]))
        note = (
            rng.choice(t.conflict_notes.get(first, t.conflict_notes["sonstiges"]))
            if rng.random() < 0.6
            else ""
        )
        conflict = Conflict(
            id=d.new_id(),
            opened=opened,
            district=district,
            sub_area=d.sub_area(district),
            place_type=place,
            categories=tuple(dict.fromkeys(chosen)),
            households=households,
            groups=groups,
            institutions=tuple(dict.fromkeys(institutions)),
            escalation=escalation,
            status=status,
            outcome=outcome,
            closed=closed,
            shared=rng.random() < 0.12,
            note=note,
        )
        return [conflict, *self.interventions(conflict)]

    def interventions(self, conflict: Conflict) -> list[Intervention]:
        d = self.draw
        rng = d.rng
        t = self.texts
        today = d.today
        end = conflict.closed or min(today, conflict.opened + dt.timedelta(days=200))
        window = (end - conflict.opened).days
        count = INTERVENTION_COUNT(rng)
        dates = sorted(
            [min(end, conflict.opened + dt.timedelta(days=rng.randint(0, min(3, window))))]
            + [
                conflict.opened + dt.timedelta(days=rng.randint(0, window))
                for _ in range(count - 1)
            ]
        )
        kinds = [d.pick_first_intervention(rng)]
        kinds += [d.pick_intervention(rng) for _ in range(count - 1)]
        if conflict.status == "weitergeleitet" and "weiterleitung" in d.intervention_kinds:
            kinds[-1] = "weiterleitung"
        elif kinds[-1] == "weiterleitung" and count > 1:
            kinds[-1] = "vermittlungsgespraech"
        if (
            conflict.status in ("vermittlung", "beigelegt")
            and count > 1
            and "vermittlungsgespraech" not in kinds
            and "vermittlungsgespraech" in d.intervention_kinds
        ):
            kinds[rng.randint(1, count - 1)] = "vermittlungsgespraech"
        kinds = [k if k in d.intervention_kinds else d.pick_intervention(rng) for k in kinds]
        bridge = 0.55 if "verstaendigung" in conflict.categories else 0.25
        is_open = conflict.status not in d.closed_status
        result: list[Intervention] = []
        for i, (date, kind) in enumerate(zip(dates, kinds, strict=True)):
            low, high = PARTICIPANTS.get(kind, (0, 4))
            next_step, next_date = "", None
            if i < count - 1:
                if rng.random() < 0.35:
                    next_step, next_date = rng.choice(t.next_steps), dates[i + 1]
            elif is_open and conflict.status == "ruhend":
                next_step = t.dormant_step
            elif is_open:
                next_step, next_date = rng.choice(t.next_steps), d.later(date, 5, 28)
            result.append(
                Intervention(
                    id=d.new_id(),
                    conflict_id=conflict.id,
                    date=date,
                    intervention_kind=kind,
                    participants=rng.randint(low, high),
                    bridge_builder=rng.random() < bridge,
                    result=rng.choice(
                        t.intervention_results.get(kind, t.intervention_results["sonstiges"])
                    ),
                    next_step=next_step,
                    next_step_date=next_date,
                )
            )
        return result

    # --- events ---------------------------------------------------------------------------

    def event(self) -> Event:
        d = self.draw
        rng = d.rng
        t = self.texts
        district = d.pick_conflict_district(rng)
        kind = d.pick_event_kind(rng)
        label = d.district_label.get(district, district)
        venue = rng.choice(t.event_venues.get(district, (f"in {label}",)))
        title = rng.choice(t.event_titles.get(kind, t.event_titles["sonstiges"]))
        title = title.format(district=label, venue=venue)
        low, high = EVENT_SIZE.get(kind, (5, 40))
        total = rng.randint(low, high)
        third = round(total * rng.uniform(0.2, 0.75))
        recorded = total - round(total * rng.uniform(0, 0.15))
        women = round(recorded * rng.uniform(0.4, 0.65))
        divers = 1 if recorded - women > 1 and rng.random() < 0.05 else 0
        men = recorded - women - divers
        children = round(total * rng.uniform(0, EVENT_CHILDREN.get(kind, 0.1)))
        nearby = self.partners.by_district.get(district, [])
        partner_ids: list[str] = []
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3)) if self.partners else 0):
            index = rng.choice(nearby) if nearby and rng.random() < 0.8 else None
            if index is None:
                index = self.partners.pick_any(d)
            partner_ids.append(self.partners.ids[index])
        interests = d.pick_interest.distinct(rng, rng.randint(0, 3))
        return Event(
            id=d.new_id(),
            date=d.day(workday=kind not in ("begegnungsfest", "kulturveranstaltung")),
            title=title,
            event_kind=kind,
            district=district,
            participants_total=total,
            participants_third_country=third,
            participants_women=women,
            participants_men=men,
            participants_divers=divers,
            participants_children=children,
            partner_ids=tuple(dict.fromkeys(partner_ids)),
            interests=interests,
            note=rng.choice(t.event_notes) if rng.random() < 0.4 else "",
        )
