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
- ``project, OCR_DESKEW``: OCR_JOBS=1 with the pages straightened first (off by default).

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


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench ocr", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=6, help="scanned pages recognised in each measurement")
    parser.add_argument("--languages", default="rus+eng")
    args = parser.parse_args(argv)
    from . import scans
    report = {
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_average_at_start": round(os.getloadavg()[0], 2),
                    "tesseract": subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
                    .stdout.splitlines()[0],
                    "ocrmypdf": subprocess.run(["ocrmypdf", "--version"], capture_output=True,
                                               text=True).stdout.strip()},
        "parameters": {"pages": args.pages, "languages": args.languages, "dpi": scans.DPI},
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
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
