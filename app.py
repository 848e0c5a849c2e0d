"""Creator Desk: the Streamlit app. Run with `make run` or `streamlit run app.py`."""
from __future__ import annotations

import streamlit as st

from ui.auth import identity_sidebar
from ui.conversations import sync_all
from ui.nav import all_pages
from ui.resources import get_settings, start_warmup


def main() -> None:
    """Configure the page, check settings, start the warm-up, and run the page the user chose."""
    # An emoji favicon is drawn in the browser; a :material: one would be fetched from fonts.gstatic.com.
    st.set_page_config(page_title="Creator Desk", page_icon="💬", layout="wide")
    get_settings()  # a bad CREATOR_DESK_* value stops here with a message naming the variable
    start_warmup()  # the model and index load on a background thread while the first page draws
    current = st.navigation(all_pages())
    identity_sidebar()
    sync_all()  # before any page runs: Streamlit forgets widgets the chosen page does not draw
    current.run()


# Streamlit runs this file as __main__. The ingest sandbox's spawned child re-runs it as __mp_main__
# (Streamlit points sys.modules["__main__"] here), and must not build the app.
if __name__ == "__main__":
    main()
