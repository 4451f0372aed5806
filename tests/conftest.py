import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from viewer import timex  # noqa: E402

# A tagger handler's error fails the test that met it, instead of silently costing its candidate.
timex.set_strict(True)
