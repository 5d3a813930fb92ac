"""The active sanctions, indexed so that checking one costs a dictionary look-up.

Checked at entry, on every message and on private conversations, below the transports
(SAFETY.md 23). Every sanction binds its device; a site ban may also bind its network for a
shorter time (``Sanction.binds_network``). Someone else caught by a network binding is told
the truth without the decision: ``network_restricted`` and until when, never its code, which
only the person it concerns may see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from causette.domain.moderation import (
    BLOCKS_ENTRY,
    BLOCKS_POSTING,
    BLOCKS_ROOM,
    Sanction,
    SanctionKind,
)
from causette.errors import Refused


@dataclass(frozen=True, slots=True)
class Active:
    sanction: Sanction
    decision_code: str


_Matcher = Callable[[Active], bool]


class SanctionBook:
    def __init__(self) -> None:
        self._by_device: dict[str, list[Active]] = {}
        self._by_network: dict[str, list[Active]] = {}

    def __len__(self) -> int:
        entries = [*self._by_device.values(), *self._by_network.values()]
        return len({a.sanction.id for group in entries for a in group})

    def add(self, sanction: Sanction, decision_code: str) -> None:
        """Enforce a sanction; one already known by its id is replaced (an exemption)."""
        self._drop(lambda a: a.sanction.id == sanction.id)
        entry = Active(sanction, decision_code)
        self._by_device.setdefault(sanction.person.device, []).append(entry)
        if sanction.binds_a_network:
            self._by_network.setdefault(sanction.person.network, []).append(entry)

    def load(self, entries: Iterable[tuple[Sanction, str]]) -> None:
        for sanction, code in entries:
            self.add(sanction, code)

    def revoke_decision(self, decision_id: int) -> None:
        self._drop(lambda a: a.sanction.decision_id == decision_id)

    def _drop(self, matches: _Matcher) -> None:
        for index in (self._by_device, self._by_network):
            for key in list(index):
                kept = [a for a in index[key] if not matches(a)]
                if kept:
                    index[key] = kept
                else:
                    del index[key]

    def find(
        self,
        device: str,
        kinds: frozenset[SanctionKind],
        now: float,
        room: str | None = None,
    ) -> Active | None:
        """The longest-lasting active sanction of these kinds on a device.

        ``room`` None matches site-wide sanctions only; a room matches that room's and the
        site's.
        """
        found: Active | None = None
        for entry in self._by_device.get(device, ()):
            s = entry.sanction
            if s.kind not in kinds or not s.active(now):
                continue
            if s.room is not None and s.room != room:
                continue
            if found is None or _lasts_longer(s.expires_at, found.sanction.expires_at):
                found = entry
        return found

    def network_restriction(self, device: str, network: str, now: float) -> Active | None:
        """The network binding that keeps another device out, the longest first."""
        found: Active | None = None
        for entry in self._by_network.get(network, ()):
            s = entry.sanction
            if s.binds_device(device) or not s.binds_network(device, network, now):
                continue
            if found is None or _lasts_longer(
                s.network_ends_at(), found.sanction.network_ends_at()
            ):
                found = entry
        return found

    def check_entry(self, device: str, network: str, now: float) -> None:
        """The person's own ban shows with its decision; a network binding without it."""
        self._refuse(self.find(device, BLOCKS_ENTRY, now), "banned")
        caught = self.network_restriction(device, network, now)
        if caught is not None:
            end = caught.sanction.network_ends_at()
            raise Refused("network_restricted", **({"until": end} if end is not None else {}))

    def check_post(self, device: str, now: float, room: str | None) -> None:
        self._refuse(self.find(device, BLOCKS_POSTING, now, room), "muted")
        if room is not None:
            # Banned from a room is banned from speaking in it, from any session still there.
            self._refuse(self.find(device, BLOCKS_ROOM, now, room), "room_banned")

    def check_join(self, device: str, now: float, room: str) -> None:
        self._refuse(self.find(device, BLOCKS_ROOM, now, room), "room_banned")

    @staticmethod
    def _refuse(entry: Active | None, code: str) -> None:
        if entry is None:
            return
        s = entry.sanction
        params: dict[str, object] = {"decision": entry.decision_code, "kind": s.kind.value}
        if s.expires_at is not None:
            params["until"] = s.expires_at
        raise Refused(code, **params)


def _lasts_longer(a: float | None, b: float | None) -> bool:
    if a is None:
        return b is not None
    return b is not None and a > b
