"""Hybrid logical clock stamps: close to wall time, but strictly increasing per node.

A stamp is one integer: milliseconds since the epoch shifted left by 16 bits, plus a counter
in the low bits. Comparing (stamp, node id) gives the total order that decides
last-writer-wins merges, even when two laptops' clocks disagree.
"""

from __future__ import annotations

from datetime import UTC, datetime

from vielfalt_desktop.domain.clock import Clock

COUNTER_BITS = 16


def physical_stamp(moment: datetime) -> int:
    return int(moment.timestamp() * 1000) << COUNTER_BITS


def stamp_to_datetime(stamp: int) -> datetime:
    return datetime.fromtimestamp((stamp >> COUNTER_BITS) / 1000, tz=UTC)


class HybridClock:
    def __init__(self, clock: Clock, last: int = 0) -> None:
        self._clock = clock
        self.last = last

    def tick(self) -> int:
        """A new stamp for a local write."""
        self.last = max(physical_stamp(self._clock.now()), self.last + 1)
        return self.last

    def observe(self, remote: int) -> None:
        """Move past a stamp seen in a received change, so later local writes order after it."""
        self.last = max(self.last, remote)
