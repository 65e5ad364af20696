import sys

try:
    from zqtracker.launcher import main
except KeyboardInterrupt:  # a Ctrl-C before even the launcher is loaded: exit as interrupted, quietly
    sys.exit(130)

sys.exit(main())
