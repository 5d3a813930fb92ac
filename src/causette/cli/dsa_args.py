"""The arguments of the DSA record commands of ``causette admin`` (``cli/dsa.py`` runs them).

Kept apart so that parsing the command line stays light: nothing here opens a store.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from causette.reports.eu_template import DISPUTE_OUTCOMES


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The DSA record commands' arguments (``statements`` is declared in ``cli/main.py``)."""
    order = command("record-order", "record an order from an authority (DSA Art. 9 or 10)")
    order.add_argument("--article", required=True, choices=("9", "10"))
    order.add_argument("--authority", required=True, help="who issued it")
    order.add_argument("--member-state", required=True, metavar="CC", help="FR, DE ...")
    order.add_argument("--category", required=True, help="the report category it concerns")
    order.add_argument("--reference", required=True)
    order.add_argument("--received", required=True, metavar="YYYY-MM-DDTHH:MM")
    order.add_argument("--acknowledged", required=True, metavar="YYYY-MM-DDTHH:MM")
    order.add_argument("--effect", metavar="YYYY-MM-DDTHH:MM", help="when it was given effect")
    dispute = command("record-dispute", "record an out-of-court dispute (DSA Art. 21)")
    dispute.add_argument("--outcome", required=True, choices=DISPUTE_OUTCOMES)
    dispute.add_argument("--body", required=True, help="the certified settlement body")
    dispute.add_argument("--reference", required=True)
    dispute.add_argument("--submitted", required=True, metavar="YYYY-MM-DD")
    dispute.add_argument("--closed", metavar="YYYY-MM-DD")
