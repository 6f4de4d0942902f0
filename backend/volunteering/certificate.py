"""The hours certificate (志愿服务时长证明): a volunteer's service records and total hours, as
a PDF with the same built-in CJK font as the minutes."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from backend.meetings.minutes import CJK_FONT, plain_paragraph
from backend.volunteering.services import minutes_to_hours

LOCAL = ZoneInfo("Asia/Shanghai")
HEADER = ["日期", "服务内容", "时长（小时）", "积分"]


@dataclass(frozen=True)
class ServiceLine:
    started_at: datetime
    description: str
    minutes: int
    points: int


@dataclass(frozen=True)
class Certificate:
    name: str
    issuer: str
    lines: list[ServiceLine]
    issued_on: date

    @property
    def total_minutes(self) -> int:
        return sum(line.minutes for line in self.lines)

    @property
    def total_points(self) -> int:
        return sum(line.points for line in self.lines)


def certificate_pdf(data: Certificate) -> bytes:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    body = ParagraphStyle("body", fontName=CJK_FONT, fontSize=11, leading=18, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=30, alignment=1)
    right = ParagraphStyle("right", parent=body, alignment=2)
    hours = minutes_to_hours(data.total_minutes)
    story: list[object] = [
        plain_paragraph("志愿服务时长证明", title),
        Spacer(1, 8 * mm),
        plain_paragraph(
            f"兹证明 {data.name} 同志共参加志愿服务 {len(data.lines)} 次，"
            f"累计服务时长 {hours:g} 小时，获得积分 {data.total_points} 分。特此证明。",
            body,
        ),
        Spacer(1, 6 * mm),
    ]
    rows = [HEADER] + [
        [
            line.started_at.astimezone(LOCAL).strftime("%Y-%m-%d"),
            line.description,
            f"{minutes_to_hours(line.minutes):g}",
            str(line.points),
        ]
        for line in data.lines
    ]
    table = Table(
        [[plain_paragraph(cell, body) for cell in row] for row in rows],
        colWidths=[30 * mm, 90 * mm, 28 * mm, 22 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, "#888888"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    story += [
        table,
        Spacer(1, 12 * mm),
        plain_paragraph(data.issuer, right),
        plain_paragraph(data.issued_on.strftime("%Y年%m月%d日"), right),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="志愿服务时长证明").build(story)
    return buffer.getvalue()
