"""Per-message cost of the safety detectors: the views, each family, and ``detect`` as a whole.

Lines are a mix of ordinary chat (most messages) and harmful ones in evasive spellings. Each
figure is the median and the 99th percentile over every call, in microseconds, on this
machine. ``phonenumbers`` is measured alone too, with how often the digit pre-filter lets a
line reach it.

    .venv/bin/python bench/safety_detectors.py --rounds 200

Measured 2026-12-02 on the shared 2-core machine (load average 2 to 5), 77 lines x 300:
detect() median 51 µs on ordinary lines, 110 µs on harmful ones, 54 µs on the mix (p99 155,
257, 181 µs). Views: folded 1.2 µs, lexical 7 µs (with folded). Families 1 to 4 µs each.
The digit pre-filter (1.6 µs) lets 2 of 77 lines through; for those the digits view
(text2num) costs 16 µs and phonenumbers 22 µs a parse and validation.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import phonenumbers

from causette.safety.context import MessageContext
from causette.safety.detectors import FAMILIES, detect
from causette.safety.gate import Setting
from causette.safety.normalize import Normalized, number_weight

ORDINARY = [
    "salut ça va ?",
    "mdr trop bien",
    "tu fais quoi ce soir ?",
    "j'ai vu un super film hier soir, tu connais ?",
    "bonne nuit tout le monde",
    "t'as vu le match ? incroyable la fin",
    "ouais grave",
    "je suis crevé, grosse journée au boulot",
    "hello, how are you doing today?",
    "quelqu'un connaît un bon resto sur Lyon ?",
    "j'ai 2 chats et 3 enfants, la maison est animée 😂",
    "je l'ai acheté 100 euros sur leboncoin",
    "on se voit au café samedi 15h ?",
    "il pleut encore, quelle galère",
    "ahah c'est clair",
    "tu bosses dans quoi ?",
]
HARMFUL = [
    "t'as quel âge ? t'es seule chez toi ?",
    "jsui en 4e et ma mère veut pas que je sorte",
    "c'est notre petit secret, efface la conv",
    "ajoute moi sur s🍑n🍑a🍑p",
    "mon sn@p c'est kevin_93",
    "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
    "appelle moi au 06.12.34.56.78",
    "envoie moi une photo de toi en maillot",
    "100 roses la nuit, je reçois en appart",
    "viens seul, un pote sera là, au parking derrière le lidl",
    "les p.d faudrait tous les bruler",
    "il s'appelle Kevin Martin, il habite 12 rue Pasteur",
    "gagne 500€ par jour avec le trading crypto www.promo.xyz",
]


def measure(calls: list[Callable[[], object]], rounds: int) -> tuple[float, float]:
    """Median and p99 of one call, in microseconds."""
    timings: list[float] = []
    for _ in range(rounds):
        for call in calls:
            start = time.perf_counter_ns()
            call()
            timings.append((time.perf_counter_ns() - start) / 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.99) - 1]


def row(name: str, figures: tuple[float, float]) -> None:
    print(f"{name:<34} {figures[0]:>9.1f} {figures[1]:>9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    rounds: int = args.rounds
    context = MessageContext(
        Setting.PRIVATE,
        34,
        False,
        recipient_age=15,
        recipient_minor=True,
        recent=("salut", "ça va ?", "t'as quel âge ?"),
        recent_from_sender=("salut", "t'as quel âge ?"),
    )
    mix = ORDINARY * 4 + HARMFUL  # about four ordinary lines for one harmful
    detect("warm up", context)

    print(f"{len(mix)} lines x {rounds} rounds; microseconds per message")
    print(f"{'':<34} {'median':>9} {'p99':>9}")
    for label, lines in (("detect() ordinary", ORDINARY), ("detect() harmful", HARMFUL)):
        row(label, measure([lambda t=t: detect(t, context) for t in lines], rounds))
    row("detect() mix", measure([lambda t=t: detect(t, context) for t in mix], rounds))
    print()
    row("view: folded", measure([lambda t=t: Normalized(t).folded for t in mix], rounds))
    row(
        "view: lexical (with folded)",
        measure([lambda t=t: Normalized(t).lexical for t in mix], rounds),
    )
    # Views built once and kept (as ``detect`` does): a family's figure is its own work.
    built = [Normalized(t) for t in mix]
    for norm in built:
        norm.folded, norm.lexical, norm.digits  # noqa: B018
    for name, family in FAMILIES.items():
        calls = [lambda n=n, f=family: list(f(n, context)) for n in built]
        row(f"family: {name}", measure(calls, rounds))
    print()
    passing = [t for t in mix if number_weight(Normalized(t).folded.text) >= 8]
    print(f"digit pre-filter passes {len(passing)} of {len(mix)} lines")
    row("pre-filter (number_weight)", measure([lambda t=t: number_weight(t) for t in mix], rounds))
    row(
        "digits view (text2num)",
        measure([lambda t=t: Normalized(t).digits for t in passing], rounds),
    )
    row(
        "phonenumbers parse+valid",
        measure(
            [lambda: phonenumbers.is_valid_number(phonenumbers.parse("06 12 34 56 78", "FR"))],
            rounds * 20,
        ),
    )


if __name__ == "__main__":
    main()
