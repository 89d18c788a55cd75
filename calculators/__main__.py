"""Run the calculators from a terminal: ``python -m calculators --help``."""

import sys

from .cli import main

sys.exit(main(prog="python -m calculators"))
