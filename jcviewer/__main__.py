"""``python -m jcviewer``: the same as the ``jcviewer`` command."""

import sys

from jcviewer.cli import main

sys.exit(main())
