"""`python -m ui.serve [streamlit options]`: the Streamlit server with the models loading from the start.

`streamlit run app.py` runs nothing of the app until a browser connects, so the models would only start
loading then, and the first rep would wait for them; here the warm-up starts first, in the same process,
and the first page adopts it (ui/resources.py)."""
from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(options: list[str]) -> None:
    """Start the warm-up thread, then `streamlit run app.py` with the given options in this process."""
    from streamlit.web import cli

    from ui.resources import prewarm

    prewarm()
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main()  # click reads sys.argv; it exits the process when the server stops


# A spawned child process (the ingest sandbox) imports this module again as __mp_main__: it must not serve.
if __name__ == "__main__":
    main(sys.argv[1:])
