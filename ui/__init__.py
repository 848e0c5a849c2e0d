"""The Streamlit pages (one file each) and their helpers: nav, resources, auth, conversations, common.

Only app.py and the tests import this package; the pages talk to assistant services, never to ingest or
vectorstore (tests/test_layers.py checks both)."""
