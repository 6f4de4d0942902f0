"""PDF building blocks (reportlab) with a CJK font every PDF reader has built in."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

CJK_FONT = "STSong-Light"  # a CID font every PDF reader has; nothing to embed


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    right: ParagraphStyle


def styles(*, leading: float = 17, title_size: float = 18) -> Styles:
    """The house styles over the CJK font (registered on first use)."""
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    body = ParagraphStyle("body", fontName=CJK_FONT, fontSize=11, leading=leading, wordWrap="CJK")
    return Styles(
        body=body,
        title=ParagraphStyle(
            "title", parent=body, fontSize=title_size, leading=title_size * 1.45, alignment=1
        ),
        section=ParagraphStyle("section", parent=body, fontSize=13, leading=22, spaceBefore=8),
        right=ParagraphStyle("right", parent=body, alignment=2),
    )


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of the user's text as text: reportlab reads markup (and would load images
    named in it), so it is escaped; line breaks are kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def ruled_table(
    rows: Sequence[Sequence[str]], style: ParagraphStyle, widths: Sequence[float]
) -> Table:
    """A grid table of escaped paragraphs whose first row repeats on every page."""
    table = Table(
        [[plain_paragraph(cell, style) for cell in row] for row in rows],
        colWidths=list(widths),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, "#888888"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return table


def build_pdf(story: list[object], title: str) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title).build(story)
    return buffer.getvalue()
