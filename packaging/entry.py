"""Bundle entry point: `zqtracker` runs the CLI or the app, `zqtracker-gui` the app only."""

import sys
from pathlib import Path

from zqtracker.launcher import gui_main, main

if __name__ == "__main__":
    name = Path(sys.argv[0]).stem.lower()
    sys.exit(gui_main() if name.endswith("-gui") else main())
