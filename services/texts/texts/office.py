"""The words of office files: DOCX (WordprocessingML), XLSX (openpyxl), OpenDocument (ODT,
ODS, ODP) and RTF. Read without LibreOffice: each format's own text elements, in order.

The zipped formats are read member by member with a bound on how much is unpacked (a
small file that unpacks to gigabytes is refused), and their XML is parsed without
resolving entities.
"""
import re
import zipfile
from xml.etree import ElementTree

from .extraction import TEXT_LIMIT, Unreadable

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
       "application/vnd.oasis.opendocument.presentation")
ZIP_TYPES = {"application/zip", DOCX, XLSX, PPTX, *ODF}
ZIP_EXTENSIONS = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"}
UNPACKED_LIMIT = 64 * 1024 * 1024  # bytes of XML one file may unpack to

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def zipped_text(path):
    """The text of a DOCX, XLSX, PPTX or OpenDocument file, told apart by its parts."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unreadable(f"the office file is damaged ({exc})") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" in names:
            parts = ["word/document.xml", *sorted(n for n in names if re.match(r"word/(header|footer|footnotes)", n))]
            return _join(_paragraphs(_xml(archive, part), f"{W}p", f"{W}t", (f"{W}tab",)) for part in parts)
        if "xl/workbook.xml" in names:
            return _workbook(path)
        if "ppt/presentation.xml" in names:
            slides = sorted((n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                            key=lambda n: int(re.search(r"(\d+)", n.rsplit("/", 1)[1]).group(1)))
            return _join(_paragraphs(_xml(archive, slide), f"{A}p", f"{A}t") for slide in slides)
        if "content.xml" in names:
            root = _xml(archive, "content.xml")
            return "\n".join("".join(element.itertext()) for element in root.iter()
                             if element.tag in (f"{TEXT_NS}p", f"{TEXT_NS}h"))
    raise Unreadable("a zip archive that is no DOCX, XLSX, PPTX or OpenDocument file")


def _xml(archive, name):
    info = archive.getinfo(name)
    if info.file_size > UNPACKED_LIMIT:
        raise Unreadable(f"{name} unpacks to {info.file_size} bytes (the limit is {UNPACKED_LIMIT})")
    with archive.open(name) as member:
        data = member.read(UNPACKED_LIMIT + 1)
    if b"<!ENTITY" in data[:4096]:
        raise Unreadable(f"{name} declares XML entities (refused)")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise Unreadable(f"{name} is damaged ({exc})") from None


def _paragraphs(root, paragraph, run_text, tabs=()):
    for p in root.iter(paragraph):
        yield "".join(element.text or "" if element.tag == run_text else "\t"
                      for element in p.iter() if element.tag == run_text or element.tag in tabs)


def _join(paragraph_groups):
    lines, length = [], 0
    for group in paragraph_groups:
        for line in group:
            lines.append(line)
            length += len(line) + 1
            if length >= TEXT_LIMIT:
                return "\n".join(lines)
    return "\n".join(lines)


def _workbook(path):
    from openpyxl import load_workbook
    source = open(path, "rb")  # a file, not a name: openpyxl refuses names without .xlsx
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        source.close()
        raise Unreadable(f"the spreadsheet is damaged ({exc})") from None
    lines, length = [], 0
    try:
        for sheet in workbook.worksheets:
            lines.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None and str(value).strip()]
                if cells:
                    line = "\t".join(cells)
                    lines.append(line)
                    length += len(line) + 1
                    if length >= TEXT_LIMIT:
                        return "\n".join(lines)
    finally:
        workbook.close()
        source.close()
    return "\n".join(lines)


CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


def rtf_text(path):
    """The text of an RTF file, its 8-bit characters read in the code page it declares."""
    from striprtf.striprtf import rtf_to_text
    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("not an RTF file")
    declared = CODEPAGE.search(data[:4096])
    encoding = f"cp{declared.group(1).decode()}" if declared else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    return rtf_to_text(data.decode("ascii", errors="replace"), encoding=encoding, errors="replace")
