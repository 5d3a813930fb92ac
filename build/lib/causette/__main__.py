"""``python -m causette``: the same as the ``causette`` command."""

from causette.cli.main import main

raise SystemExit(main())
