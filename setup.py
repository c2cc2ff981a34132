"""Package discovery for setuptools (the rest of the metadata is in pyproject.toml).

Packages are found, never listed, so a new subpackage cannot be left out of the wheel; the top-level
``resources/`` folder installs inside the package as ``jcviewer/_resources`` (``jcviewer.resources`` finds it).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["jcviewer", "jcviewer.*"]), "jcviewer._resources"],
    package_dir={"jcviewer._resources": "resources"},
)
