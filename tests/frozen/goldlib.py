"""`build` and `GP` for the frozen set's spec scripts: the shared builder of tests/gold_builder.py,
reading tests/frozen/corpus and writing tests/frozen/gold."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_builder import GP, builder  # noqa: E402  (tests/gold_builder.py)

build = builder(HERE)
