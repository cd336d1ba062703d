"""Run the command line: ``python -m dashboard validate``."""

import sys

from dashboard.cli import main

sys.exit(main())
