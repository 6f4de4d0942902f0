"""The hours certificate (志愿服务时长证明): a volunteer's service records and total hours, as
a PDF in the house style of every document (backend/documents)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from backend.core.models import LOCAL_ZONE
from backend.documents.pdf import build_pdf, plain_paragraph, ruled_table, styles
from backend.volunteering.services import minutes_to_hours

LOCAL = LOCAL_ZONE
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
    house = styles(leading=18, title_size=20)
    body, title, right = house.body, house.title, house.right
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
    story += [
        ruled_table(rows, body, [30 * mm, 90 * mm, 28 * mm, 22 * mm]),
        Spacer(1, 12 * mm),
        plain_paragraph(data.issuer, right),
        plain_paragraph(data.issued_on.strftime("%Y年%m月%d日"), right),
    ]
    return build_pdf(story, "志愿服务时长证明")
