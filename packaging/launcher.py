"""Entry point of the frozen app: exactly the ``jcviewer`` command."""

import sys

from jcviewer.cli import main

sys.exit(main())
