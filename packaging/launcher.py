"""Entry point of the frozen app: exactly the ``jcviewer`` command."""

import multiprocessing
import sys

from jcviewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the PDF reader runs in a child process: the frozen app starts it
    sys.exit(main())
