"""`python -m build_tools` runs the command line."""

import sys

from build_tools.cli import main

if __name__ == "__main__":  # not when a worker process imports it (see render/chart_files.py)
    sys.exit(main())
