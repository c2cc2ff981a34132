"""The Qt user interface over the Qt-free core in jcviewer.model."""
