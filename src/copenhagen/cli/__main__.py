"""``python -m copenhagen.cli``: the same as the ``copenhagen`` command."""

from __future__ import annotations

import sys

from copenhagen.cli import main

sys.exit(main())
