"""Infrastructure every Chancery service shares. It holds no domain logic.

psycopg 3 blocks eventlet's hub with its default wait function; nameko services run
on eventlet, so the select-based wait must be chosen before psycopg is first imported.
"""
import os

os.environ.setdefault("PSYCOPG_WAIT_FUNC", "wait_select")
