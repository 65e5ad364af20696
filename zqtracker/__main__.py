import sys

from zqtracker.launcher import main

sys.exit(main())
