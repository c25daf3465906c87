"""Validation messages: German text for the core, template and values for the UI's translator."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re

from vielfalt_desktop.domain import messages
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.messages import Message, label
from vielfalt_desktop.domain.records import Conflict, Contact, Event, Partner
from vielfalt_desktop.domain.validation import problems
from vielfalt_desktop.domain.vocab import default_vocabularies

TODAY = dt.date(2026, 11, 24)
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _templates() -> set[str]:
    return {
        value
        for name, value in vars(messages).items()
        if name.isupper() and isinstance(value, str) and name != "CONTEXT"
    }


def test_a_message_is_its_german_text() -> None:
    message = Message(messages.NOT_BEFORE, label=label("follow_up"), other=label("date"))
    assert message == "„Wiedervorlage“ darf nicht vor „Datum“ liegen."
    assert isinstance(message, str)
    assert message.template == messages.NOT_BEFORE
    assert message.params["other"] == "Datum"
    assert isinstance(message.params["other"], Message)
    assert ValidationError({"follow_up": message}).message == message
    for clone in (copy.copy(message), copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert clone == message
        assert clone.template == message.template
        assert dict(clone.params) == dict(message.params)


def test_templates_are_unique_and_use_named_placeholders() -> None:
    values = [v for n, v in vars(messages).items() if n.isupper() and isinstance(v, str)]
    assert len(values) == len(set(values))
    for template in _templates():
        assert "{}" not in template, template
        assert "{0" not in template, template


def test_every_problem_is_a_message_from_the_templates() -> None:
    vocab = default_vocabularies()
    broken = [
        Contact(date=TODAY + dt.timedelta(days=1), duration_min=0, pseudonym="K-XXXX"),
        Contact(date=dt.date(2019, 1, 1), district="nirgends", follow_up=dt.date(2018, 1, 1)),
        Partner(name="x" * 201),
        Conflict(opened=TODAY, households=-1, groups=1000, closed=TODAY),
        Event(date=TODAY, title="", participants_total=1, participants_children=5),
    ]
    templates = _templates()
    seen = 0
    for record in broken:
        for field, message in problems(record, vocab, TODAY).items():
            assert isinstance(message, Message), (field, message)
            assert message.template in templates, (field, message)
            assert set(PLACEHOLDER.findall(message.template)) == set(message.params), message
            seen += 1
    assert seen > 15
