"""PDF pages → the report model (Qt-free): characters with their boxes and fonts (``extract``), geometry and
reading order (``geometry``, ``articles``), then the same genre logic as text (``parse``)."""
