"""``python -m copenhagen``: the command line, where the ``copenhagen`` script is not on PATH."""

import sys

from copenhagen.cli import main

sys.exit(main())
