"""Budgets that hold across sessions: per device and per network, in the shared state.

A budget kept on a session or a connection is reset by reconnecting, and a client without
the device cookie is a new device at every connection; so each budget here is charged twice,
to the device and to its network (the IPv4 address or IPv6 /64, as a keyed hash), and both
must allow it. The network's allowance is larger: a family, a campus or a carrier's NAT share
it. Buckets live in the ``SharedState`` port, so every node charges the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from causette.errors import LimitExceeded
from causette.live.shared import SharedState


class Spend(StrEnum):
    MESSAGE = "message"
    ENTRY = "entry"
    REPORT = "report"


@dataclass(frozen=True, slots=True)
class Allowance:
    """A token bucket: ``burst`` at once, then ``rate`` per second."""

    burst: float
    rate: float


@dataclass(frozen=True, slots=True)
class BudgetPolicy:
    """What one device and one network may spend (defaults match the configuration's)."""

    message: Allowance = Allowance(8, 1.0)
    network_message: Allowance = Allowance(60, 10.0)
    entry: Allowance = Allowance(6, 6 / 60)
    network_entry: Allowance = Allowance(30, 30 / 60)
    # A visitor files a few reports in a row, then about one a minute: enough for any real
    # need, and a flood of reports cannot bury the queue.
    report: Allowance = Allowance(5, 1 / 60)
    network_report: Allowance = Allowance(10, 3 / 60)

    def of(self, kind: Spend) -> tuple[Allowance, Allowance]:
        match kind:
            case Spend.MESSAGE:
                return self.message, self.network_message
            case Spend.ENTRY:
                return self.entry, self.network_entry
            case Spend.REPORT:
                return self.report, self.network_report


class Budgets:
    def __init__(self, shared: SharedState, policy: BudgetPolicy) -> None:
        self._shared = shared
        self._policy = policy

    def _buckets(self, kind: Spend, device: str, network: str) -> list[tuple[str, Allowance]]:
        per_device, per_network = self._policy.of(kind)
        buckets = [(f"budget:{kind.value}:device:{device}", per_device)]
        if network:
            buckets.append((f"budget:{kind.value}:network:{network}", per_network))
        return buckets

    async def check(self, kind: Spend, device: str, network: str) -> None:
        """Refuse with ``rate_limited`` (and the wait) unless both buckets allow one more."""
        wait = 0.0
        for key, allowance in self._buckets(kind, device, network):
            wait = max(wait, await self._shared.peek(key, allowance.burst, allowance.rate))
        if wait > 0:
            raise LimitExceeded("rate_limited", retry_after=round(wait, 1))

    async def take(self, kind: Spend, device: str, network: str) -> None:
        """Charge one to both buckets (after ``check``, once the action happened)."""
        for key, allowance in self._buckets(kind, device, network):
            await self._shared.take(key, allowance.burst, allowance.rate)

    async def spend(self, kind: Spend, device: str, network: str) -> None:
        """``check`` then ``take``."""
        await self.check(kind, device, network)
        await self.take(kind, device, network)
