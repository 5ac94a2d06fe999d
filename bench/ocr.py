"""``python -m bench ocr``: how many scanned pages a minute the texts service recognises on
this machine, against its floor.

Makes ``--pages`` A4 pages of Russian text at 200 dpi with noise and a slight skew
(bench/scans.py), then measures, each on the same pages and on one CPU's worth of Tesseract
(OMP_THREAD_LIMIT=1):

- the floor: the ``tesseract`` command on each page's PNG alone (``-l rus+eng``, text out):
  recognition and nothing else;
- ``project``: the texts service's own path, ``texts.extraction.extract`` on the pages as one
  image-only PDF with ``OCR_JOBS=1``: OCRmyPDF (rasterising, deskewing, Tesseract, the
  searchable PDF written), the recognised text and the first page's thumbnail;
- ``project, OCR_JOBS=2``: the same with two pages at once (what compose and Kubernetes set);
- ``project, OCR_DESKEW``: OCR_JOBS=1 with the pages straightened first (off by default);
- ``office``: ``--office`` office files (DOCX of three pages and XLSX of two sheets, by turns)
  through the same path: their words read, LibreOffice's PDF preview (a profile of its own per
  file) and the thumbnail of its first page: files and pages per minute.

``python -m bench ocr batch`` (bench/ocr_batch.py) measures instead how registration and the
registry's page answer while a batch of scans is being recognised, against idle.

Prints pages per minute and the ratio project / floor (OCRmyPDF's own work on top of the
recognition), counts how often a word that is twice on every page was recognised, and writes
bench/results/ocr.json. Needs the Debian packages of ``scripts/ocr-packages``.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import datetime, timezone
from pathlib import Path

from . import office_files, scans
from .stats import verdict

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")

RESULTS = Path(__file__).resolve().parent / "results" / "ocr.json"
# the service's whole path (PDF in, searchable PDF, text and thumbnail out) may cost at most
# this many times the bare recognition of the same pages: OCRmyPDF rasterises, deskews and
# writes a PDF around each Tesseract run
RATIO_TARGET = 2.0
WORD = "Покупател"  # on every page (bench/scans.py)


def pages_per_minute(pages, seconds):
    return round(pages * 60.0 / seconds, 1)


def measure_floor(images, workdir, languages):
    started = time.perf_counter()
    texts = []
    for number, path in enumerate(images):
        out = workdir / f"floor-{number}"
        subprocess.run(["tesseract", str(path), str(out), "-l", languages], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        texts.append(out.with_suffix(".txt").read_text())
    seconds = time.perf_counter() - started
    return seconds, sum(text.count(WORD) for text in texts)


def measure_project(pdf, workdir, languages, jobs, deskew=False):
    from texts import extraction
    settings = extraction.Settings(languages=languages, ocr_jobs=jobs, ocr_timeout=3600, deskew=deskew)
    folder = Path(tempfile.mkdtemp(dir=workdir))
    started = time.perf_counter()
    found = extraction.extract(pdf, content_type="application/pdf", filename="scan.pdf", workdir=folder,
                               settings=settings)
    seconds = time.perf_counter() - started
    assert found.method == "ocr" and found.rendition.exists() and found.thumbnail.exists()
    return seconds, found.text.count(WORD)


def make_office_files(count, workdir):
    """``count`` office files by turns: a DOCX of about three pages, an XLSX of two sheets."""
    from openpyxl import Workbook
    made = []
    for number in range(count):
        if number % 2 == 0:
            path = workdir / f"contract-{number}.docx"
            paragraphs = [f"{line} ({n})" for n in range(12) for line in scans.RUSSIAN]
            path.write_bytes(office_files.docx(paragraphs))
            made.append((path, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        else:
            path = workdir / f"prices-{number}.xlsx"
            workbook = Workbook()
            for sheet_number in range(2):
                sheet = workbook.active if sheet_number == 0 else workbook.create_sheet()
                sheet.append(["Позиция", "Количество", "Цена"])
                for row in range(60):
                    sheet.append([f"{WORD}ь щебня {row}", row + 1, 1250.5 + row])
            workbook.save(path)
            made.append((path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    return made


def measure_office(files, workdir):
    """Each office file through the texts service's path, one after the other (as one worker
    with TEXTS_CONCURRENCY=1 does): seconds, pages of the previews, previews made."""
    from texts import extraction
    settings = extraction.Settings()
    started = time.perf_counter()
    pages = previews = 0
    for path, content_type in files:
        folder = Path(tempfile.mkdtemp(dir=workdir))
        found = extraction.extract(path, content_type=content_type, filename=path.name, workdir=folder,
                                   settings=settings)
        previews += bool(found.rendition and found.thumbnail)
        pages += found.pages or 0
    return time.perf_counter() - started, pages, previews


def main(argv=None):
    if argv and argv[:1] == ["batch"]:  # registration during a batch of scans (bench/ocr_batch.py)
        from . import ocr_batch
        return ocr_batch.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench ocr", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=6, help="scanned pages recognised in each measurement")
    parser.add_argument("--languages", default="rus+eng")
    parser.add_argument("--office", type=int, default=10, help="office files converted to their previews")
    args = parser.parse_args(argv)
    report = {
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_average_at_start": round(os.getloadavg()[0], 2),
                    "tesseract": subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
                    .stdout.splitlines()[0],
                    "ocrmypdf": subprocess.run(["ocrmypdf", "--version"], capture_output=True,
                                               text=True).stdout.strip(),
                    "libreoffice": subprocess.run(["soffice", "--version"], capture_output=True,
                                                  text=True).stdout.strip()},
        "parameters": {"pages": args.pages, "languages": args.languages, "dpi": scans.DPI,
                       "office_files": args.office},
    }
    with tempfile.TemporaryDirectory(prefix="chancery-bench-ocr-") as scratch:
        workdir = Path(scratch)
        print(f"Drawing {args.pages} scanned pages ...", flush=True)
        pages = [scans.contract_page(100 + n, seed=n) for n in range(args.pages)]
        images = []
        for number, page in enumerate(pages):
            path = workdir / f"page-{number}.png"
            path.write_bytes(scans.save([page], "png"))
            images.append(path)
        pdf = workdir / "scan.pdf"
        pdf.write_bytes(scans.save(pages, "pdf"))
        rows = {}
        print("Floor: tesseract on each page ...", flush=True)
        seconds, recognised = measure_floor(images, workdir, args.languages)
        rows["floor"] = {"seconds": round(seconds, 2), "pages_per_minute": pages_per_minute(args.pages, seconds),
                         "words_found": recognised}
        for key, jobs, deskew in (("project_jobs_1", 1, False), ("project_jobs_2", 2, False),
                                  ("project_deskew", 1, True)):
            print(f"The texts service's path, OCR_JOBS={jobs}{', OCR_DESKEW' if deskew else ''} ...", flush=True)
            seconds, recognised = measure_project(pdf, workdir, args.languages, jobs, deskew)
            rows[key] = {"seconds": round(seconds, 2), "pages_per_minute": pages_per_minute(args.pages, seconds),
                         "words_found": recognised}
        print(f"Office files: {args.office} converted to their PDF previews and thumbnails ...", flush=True)
        seconds, pages, previews = measure_office(make_office_files(args.office, workdir), workdir)
        report["office"] = {"files": args.office, "pages": pages, "previews": previews, "seconds": round(seconds, 2),
                            "files_per_minute": pages_per_minute(args.office, seconds),
                            "pages_per_minute": pages_per_minute(pages, seconds)}
    report["results"] = rows
    report["ratio"] = round(rows["project_jobs_1"]["seconds"] / rows["floor"]["seconds"], 2)
    report["verdict"] = verdict(report["ratio"], at_most=RATIO_TARGET)
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    print(f"\n  {'path':<48}{'pages/min':>10}{'seconds':>10}{'words':>8}")
    names = {"floor": "floor: tesseract CLI, page by page",
             "project_jobs_1": "project: extraction.extract, OCR_JOBS=1",
             "project_jobs_2": "project: extraction.extract, OCR_JOBS=2",
             "project_deskew": "project: OCR_JOBS=1 with OCR_DESKEW"}
    for key, name in names.items():
        row = rows[key]
        print(f"  {name:<48}{row['pages_per_minute']:>10.1f}{row['seconds']:>10.1f}"
              f"{row['words_found']:>5}/{2 * args.pages}")
    print(f"  {'ratio project (OCR_JOBS=1) / floor, seconds':<48}{report['ratio']:>10.2f}"
          f"   target: <= {RATIO_TARGET}  {report['verdict']}\n")
    office = report["office"]
    print(f"  office previews (LibreOffice): {office['files_per_minute']:.1f} files a minute, "
          f"{office['pages_per_minute']:.1f} pages a minute ({office['previews']}/{office['files']} previews, "
          f"{office['pages']} pages in {office['seconds']:.1f} s)\n")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
