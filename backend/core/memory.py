"""The garbage collector, tuned once the app is built.

At start-up the process holds a few hundred thousand long-lived objects (the schema, the
SQLAlchemy mappers, the compiled statements); by default every full collection walks them all,
150–250 ms every few requests on a large view, which doubles the p95. `gc.freeze()` moves them
out of the collector's sight, and higher thresholds make the collections of what a request
allocates rarer: a 100-unit directory allocates tens of thousands of objects, and with the
default threshold of 700 it triggers dozens of young collections each time. Reference counting
still frees almost everything at once; the collector is only for cycles.
"""

from __future__ import annotations

import gc

# Young objects allocated before a collection; how many young collections make one of the
# middle generation, and how many of those one full collection.
THRESHOLDS = (5_000, 50, 100)

_settled = False


def settle_after_start_up() -> None:
    """Freeze what start-up built and raise the thresholds; once per process."""
    global _settled
    if _settled:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    _settled = True
