"""The active sanctions, indexed so that checking one costs a dictionary look-up.

Checked at entry, on every message and on private conversations, below the transports
(SAFETY.md 23). A sanction binds to a device and to a network; either matches.
"""

from __future__ import annotations

from collections.abc import Iterable
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


class SanctionBook:
    def __init__(self) -> None:
        self._by_key: dict[str, list[Active]] = {}

    def __len__(self) -> int:
        return len({a.sanction.id for entries in self._by_key.values() for a in entries})

    def add(self, sanction: Sanction, decision_code: str) -> None:
        entry = Active(sanction, decision_code)
        for key in (sanction.person.device, sanction.person.network):
            if key:
                self._by_key.setdefault(key, []).append(entry)

    def load(self, entries: Iterable[tuple[Sanction, str]]) -> None:
        for sanction, code in entries:
            self.add(sanction, code)

    def revoke_decision(self, decision_id: int) -> None:
        for key in list(self._by_key):
            kept = [a for a in self._by_key[key] if a.sanction.decision_id != decision_id]
            if kept:
                self._by_key[key] = kept
            else:
                del self._by_key[key]

    def find(
        self,
        device: str,
        network: str,
        kinds: frozenset[SanctionKind],
        now: float,
        room: str | None = None,
    ) -> Active | None:
        """The longest-lasting active sanction of these kinds for a device or network.

        ``room`` None matches site-wide sanctions only; a room matches that room's and the
        site's.
        """
        found: Active | None = None
        for key in (device, network):
            for entry in self._by_key.get(key, ()):
                s = entry.sanction
                if s.kind not in kinds or not s.active(now):
                    continue
                if s.room is not None and s.room != room:
                    continue
                if found is None or _lasts_longer(s, found.sanction):
                    found = entry
        return found

    def check_entry(self, device: str, network: str, now: float) -> None:
        self._refuse(self.find(device, network, BLOCKS_ENTRY, now), "banned")

    def check_post(self, device: str, network: str, now: float, room: str | None) -> None:
        self._refuse(self.find(device, network, BLOCKS_POSTING, now, room), "muted")
        if room is not None:
            # Banned from a room is banned from speaking in it, from any session still there.
            self._refuse(self.find(device, network, BLOCKS_ROOM, now, room), "room_banned")

    def check_join(self, device: str, network: str, now: float, room: str) -> None:
        self._refuse(self.find(device, network, BLOCKS_ROOM, now, room), "room_banned")

    @staticmethod
    def _refuse(entry: Active | None, code: str) -> None:
        if entry is None:
            return
        s = entry.sanction
        params: dict[str, object] = {"decision": entry.decision_code, "kind": s.kind.value}
        if s.expires_at is not None:
            params["until"] = s.expires_at
        raise Refused(code, **params)


def _lasts_longer(a: Sanction, b: Sanction) -> bool:
    if a.expires_at is None:
        return b.expires_at is not None
    return b.expires_at is not None and a.expires_at > b.expires_at
