# PyInstaller runtime hook: pytz and tzdata live in tzdb.zip (see packaging/tzdb.py).
import os
import sys

_tzdb = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "tzdb.zip")
if os.path.isfile(_tzdb) and _tzdb not in sys.path:
    sys.path.append(_tzdb)
del _tzdb
