"""`python -m build_tools` runs the command line."""

import sys

from build_tools.cli import main

sys.exit(main())
