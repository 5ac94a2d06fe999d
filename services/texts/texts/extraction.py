"""The text of one stored file, read by its kind, with a searchable PDF of a scan, a PDF
preview of an office file and a thumbnail of the first page of each.

- a PDF with a text layer: its text (pypdf); a PDF without one (a scan): OCRmyPDF with
  Tesseract in Russian and English, which writes a searchable PDF beside the original and
  the recognised text;
- an image (JPEG, PNG, TIFF with any number of pages, BMP, GIF, WebP): its pages put into
  one PDF at their own resolution (300 dpi when they do not say), then OCR as a scan;
- DOCX, XLSX, ODT/ODS/ODP, RTF: the words of the document (office.py), and a PDF preview
  made by LibreOffice with its first page as the thumbnail (previews.py; a file LibreOffice
  cannot convert keeps its text and is marked, in ``note``);
- DOC, XLS, PPT (the old binary formats): the words of their LibreOffice preview;
- an e-mail file (.eml): its headers, its body and the text of each attachment, each read
  as a file of its own kind (email.py);
- plain text: itself.

A file that can never be read (a broken PDF, an encrypted one, a kind without words)
raises ``Unreadable`` with the reason: it is marked failed, not tried again. Anything else
that goes wrong (a program killed, the disk full) may pass, and the job is tried again a
bounded number of times.
"""
import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import filetype

from . import previews, tools

log = logging.getLogger(__name__)

TEXT_LIMIT = 200_000  # characters kept of one file's text (the documents service indexes as much)
# a PDF page holding at least this many characters on average has a text layer (no OCR)
TEXT_LAYER_CHARS_PER_PAGE = 20
THUMBNAIL_WIDTH = 320
IMAGE_TYPES = {"image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif", "image/webp"}
DEFAULT_DPI = 300
SKIPPED_PAGES = re.compile(r"\[OCR skipped on page\(s\)[^\]]*\]")
# ocrmypdf's exit codes that say the input itself cannot be read (bad PDF, encrypted, ...)
OCRMYPDF_BAD_INPUT = {2: "the PDF is damaged or not a PDF", 6: "the PDF already has text",
                      8: "the PDF is encrypted (protected by a password)"}


class Unreadable(Exception):
    """The file's text can never be read; the message says why."""


@dataclass
class Settings:
    languages: str = "rus+eng"
    ocr_timeout: int = 600  # seconds one file's OCR may take
    ocr_jobs: int = 1  # pages OCRmyPDF works on at once (each runs one Tesseract)
    max_pages: int = 500  # a PDF with more pages is read only for its text layer
    # straighten skewed pages first: a straighter searchable PDF, at about twice the time per
    # page (Tesseract reads a page skewed by a degree or two as well without it)
    deskew: bool = False
    office_previews: bool = True  # office files converted to PDF by LibreOffice (previews.py)
    preview_timeout: int = 120  # seconds one conversion may take

    @classmethod
    def from_config(cls, config):
        return cls(languages=str(config.get("OCR_LANGUAGES", "rus+eng")),
                   ocr_timeout=int(config.get("OCR_TIMEOUT", 600)),
                   ocr_jobs=int(config.get("OCR_JOBS", 1)),
                   max_pages=int(config.get("OCR_MAX_PAGES", 500)),
                   deskew=_flag(config.get("OCR_DESKEW", "false")),
                   office_previews=_flag(config.get("OFFICE_PREVIEWS", "true")),
                   preview_timeout=int(config.get("OFFICE_PREVIEW_TIMEOUT", 120)))


def _flag(value):
    return str(value).lower() in ("1", "true", "yes")


@dataclass
class Extracted:
    text: str
    method: str  # text_layer | ocr | office | email | plain
    pages: int | None = None
    rendition: Path | None = None  # the searchable PDF of a scan, the PDF preview of an office file
    thumbnail: Path | None = None  # a PNG of the first page
    note: str | None = None  # what could not be made though the text was read (an office file's preview)


def extract(path, *, content_type, filename, workdir, settings, depth=0):
    """Read the file at ``path`` (its type sniffed by the documents service) in ``workdir``."""
    from . import office  # which reads with this module's limits
    path, workdir = Path(path), Path(workdir)
    ext = posixpath.splitext(filename.lower())[1]
    if content_type == "application/pdf":
        result = _pdf(path, workdir, settings)
    elif content_type in IMAGE_TYPES:
        result = _image(path, workdir, settings)
    elif ext == ".eml" or content_type == "message/rfc822":
        from . import email  # which reads each attachment with extract()
        result = email.extract(path, workdir=workdir, settings=settings, depth=depth)
    elif ext == ".rtf" or content_type == "application/rtf":
        result = _office(path, office.rtf_text, content_type, filename, workdir, settings, depth)
    elif content_type in office.ZIP_TYPES or ext in office.ZIP_EXTENSIONS:
        result = _office(path, office.zipped_text, content_type, filename, workdir, settings, depth)
    elif previews.is_binary(content_type, filename) and settings.office_previews:
        result = _binary_office(path, content_type, filename, workdir, settings)
    elif content_type.startswith("text/") or content_type in ("application/json", "application/xml"):
        result = Extracted(path.read_bytes()[:4 * TEXT_LIMIT].decode("utf-8", errors="replace"), "plain")
    else:
        raise Unreadable(f"no text can be read from files of the type {content_type}")
    result.text = result.text.replace("\x00", " ")[:TEXT_LIMIT].strip()
    return result


def sniff(path):
    """The content type of an attachment from its first bytes (as the documents service does)."""
    with open(path, "rb") as source:
        head = source.read(8192)
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data":
            return "application/octet-stream"
    return "application/octet-stream" if b"\x00" in head else "text/plain"


# office files --------------------------------------------------------------------------------

def _office(path, reader, content_type, filename, workdir, settings, depth):
    """An office file's words, and (a stored file's, not an attachment's) its PDF preview and
    the thumbnail of the preview's first page; a preview LibreOffice cannot make is noted."""
    result = Extracted(tools.in_thread(reader, path), "office")
    ext = previews.extension(content_type, filename)
    if depth or not settings.office_previews or ext is None:
        return result
    try:
        pdf = previews.convert(path, ext=ext, workdir=workdir, timeout=settings.preview_timeout)
    except previews.NoPreview as exc:
        log.info("no preview of %s: %s", filename, exc)
        result.note = f"no preview: {exc}"
        return result
    result.rendition, result.thumbnail = pdf, _pdf_thumbnail(pdf, workdir)
    result.pages = tools.in_thread(_page_count, pdf)
    return result


def _binary_office(path, content_type, filename, workdir, settings):
    """A DOC, XLS or PPT: read from the text layer of its LibreOffice preview, kept as its preview."""
    ext = previews.extension(content_type, filename) or ".doc"
    try:
        pdf = previews.convert(path, ext=ext, workdir=workdir, timeout=settings.preview_timeout)
    except previews.NoPreview as exc:
        raise Unreadable(f"the office file cannot be read: {exc}") from None
    text, pages = tools.in_thread(_text_layer, pdf)
    return Extracted(text, "office", pages, rendition=pdf, thumbnail=_pdf_thumbnail(pdf, workdir))


def _page_count(pdf):
    from pypdf import PdfReader
    try:
        return len(PdfReader(str(pdf)).pages)
    except Exception:  # the preview is shown anyway; its count is only told
        return None


# PDFs and scans ------------------------------------------------------------------------------

def _pdf(path, workdir, settings):
    layer, pages = tools.in_thread(_text_layer, path)
    thumbnail = _pdf_thumbnail(path, workdir)
    if len(layer.strip()) >= TEXT_LAYER_CHARS_PER_PAGE * max(pages, 1) or pages > settings.max_pages:
        return Extracted(layer, "text_layer", pages, thumbnail=thumbnail)
    rendition, text = ocr(path, workdir, settings)
    return Extracted(text, "ocr", pages, rendition=rendition, thumbnail=thumbnail)


def _text_layer(path):
    """The PDF's own text and its number of pages; Unreadable when it is no readable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise Unreadable(OCRMYPDF_BAD_INPUT[8])
            except NotImplementedError:
                raise Unreadable(OCRMYPDF_BAD_INPUT[8]) from None
        parts, length = [], 0
        for page in reader.pages:
            part = page.extract_text() or ""
            parts.append(part)
            length += len(part)
            if length >= TEXT_LIMIT:
                break
        return "\n".join(parts), len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise Unreadable(f"{OCRMYPDF_BAD_INPUT[2]} ({exc})") from None


def ocr(pdf, workdir, settings):
    """OCRmyPDF on a PDF of scanned pages: the searchable PDF (the pages as they were, the
    recognised words laid under them) and the recognised text."""
    out, sidecar = workdir / "searchable.pdf", workdir / "ocr.txt"
    command = ["ocrmypdf", "--quiet", "-l", settings.languages, "--output-type", "pdf", "--skip-text",
               *(["--deskew"] if settings.deskew else []), "--optimize", "0", "--jobs", str(settings.ocr_jobs),
               "--sidecar", str(sidecar), str(pdf), str(out)]
    try:
        # one Tesseract thread per page job: --jobs bounds the CPUs one file takes
        tools.run(command, timeout=settings.ocr_timeout, env={"OMP_THREAD_LIMIT": "1", "TMPDIR": str(workdir)})
    except tools.ToolFailed as failed:
        if failed.code in OCRMYPDF_BAD_INPUT:
            raise Unreadable(OCRMYPDF_BAD_INPUT[failed.code]) from None
        raise
    text = sidecar.read_text(encoding="utf-8", errors="replace") if sidecar.exists() else ""
    # the sidecar marks a page that had text already; the words are in the text layer then
    return out, SKIPPED_PAGES.sub("", text).replace("\f", "\n")


def _pdf_thumbnail(pdf, workdir):
    """A PNG of the first page, THUMBNAIL_WIDTH wide (pdftoppm), or None when it cannot be drawn."""
    target = workdir / "thumbnail"
    try:
        tools.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x", str(THUMBNAIL_WIDTH),
                   "-scale-to-y", "-1", str(pdf), str(target)], timeout=120)
    except tools.ToolFailed as failed:
        log.info("no thumbnail of %s: %s", pdf, failed)
        return None
    made = target.with_suffix(".png")
    return made if made.exists() else None


def _image(path, workdir, settings):
    pdf, thumbnail, pages = tools.in_thread(_image_to_pdf, path, workdir)
    rendition, text = ocr(pdf, workdir, settings)
    return Extracted(text, "ocr", pages, rendition=rendition, thumbnail=thumbnail)


def _image_to_pdf(path, workdir):
    """Every page (frame) of an image as one PDF at the image's resolution, and a thumbnail
    of the first page; Unreadable when it is no image Pillow can read."""
    from PIL import Image, ImageSequence, UnidentifiedImageError
    try:
        with Image.open(path) as image:
            dpi = image.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI)
            resolution = float(dpi[0]) if 50 <= float(dpi[0]) <= 1200 else DEFAULT_DPI
            pages = [_plain(frame) for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as exc:
        raise Unreadable(f"the image cannot be read ({exc})") from None
    target = workdir / "pages.pdf"
    pages[0].save(target, "PDF", resolution=resolution, save_all=True, append_images=pages[1:])
    thumbnail = workdir / "thumbnail.png"
    first = pages[0].copy()
    first.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 2))
    first.save(thumbnail, "PNG", optimize=True)
    return target, thumbnail, len(pages)


def _plain(frame):
    """A frame as RGB or greyscale (what a PDF page takes), transparency on white."""
    from PIL import Image
    if frame.mode in ("RGBA", "LA", "P"):
        frame = frame.convert("RGBA")
        background = Image.new("RGB", frame.size, "white")
        background.paste(frame, mask=frame.getchannel("A"))
        return background
    if frame.mode in ("1", "L", "RGB"):
        return frame.copy()
    return frame.convert("RGB")
