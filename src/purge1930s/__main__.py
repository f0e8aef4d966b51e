"""``python -m purge1930s``: the command-line interface."""

import sys

from purge1930s.cli import main

sys.exit(main())
