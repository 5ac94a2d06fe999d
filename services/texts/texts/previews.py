"""PDF previews of office files: LibreOffice (headless, Debian's ``libreoffice-*-nogui``)
converts a DOCX, XLSX, ODT, RTF, DOC, XLS, PPTX ... to a PDF, whose first page becomes the
thumbnail as a PDF's does (extraction.py); the PDF is kept as the file's preview.

Each conversion runs in a folder of its own with a user profile of its own
(``-env:UserInstallation``): two conversions at once never share LibreOffice's profile lock
or its running instance, and nothing of one file is left for the next. The profile starts
with macros off (none runs, signed or not) and links to other files and addresses never
updated, so a file converted runs nothing of its own and fetches nothing. The service's worker
runs at most ``TEXTS_CONCURRENCY`` files at once in a process, so never more conversions than
that run at once; each is killed past ``OFFICE_PREVIEW_TIMEOUT`` seconds.

A file LibreOffice cannot convert (a damaged one, a conversion past its time) raises
``NoPreview``: its text is kept as read, the job ends ``done`` with the reason, and the file
keeps its icon; it is not tried again until an operator asks for a re-extraction.
"""
import logging
import os
import posixpath
import shutil

from . import tools

log = logging.getLogger(__name__)

# the kinds LibreOffice draws (by the type the documents service sniffed, or the name's ending)
TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/rtf": ".rtf",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.ms-powerpoint": ".ppt",
}
EXTENSIONS = set(TYPES.values())
# the old binary formats, whose words are read from their preview's text layer
BINARY_TYPES = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}
BINARY_EXTENSIONS = {".doc", ".xls", ".ppt"}
PROGRAM = "soffice"
# the new profile's settings: no macro runs (security "very high", execution disabled); links
# to other files and addresses (Writer's and Calc's) are never updated
SETTINGS = (("Common/Security/Scripting", "MacroSecurityLevel", "3"),
            ("Common/Security/Scripting", "DisableMacrosExecution", "true"),
            ("Writer/Content/Update", "Link", "1"), ("Calc/Content/Update", "Link", "1"))


class NoPreview(Exception):
    """LibreOffice could not make a PDF of the file; the message says why."""


def extension(content_type, filename):
    """The office ending a file is converted by (its name's when that is an office one, else its
    type's), or None when it is no office file LibreOffice draws."""
    ext = posixpath.splitext(filename.lower())[1]
    if ext in EXTENSIONS:
        return ext
    return TYPES.get(content_type)


def is_binary(content_type, filename):
    return content_type in BINARY_TYPES or posixpath.splitext(filename.lower())[1] in BINARY_EXTENSIONS


def convert(path, *, ext, workdir, timeout):
    """A PDF of the office file at ``path`` (converted as a file ending in ``ext``), written in
    ``workdir``; NoPreview when LibreOffice is missing, fails or runs past ``timeout`` seconds."""
    program = shutil.which(PROGRAM)
    if program is None:
        raise NoPreview("LibreOffice is not installed (soffice), so no preview is made")
    folder = workdir / "preview"
    source, out, profile = folder / f"source{ext}", folder / "out", folder / "profile"
    out.mkdir(parents=True)
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_settings(), encoding="utf-8")
    os.link(path, source) if _same_device(path, folder) else shutil.copyfile(path, source)
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
               "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "pdf", "--outdir", str(out), str(source)]
    try:
        tools.run(command, timeout=timeout, env={"HOME": str(folder), "TMPDIR": str(folder)})
    except tools.ToolFailed as failed:
        raise NoPreview("LibreOffice ran past its time limit" if failed.code is None
                        else f"LibreOffice could not convert the file ({failed})") from None
    made = out / "source.pdf"
    if not made.exists() or made.stat().st_size == 0:
        # soffice exits 0 when its import filter refuses a file; it only writes no PDF then
        raise NoPreview("LibreOffice could not convert the file (no PDF was written)")
    shutil.rmtree(profile, ignore_errors=True)
    return made


def _settings():
    """SETTINGS as LibreOffice keeps a profile's own settings (registrymodifications.xcu)."""
    items = "".join(f'<item oor:path="/org.openoffice.Office.{path}"><prop oor:name="{name}" oor:op="fuse">'
                    f"<value>{value}</value></prop></item>\n" for path, name, value in SETTINGS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            f"{items}</oor:items>\n")


def _same_device(path, folder):
    return os.stat(path).st_dev == os.stat(folder).st_dev
