"""Under `mkdocs serve`: Python's cycle collector waits until a rebuild is over.

A rebuild makes and drops hundreds of thousands of objects while the memos keep as many
alive; the collector then makes a full pass during nearly every rebuild, about a tenth of a
second on this project's data, before the page shows. Here it is off while a served build
runs (with `serve_memos`) and makes its pass half a second after the build, while serve
waits for the next edit; a build that starts sooner cancels that pass and the next one
makes it. A failed build turns it back on as well.
"""

from __future__ import annotations

import gc
import threading

AFTER = 0.5  # seconds after a build


class Collector:
    def __init__(self) -> None:
        self._pass: threading.Timer | None = None

    def pause(self) -> None:
        if self._pass is not None:
            self._pass.cancel()
            self._pass = None
        gc.disable()

    def resume(self) -> None:
        gc.enable()
        if self._pass is None:
            self._pass = threading.Timer(AFTER, gc.collect)
            self._pass.daemon = True
            self._pass.start()
