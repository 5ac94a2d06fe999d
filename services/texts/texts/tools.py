"""The programs the texts service runs (OCRmyPDF with Tesseract, pdftoppm), and CPU-bound
Python work, both without blocking the service's event loop.

A nameko service runs on eventlet: one OS thread whose green threads keep the broker's
heartbeats and the other entrypoints going. A program is run through eventlet's green
``Popen`` (waiting on it yields to the loop); parsing in Python (pypdf, Pillow, openpyxl)
runs in eventlet's thread pool (``in_thread``), so a long parse never stalls the loop.
"""
import os
import signal
import tempfile

from eventlet import tpool
from eventlet.green import subprocess


class ToolFailed(Exception):
    """A program exited with an error (``code``) or ran past its time limit (``code`` None)."""

    def __init__(self, program, code, output):
        self.program, self.code, self.output = program, code, output
        said = output.strip().splitlines()[-1] if output.strip() else ""
        super().__init__(f"{program} {'timed out' if code is None else f'exited with {code}'}"
                         f"{': ' + said if said else ''}")


def run(command, *, timeout, env=None):
    """Run a program to its end (its output to a temporary file, never a pipe that could fill);
    raises ToolFailed on a non-zero exit or past ``timeout`` seconds (the program is killed with
    every process it started: it runs in a session of its own, as LibreOffice's ``soffice``
    starts ``soffice.bin`` and OCRmyPDF its Tesseracts)."""
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
            code = None
        output.seek(0)
        said = output.read()[-4000:].decode("utf-8", errors="replace")
    if code != 0:
        raise ToolFailed(os.path.basename(command[0]), code, said)
    return said


def in_thread(function, *args, **kwargs):
    """Call a CPU-bound function in a real thread; the event loop goes on meanwhile."""
    return tpool.execute(function, *args, **kwargs)
