"""Realistic, invented, anonymised demo data for every record kind (``vielfalt demo``, tests,
benchmarks, screenshots). A layer above the services, below the CLI and the UI; no Qt.

Everything is drawn from one seeded :class:`random.Random`, so the same
``(contacts, seed, today)`` gives the same records, ids included. The shape follows the
benchmark set of DESIGN §8: per 100 000 contacts about 40 000 referrals (each with its status
history), 10 000 conflicts with about 40 000 interventions, 2 000 events and 1 000 partners.
Codes are only used if the loaded vocabularies know them, so a coordinator's edited
vocabulary (retired or added codes) still gives valid records.

The rooms:

* :mod:`~vielfalt_desktop.demo.weights` – how often what occurs (weighted choices);
* :mod:`~vielfalt_desktop.demo.draw` – the seeded streams and the choices bound to the
  vocabularies;
* :mod:`~vielfalt_desktop.demo.texts`, :mod:`~vielfalt_desktop.demo.data` – the free texts and
  the names from ``resources/demo/*.json``;
* :mod:`~vielfalt_desktop.demo.people` – persons and their contacts;
* :mod:`~vielfalt_desktop.demo.partners` – the partner directory;
* :mod:`~vielfalt_desktop.demo.cases` – referrals, conflicts, interventions, events;
* :mod:`~vielfalt_desktop.demo.generator` – all of it in order, in batches;
* :mod:`~vielfalt_desktop.demo.writer` – into a store through the :class:`App`.

Callers use the names below (``from vielfalt_desktop import demo``; ``demo.fill(app, …)``).
"""

from __future__ import annotations

from vielfalt_desktop.demo.generator import CHUNK, directory, generate
from vielfalt_desktop.demo.partners import load_partner_templates
from vielfalt_desktop.demo.weights import SPAN_DAYS
from vielfalt_desktop.demo.writer import DemoResult, fill

__all__ = [
    "CHUNK",
    "SPAN_DAYS",
    "DemoResult",
    "directory",
    "fill",
    "generate",
    "load_partner_templates",
]
