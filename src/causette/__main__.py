"""``python -m causette``: the same as the ``causette`` command."""

from causette.cli import main

raise SystemExit(main())
