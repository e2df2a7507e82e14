"""The frozen app's entry script: the same ``main`` as the ``assessor`` command.

A separate file (not ``assessor/__main__.py``) because PyInstaller puts an entry script's folder
on the module path, and ``assessor/`` there would make ``db`` or ``settings`` top-level modules.
"""

import sys

from assessor.cli import main

if __name__ == "__main__":
    sys.exit(main())
