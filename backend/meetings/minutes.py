"""Meeting minutes (会议纪要) in the usual format, as .docx and PDF, and the .ics invitation.

Built from the record whenever they are asked for, so a correction to the record or to the
minutes text shows in the next download.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from icalendar import Calendar, Event
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.core.models import key
from backend.documents.pdf import build_pdf, plain_paragraph, ruled_table, styles
from backend.documents.word import document_bytes, new_document
from backend.meetings.models import (
    ActionItem,
    AgendaItem,
    AttendanceStatus,
    Decision,
    JointMeeting,
    MeetingAttendance,
)
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit

BEIJING = timezone(timedelta(hours=8))
NUMERALS = "一二三四五六七八九十"


@dataclass
class ItemMinutes:
    title: str
    notes: str | None
    decision: str | None
    actions: list[tuple[str, str, str, str]] = field(default_factory=list)


@dataclass
class MinutesData:
    title: str
    organisation: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    chair: str
    present: list[str]
    on_leave: list[str]
    absent: list[str]
    text: str | None
    items: list[ItemMinutes]

    @property
    def when(self) -> str:
        start, end = self.starts_at.astimezone(BEIJING), self.ends_at.astimezone(BEIJING)
        return f"{start:%Y年%m月%d日 %H:%M}–{end:%H:%M}"


def _numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= len(NUMERALS) else str(n)


def _decision_text(decision: Decision) -> str:
    votes = ""
    if decision.votes_for is not None:
        votes = (
            f"（赞成 {decision.votes_for} 票，反对 {decision.votes_against} 票，"
            f"弃权 {decision.votes_abstain} 票）"
        )
    return f"{decision.outcome.label}{votes}：{decision.text}"


async def load_minutes(session: AsyncSession, meeting: JointMeeting) -> MinutesData:
    """The record behind the minutes, in a fixed number of statements."""
    organisation = await session.get(Organisation, meeting.organisation_id)
    chair = await session.get(Person, meeting.chair_id) if meeting.chair_id else None
    attendance = (
        await session.execute(
            select(
                col(MeetingAttendance.status),
                col(MeetingAttendance.proxy_name),
                col(Person.name),
                col(ResidentUnit.name),
            )
            .join(Person, col(Person.id) == col(MeetingAttendance.person_id))
            .outerjoin(ResidentUnit, col(ResidentUnit.id) == col(MeetingAttendance.unit_id))
            .where(col(MeetingAttendance.meeting_id) == meeting.id)
            .order_by(col(MeetingAttendance.id))
        )
    ).all()
    items = list(
        (
            await session.execute(
                select(AgendaItem)
                .where(col(AgendaItem.meeting_id) == meeting.id)
                .order_by(col(AgendaItem.position))
            )
        ).scalars()
    )
    decisions = {
        d.agenda_item_id: d
        for d in (
            await session.execute(
                select(Decision).where(col(Decision.agenda_item_id).in_([i.id for i in items]))
            )
        ).scalars()
    }
    actions = (
        await session.execute(
            select(ActionItem, col(ResidentUnit.name), col(Person.name))
            .outerjoin(ResidentUnit, col(ResidentUnit.id) == col(ActionItem.owner_unit_id))
            .outerjoin(Person, col(Person.id) == col(ActionItem.owner_person_id))
            .where(col(ActionItem.decision_id).in_([d.id for d in decisions.values()]))
            .order_by(col(ActionItem.id))
        )
    ).all()
    by_decision: dict[int, list[tuple[str, str, str, str]]] = {}
    for action, unit_name, person_name in actions:
        owner = "、".join(n for n in (unit_name, person_name) if n)
        by_decision.setdefault(action.decision_id, []).append(
            (action.title, owner, f"{action.due_on:%Y-%m-%d}", action.expected_result or "")
        )

    def named(status: AttendanceStatus) -> list[str]:
        return [
            f"{name}（{unit}）" if unit else name for s, _, name, unit in attendance if s is status
        ]

    present = named(AttendanceStatus.PRESENT) + [
        f"{name}（委托 {proxy} 出席）"
        for s, proxy, name, _ in attendance
        if s is AttendanceStatus.PROXY
    ]
    return MinutesData(
        title=f"{meeting.title}纪要",
        organisation=organisation.name if organisation else "",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue,
        chair=chair.name if chair else "",
        present=present,
        on_leave=named(AttendanceStatus.ON_LEAVE),
        absent=named(AttendanceStatus.ABSENT) + named(AttendanceStatus.INVITED),
        text=meeting.minutes_text,
        items=[
            ItemMinutes(
                title=item.title,
                notes=item.discussion_notes,
                decision=_decision_text(decisions[item.id]) if item.id in decisions else None,
                actions=by_decision.get(key(decisions[key(item)]), [])
                if key(item) in decisions
                else [],
            )
            for item in items
        ],
    )


def minutes_draft(data: MinutesData) -> str:
    """A first text of the minutes, from the record, for the convener to edit: who met,
    when and where, then each item with what it decided (and the votes) and the action
    items it assigned."""
    present, on_leave, absent = len(data.present), len(data.on_leave), len(data.absent)
    invited = present + on_leave + absent
    chair = f"，{data.chair}主持" if data.chair else ""
    lines = [
        f"{data.when}，{data.organisation}在{data.venue}召开{data.title.removesuffix('纪要')}"
        f"{chair}。应到 {invited} 人，实到 {present} 人（请假 {on_leave} 人，缺席 {absent} 人）。",
    ]
    if data.present:
        lines.append(f"出席：{'、'.join(data.present)}。")
    if data.items:
        lines.append(f"会议审议了 {len(data.items)} 项议题：")
    for number, item in enumerate(data.items, start=1):
        lines.append(f"{_numeral(number)}、{item.title}")
        if item.notes:
            lines.append(f"讨论情况：{item.notes}")
        lines.append(f"决议：{item.decision or '未作决议'}")
        for title, owner, due, _expected in item.actions:
            lines.append(f"督办：{title}，由{owner or '（未定）'}承办，{due} 前完成。")
    return "\n".join(lines)


def _header_lines(data: MinutesData) -> list[tuple[str, str]]:
    return [
        ("时间", data.when),
        ("地点", data.venue),
        ("主持", data.chair or "—"),
        ("出席", "、".join(data.present) or "—"),
        ("请假", "、".join(data.on_leave) or "无"),
        ("缺席", "、".join(data.absent) or "无"),
    ]


def all_actions(data: MinutesData) -> list[tuple[str, str, str, str]]:
    return [action for item in data.items for action in item.actions]


ACTION_HEADER = ("督办事项", "承办单位/人", "期限", "预期结果")


def minutes_docx(data: MinutesData) -> bytes:
    document = new_document()
    heading = document.add_heading(data.title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, value in _header_lines(data):
        document.add_paragraph(f"{label}：{value}")
    if data.text:
        document.add_paragraph(data.text)
    for number, item in enumerate(data.items, start=1):
        document.add_heading(f"{_numeral(number)}、{item.title}", level=2)
        if item.notes:
            document.add_paragraph(f"讨论情况：{item.notes}")
        document.add_paragraph(f"决议：{item.decision or '未作决议'}")
    actions = all_actions(data)
    document.add_heading("督办事项", level=2)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ACTION_HEADER, strict=True):
        cell.text = text
    for action in actions:
        for cell, text in zip(table.add_row().cells, action, strict=True):
            cell.text = text
    document.add_paragraph(data.organisation).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document_bytes(document)


def minutes_pdf(data: MinutesData) -> bytes:
    house = styles()
    body, title, section = house.body, house.title, house.section
    story: list[object] = [plain_paragraph(data.title, title), Spacer(1, 6 * mm)]
    story += [plain_paragraph(f"{label}：{value}", body) for label, value in _header_lines(data)]
    if data.text:
        story.append(plain_paragraph(data.text, body))
    for number, item in enumerate(data.items, start=1):
        story.append(plain_paragraph(f"{_numeral(number)}、{item.title}", section))
        if item.notes:
            story.append(plain_paragraph(f"讨论情况：{item.notes}", body))
        story.append(plain_paragraph(f"决议：{item.decision or '未作决议'}", body))
    story.append(plain_paragraph("督办事项", section))
    rows = [ACTION_HEADER, *all_actions(data)]
    story.append(ruled_table(rows, body, [60 * mm, 45 * mm, 25 * mm, 45 * mm]))
    return build_pdf(story, data.title)


def invitation_ics(meeting: JointMeeting, agenda: list[str], host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//gongjian//joint meetings//ZH")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"joint-meeting-{meeting.id}@{host}")
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("location", meeting.venue)
    event.add("description", "议程：\n" + "\n".join(f"{n}. {t}" for n, t in enumerate(agenda, 1)))
    event.add("sequence", meeting.version)
    calendar.add_component(event)
    return cast(bytes, calendar.to_ical())
