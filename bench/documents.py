"""How long reading and writing the official table takes, against a baseline in the same run.

    .venv/bin/python bench/documents.py [--repeat N] [--pdf-only] [--read-only]

1. For each step on the Khujirt seed, the median time per call and its ratio to the baseline
   (writing the JSON form of the same document), so figures from different machines can be
   compared.
2. Reading each format an organization may send (issue 11): the seed (11 measures) and a
   200-measure report, written by our writers (the text is the XLSX's rows joined by tabs, as
   pasted from Excel; .doc and .xls are LibreOffice's conversions of our DOCX and XLSX, and
   their reading includes converting them back), as ms per file, ms per 100 measures, and ×
   reading the same document's JSON (the baseline). The measures column is what was read.
3. The PDF of the seed (11 measures) and of a 200-measure report (issue 9's targets: under
   300 ms and under 3 s), warm (a long-lived process, as a gunicorn or task worker renders
   many) and cold (a fresh process: importing WeasyPrint and the first PDF), beside writing the
   same document as JSON and as HTML (the page WeasyPrint lays out). The CPU column is the
   process's own time: on a busy machine it stays what an idle one would show.

Measured on 2026-12-03, on a shared 2-core machine (load about 2), Liberation Serif:
11 measures (5 pages) 250 ms warm, cold 628 ms CPU (296 importing WeasyPrint + 331 the first
PDF); 200 measures (70 pages) 3.5 s warm. The writer before issue 9 item 6 (9e535ee), run
interleaved with today's: 284-313 ms and 4.3-4.4 s CPU, both with libharfbuzz-subset; without
it (fontTools subsets the fonts) a PDF takes about 150 ms more. Where the rest goes (pyinstrument):
Pango's line layout and WeasyPrint's Python per line and per glyph (layout ~60 %, drawing
~25 %), the cascade ~8 %, the HTML parser ~2 %.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from timing import median_ms  # noqa: E402

from shudarga.documents import jsonform  # noqa: E402
from shudarga.documents.model import ReportDocument  # noqa: E402
from shudarga.documents.readers import read_bytes  # noqa: E402
from shudarga.documents.scoring import score_document  # noqa: E402
from shudarga.documents.writers import FORMATS, write  # noqa: E402

SEED = ROOT / "shudarga/demo/khujirt-2024-anticorruption-report.txt"
TARGETS_MS = {11: 300, 200: 3000}


def seed_document() -> ReportDocument:
    return read_bytes(SEED.read_bytes(), source=SEED.name)


def large_document(seed: ReportDocument, objectives: int = 10, each: int = 20) -> ReportDocument:
    """10 objectives of 20 measures, the seed's measures (long texts) over and over."""
    measures = [m for o in seed.objectives for m in o.measures]
    return dataclasses.replace(seed, objectives=[
        dataclasses.replace(seed.objectives[0], number=str(o), measures=[
            dataclasses.replace(measures[(o * each + m) % len(measures)], number=f"{o}.{m}")
            for m in range(1, each + 1)
        ])
        for o in range(1, objectives + 1)
    ])  # fmt: skip


def cpu_median_ms(step: Callable[[], object], repeat: int) -> float:
    """Like timing.median_ms, in the CPU time of this process (other load does not count)."""
    step()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        step()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _cold_child(which: str) -> None:
    """Run in a fresh process: importing WeasyPrint, then the first PDF (CPU ms of each)."""
    document = seed_document() if which == "seed" else large_document(seed_document())
    start = time.process_time()
    import weasyprint  # noqa: F401 - what a worker's first PDF pays for

    from shudarga.documents.writers.pdf import write_pdf

    imported = time.process_time()
    write_pdf(document)
    done = time.process_time()
    print(json.dumps({"import": (imported - start) * 1000, "first": (done - imported) * 1000}))


def cold_ms(which: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--cold-child", which],
        capture_output=True, check=True, text=True, cwd=ROOT,
    ).stdout  # fmt: skip
    return json.loads(out.splitlines()[-1])


def _pages(pdf: bytes) -> str:
    """The page count by poppler's pdfinfo, where installed."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        return "?"
    out = subprocess.run([tool, "-"], input=pdf, capture_output=True, check=True).stdout
    return next(line.split()[-1] for line in out.decode().splitlines() if line.startswith("Pages:"))


def pdf_table(repeat: int = 5) -> None:
    """The PDF of 11 and of 200 measures beside the JSON and HTML of the same document."""
    seed = seed_document()
    print("\ndocument | measures | pages | PDF warm ms | warm CPU ms | target (CPU) | "
          "cold CPU ms (import + first) | JSON ms (baseline) | HTML ms | PDF × JSON")  # fmt: skip
    print("--- | --- | --- | --- | --- | --- | --- | --- | --- | ---")
    for name, which, document in (("Khujirt 2024", "seed", seed),
                                  ("200 measures", "large", large_document(seed))):  # fmt: skip
        count = sum(len(o.measures) for o in document.objectives)
        runs = repeat if count < 50 else max(3, repeat // 3)
        pdf = median_ms(lambda d=document: write(d, "pdf"), runs)
        cpu = cpu_median_ms(lambda d=document: write(d, "pdf"), runs)
        base = median_ms(lambda d=document: jsonform.dumps(d), 20)
        html = median_ms(lambda d=document: write(d, "html"), 20)
        cold = cold_ms(which)
        pages = _pages(write(document, "pdf"))
        target = TARGETS_MS[count]
        verdict = "met" if cpu < target else "missed"
        print(f"{name} | {count} | {pages} | {pdf:.0f} | {cpu:.0f} | < {target} ({verdict}) | "
              f"{cold['import'] + cold['first']:.0f} ({cold['import']:.0f} + {cold['first']:.0f})"
              f" | {base:.1f} | {html:.1f} | {pdf / base:.0f}")  # fmt: skip


def formats_table(repeat: int) -> None:
    data = SEED.read_bytes()
    document = read_bytes(data, source=SEED.name)
    steps: dict[str, Callable[[], object]] = {
        "write json (baseline)": lambda: jsonform.dumps(document),
        "read seed text": lambda: read_bytes(data, source=SEED.name),
        "score": lambda: score_document(document),
    }
    written = {}
    for fmt in FORMATS:
        if fmt == "json":
            continue
        written[fmt] = write(document, fmt)
        steps[f"write {fmt}"] = lambda fmt=fmt: write(document, fmt)
    for fmt in ("docx", "xlsx", "html"):
        steps[f"read {fmt}"] = lambda fmt=fmt: read_bytes(written[fmt], source=f"seed.{fmt}")
    baseline = None
    print(f"{'step':<24}{'median ms':>12}{'× baseline':>12}")
    for name, step in steps.items():
        runs = max(3, repeat // 5) if name == "write pdf" else repeat
        seconds = median_ms(step, runs) / 1000
        baseline = baseline or seconds
        print(f"{name:<24}{seconds * 1000:>12.2f}{seconds / baseline:>12.1f}")


def _tab_text(xlsx: bytes) -> bytes:
    """A report as pasted from Excel: each row's cells joined by tabs."""
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True).worksheets[0]
    rows = ("\t".join("" if v is None else str(v) for v in row) for row in sheet.values)
    return "\n".join(rows).encode("utf-8")


def _converted(data: bytes, source_ext: str, target_ext: str) -> bytes | None:
    """``data`` converted by LibreOffice (docx → doc, xlsx → xls), or None without it."""
    import tempfile

    tool = shutil.which("soffice") or shutil.which("libreoffice")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report.{source_ext}"
        path.write_bytes(data)
        subprocess.run(
            [tool, f"-env:UserInstallation=file://{folder}/profile", "--headless",
             "--convert-to", target_ext, "--outdir", folder, str(path)],
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
        return (Path(folder) / f"report.{target_ext}").read_bytes()


def _files(document: ReportDocument) -> dict[str, bytes | None]:
    docx, xlsx = write(document, "docx"), write(document, "xlsx")
    return {
        "json (baseline)": jsonform.dumps(document).encode("utf-8"),
        "text (tabs)": _tab_text(xlsx),
        "html": write(document, "html"),
        "docx": docx,
        "xlsx": xlsx,
        "pdf": write(document, "pdf"),
        "doc": _converted(docx, "docx", "doc"),
        "xls": _converted(xlsx, "xlsx", "xls"),
    }


def read_table(repeat: int) -> None:
    """Reading every format at 11 and at 200 measures; per 100 measures from the larger."""
    seed = seed_document()
    sizes = {11: _files(seed), 200: _files(large_document(seed))}
    print("\nread | 11 measures ms | 200 measures ms | ms per 100 measures | × JSON | "
          "measures read (11 / 200)")  # fmt: skip
    print("--- | --- | --- | --- | --- | ---")
    baseline = {}
    for name in sizes[11]:
        cells, counts = [], []
        for size, files in sizes.items():
            data = files[name]
            if data is None:
                cells.append(None)
                continue
            source = "report." + name.split()[0].replace("text", "txt")
            runs = max(3, repeat // (4 if name in ("doc", "xls", "pdf") else 1))
            runs = runs if size == 11 else max(3, runs // 4)
            cells.append(median_ms(lambda d=data, s=source: read_bytes(d, source=s), runs))
            document = read_bytes(data, source=source)
            counts.append(str(sum(len(o.measures) for o in document.objectives)))
        if cells[0] is None:
            print(f"{name} | (LibreOffice not installed) | | | |")
            continue
        baseline = baseline or {11: cells[0], 200: cells[1]}
        print(f"{name} | {cells[0]:.1f} | {cells[1]:.1f} | {cells[1] / 2:.1f} | "
              f"{cells[0] / baseline[11]:.0f} / {cells[1] / baseline[200]:.0f} | "
              f"{' / '.join(counts)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--pdf-only", action="store_true")
    parser.add_argument("--read-only", action="store_true", help="only the reading table")
    parser.add_argument("--cold-child", choices=("seed", "large"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_child:
        _cold_child(args.cold_child)
        return
    if args.read_only:
        read_table(args.repeat)
        return
    if not args.pdf_only:
        formats_table(args.repeat)
        read_table(args.repeat)
    pdf_table(max(3, args.repeat // 4))


if __name__ == "__main__":
    main()
