"""Which files a document takes: the kinds of file a document type accepts, and whether a
file's name agrees with what its bytes are.

The type of a file is sniffed from its first bytes (storage.sniff_content_type), never
taken from its name or from the uploader. A name whose extension says one thing while
the bytes say another (``report.pdf`` that is a Windows program) is refused, and so is a
file of a kind its document's type does not accept. Archives are a kind of their own,
accepted by no type unless an administrator adds it; Chancery never unpacks them.
"""
import posixpath

from .exceptions import InvalidInput

TEXT = "text/plain"
ZIP = "application/zip"
OLE = "application/x-ole-storage"  # a Microsoft compound file that the sniffer could not name further
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"

# kind -> {extension: the sniffed types a file with that extension may have}. Office files
# written by some programs put their parts in another order and sniff as a plain zip (or
# compound file), so those are accepted for the office extensions too.
KINDS = {
    "pdf": {".pdf": {"application/pdf"}},
    "images": {".png": {"image/png"}, ".jpg": {"image/jpeg"}, ".jpeg": {"image/jpeg"},
               ".gif": {"image/gif"}, ".tif": {"image/tiff"}, ".tiff": {"image/tiff"},
               ".bmp": {"image/bmp"}, ".webp": {"image/webp"}, ".heic": {"image/heic"}},
    "office": {".doc": {"application/msword", OLE}, ".xls": {"application/vnd.ms-excel", OLE},
               ".ppt": {"application/vnd.ms-powerpoint", OLE},
               ".docx": {DOCX, ZIP}, ".xlsx": {XLSX, ZIP}, ".pptx": {PPTX, ZIP},
               ".odt": {ODT, ZIP}, ".ods": {ODS, ZIP}, ".odp": {ODP, ZIP},
               ".rtf": {"application/rtf", TEXT}},
    "text": {".txt": {TEXT}, ".csv": {TEXT}, ".tsv": {TEXT}, ".md": {TEXT}, ".xml": {TEXT},
             ".json": {TEXT}},
    "email": {".eml": {TEXT}, ".msg": {OLE}},
    "archives": {".zip": {ZIP}, ".7z": {"application/x-7z-compressed"}, ".rar": {"application/x-rar-compressed"},
                 ".gz": {"application/gzip"}, ".tar": {"application/x-tar"}},
}
DEFAULT_KINDS = ("pdf", "images", "office", "text", "email")
EXPECTED = {extension: types for kinds in KINDS.values() for extension, types in kinds.items()}


def extension(filename):
    return posixpath.splitext(filename.lower())[1]


def check_kinds(kinds):
    """The kinds named (each once, in the catalogue's order), or InvalidInput naming the field."""
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise InvalidInput("Invalid input: accepted_file_kinds", {"accepted_file_kinds": [
            f"Unknown kinds of file: {', '.join(unknown)}; known: {', '.join(KINDS)}."]})
    if not kinds:
        raise InvalidInput("Invalid input: accepted_file_kinds", {"accepted_file_kinds": [
            "Accept at least one kind of file."]})
    return [kind for kind in KINDS if kind in kinds]


def refusal(filename, content_type, accepted_kinds):
    """Why a file may not be attached to a document of a type accepting these kinds, or None."""
    ext = extension(filename)
    if ext in EXPECTED:
        if content_type not in EXPECTED[ext]:
            return (f"{filename}: the name says {ext} but the contents are {content_type}; "
                    "rename the file or upload the right one.")
        kind = next(kind for kind, extensions in KINDS.items() if ext in extensions)
        if kind in accepted_kinds:
            return None
        return f"{filename}: files of the kind {kind} are not accepted for this document type " \
               f"(it accepts {', '.join(accepted_kinds)})."
    if not ext and any(content_type in types for kind in accepted_kinds for types in KINDS[kind].values()):
        return None  # no extension: the contents decide
    shown = ext or "without an extension"
    return f"{filename}: files {shown} ({content_type}) are not accepted for this document type " \
           f"(it accepts {', '.join(accepted_kinds)})."
