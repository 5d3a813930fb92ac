"""Hub fan-out cost per delivered message, in process (no sockets).

Measures what the hot path costs: ChatState.post picking the recipients, the hub encoding
once and appending to N outboxes, and each outbox's writer taking its batch.

    .venv/bin/python bench/fanout.py --members 1000 --messages 2000
"""

from __future__ import annotations

import argparse
import asyncio
import time

from causette.domain.departements import location_of
from causette.domain.models import Gender, Guest, Message, Profile, Rules
from causette.domain.state import ChatState
from causette.live.hub import Hub, Outbox
from causette.protocol import web


async def run(members: int, messages: int) -> None:
    state = ChatState(Rules(rooms_max=10))
    state.add_official_room("Général", "")
    hub = Hub()
    outboxes = []
    location = location_of("75011")
    for i in range(members):
        guest = Guest(f"g{i}", f"d{i}", Profile(f"user{i}", 30, Gender.OTHER, "75011", location))
        state.add_guest(guest)
        state.join(guest, "general")
        outbox = Outbox(web.CODEC, 1 << 30)
        hub.attach(guest.id, outbox)
        outboxes.append(outbox)
    sender = state.guests["g0"]

    async def drain(outbox: Outbox) -> None:
        while await outbox.take() is not None:
            pass

    drains = [asyncio.create_task(drain(o)) for o in outboxes]
    await asyncio.sleep(0)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for n in range(messages):
        message = Message(
            n + 1, time.time(), sender.view, sender.device, f"message {n}", room="general"
        )
        hub.deliver(state.record_posted(message))
        if n % 10 == 9:
            await asyncio.sleep(0)  # let writers take their batches, as the loop would
    await asyncio.sleep(0)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    for o in outboxes:
        o.close("done")
    await asyncio.gather(*drains)
    delivered = members * messages
    print(
        f"members={members} messages={messages} delivered={delivered} "
        f"cpu={cpu:.3f}s wall={wall:.3f}s "
        f"cpu_per_delivery={cpu / delivered * 1e6:.3f}us"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--members", type=int, default=1000)
    p.add_argument("--messages", type=int, default=2000)
    args = p.parse_args()
    asyncio.run(run(args.members, args.messages))


if __name__ == "__main__":
    main()
