"""PDF minutes and agendas read with pdfplumber into plain text for the printed layout.

pdfplumber (on pdfminer.six) groups a page's characters into lines by their position,
so a heading set in a larger font, a line of names and a footer each come out as the
reader sees them; pages are joined in order, with their running headers and footers
left for the layout readers to recognise and report. A PDF without a text layer (a
scan) is refused in one sentence: the importer does not guess at pictures of text.
"""

from __future__ import annotations

import io
import logging

from workflow.importers import bounds
from workflow.importers.common import ImportFailed

__all__ = ["read_pdf"]


def read_pdf(data: bytes, source: str) -> tuple[str, str]:
    """The text of the PDF, page after page, and the title in its properties."""
    bounds.check_size(source, len(data))
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count > bounds.MAX_PDF_PAGES:
                raise ImportFailed(f"{source} has {count:,} pages, more than the "
                                   f"{bounds.MAX_PDF_PAGES:,} an imported PDF may have; split it "
                                   "into one file per meeting.")
            title = _title(pdf.metadata)
            for page in pdf.pages:
                pages.append(page.extract_text(x_tolerance=1.5, y_tolerance=3) or "")
                page.close()
                bounds.check_lines(source, sum(p.count("\n") + 1 for p in pages))
    except ImportFailed:
        raise
    except PDFPasswordIncorrect:
        raise ImportFailed(f"{source} is a PDF protected by a password; save an unprotected "
                           "copy and import that.") from None
    except Exception as exc:  # pdfminer raises many kinds of error on damaged files
        raise ImportFailed(f"{source} is a damaged PDF that cannot be read "
                           f"({type(exc).__name__}).") from None
    if not any(page.strip() for page in pages):
        raise ImportFailed(f"{source} is a scanned PDF with no text layer; run it through text "
                           "recognition (OCR) first, or import the council's text or Word copy.")
    return "\n".join(pages), title


def _title(metadata: object) -> str:
    if not isinstance(metadata, dict):
        return ""
    for key in ("Title", "Subject"):
        value = metadata.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""
