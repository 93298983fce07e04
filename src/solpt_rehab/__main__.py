"""Run the command line as ``python -m solpt_rehab``."""

import sys

from ._cli import main

sys.exit(main())
