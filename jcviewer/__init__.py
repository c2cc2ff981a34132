"""jcviewer: an offline desktop viewer for county meeting reports (briefings)."""

__version__ = "0.1.0"
