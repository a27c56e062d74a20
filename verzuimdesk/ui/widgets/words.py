"""The desk's words for the domain's codes (lights, actions, categories, conversation kinds), through Qt's
translation system, and the colours of the lights and categories. Marked here, translated when shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from verzuimdesk.services.vocabulary import ActionKind, Category, ConversationKind, Light, Topic, format_date

CONTEXT = "Desk"

LIGHTS = {
    Light.RED: QT_TRANSLATE_NOOP("Desk", "Red"),
    Light.ORANGE: QT_TRANSLATE_NOOP("Desk", "Orange"),
    Light.GREEN: QT_TRANSLATE_NOOP("Desk", "Green"),
    Light.GREY: QT_TRANSLATE_NOOP("Desk", "Not enrolled"),
}
LIGHT_COLOURS = {Light.RED: "#d32f2f", Light.ORANGE: "#ef8c00", Light.GREEN: "#2e7d32", Light.GREY: "#9e9e9e"}

ACTIONS = {
    ActionKind.TALK_PUPIL: QT_TRANSLATE_NOOP("Desk", "Talk with the pupil"),
    ActionKind.CONTACT_PARENTS: QT_TRANSLATE_NOOP("Desk", "Contact the parents"),
    ActionKind.DUO_REPORT: QT_TRANSLATE_NOOP("Desk", "Report to DUO (via the pupil administration, verzuimregister)"),
    ActionKind.SCHOOL_DOCTOR: QT_TRANSLATE_NOOP("Desk", "Involve the youth doctor"),
    ActionKind.CARE_TEAM: QT_TRANSLATE_NOOP("Desk", "Discuss in the ZAT"),
    ActionKind.SUPPORT_PLAN: QT_TRANSLATE_NOOP("Desk", "Draw up or update the IHP/OPP"),
    ActionKind.SWV_REPORT: QT_TRANSLATE_NOOP("Desk", "Report to the SWV"),
    ActionKind.SUITABLE_OFFER: QT_TRANSLATE_NOOP("Desk", "Register a suitable offer"),
    ActionKind.ESCALATION: QT_TRANSLATE_NOOP("Desk", "Escalate"),
}

# An open DUO report that follows an earlier one of the same rule (the DUO sheet's "vervolgmelding").
DUO_FOLLOW_UP = QT_TRANSLATE_NOOP("Desk", "Follow-up report to DUO (via the pupil administration, verzuimregister)")

# What a report made (an event) is called in the Meldingen tab.
REPORTS = {
    ActionKind.DUO_REPORT: QT_TRANSLATE_NOOP("Desk", "DUO report (verzuimregister)"),
    ActionKind.SCHOOL_DOCTOR: QT_TRANSLATE_NOOP("Desk", "Youth doctor (JGZ) involved"),
    ActionKind.SWV_REPORT: QT_TRANSLATE_NOOP("Desk", "Report to the SWV"),
    ActionKind.CARE_TEAM: QT_TRANSLATE_NOOP("Desk", "Discussed in the ZAT"),
    ActionKind.SUITABLE_OFFER: QT_TRANSLATE_NOOP("Desk", "Suitable offer"),
    ActionKind.ESCALATION: QT_TRANSLATE_NOOP("Desk", "Escalation"),
    ActionKind.SUPPORT_PLAN: QT_TRANSLATE_NOOP("Desk", "IHP/OPP started or updated"),
    ActionKind.TALK_PUPIL: QT_TRANSLATE_NOOP("Desk", "Talk with the pupil"),
    ActionKind.CONTACT_PARENTS: QT_TRANSLATE_NOOP("Desk", "Contact with the parents"),
}

CATEGORIES = {
    Category.UNAUTHORISED: QT_TRANSLATE_NOOP("Desk", "Unauthorised"),
    Category.UNEXPLAINED: QT_TRANSLATE_NOOP("Desk", "Reason unknown"),
    Category.SICK: QT_TRANSLATE_NOOP("Desk", "Sick"),
    Category.AUTHORISED: QT_TRANSLATE_NOOP("Desk", "Authorised"),
    Category.LATE: QT_TRANSLATE_NOOP("Desk", "Late"),
    Category.SUSPENDED: QT_TRANSLATE_NOOP("Desk", "Suspended"),
    Category.PRESENT_ELSEWHERE: QT_TRANSLATE_NOOP("Desk", "Education elsewhere"),
}
CATEGORY_COLOURS = {
    Category.UNAUTHORISED: "#c62828",
    Category.UNEXPLAINED: "#8e24aa",
    Category.SICK: "#1e88e5",
    Category.AUTHORISED: "#43a047",
    Category.LATE: "#fbc02d",
    Category.SUSPENDED: "#6d4c41",
    Category.PRESENT_ELSEWHERE: "#80cbc4",
}

CONVERSATIONS = {
    ConversationKind.PUPIL: QT_TRANSLATE_NOOP("Desk", "Conversation with the pupil"),
    ConversationKind.PARENTS_PHONE: QT_TRANSLATE_NOOP("Desk", "Parents: by phone"),
    ConversationKind.PARENTS_MEETING: QT_TRANSLATE_NOOP("Desk", "Parents: at school"),
    ConversationKind.PARENTS_HOME: QT_TRANSLATE_NOOP("Desk", "Parents: home visit"),
    ConversationKind.CARE_TEAM: QT_TRANSLATE_NOOP("Desk", "ZAT / MDO"),
    ConversationKind.SCHOOL_DOCTOR: QT_TRANSLATE_NOOP("Desk", "Youth doctor (JGZ)"),
    ConversationKind.LEERPLICHT: QT_TRANSLATE_NOOP("Desk", "Attendance officer (leerplicht)"),
    ConversationKind.SOCIAL_WORK: QT_TRANSLATE_NOOP("Desk", "School social work"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def light_word(light: Light) -> str:
    return tr(LIGHTS[light])


def action_word(kind: ActionKind | str, *, follow_up: bool = False) -> str:
    """What the action asks; a DUO report that follows an earlier one says it is a vervolgmelding."""
    if follow_up and kind == ActionKind.DUO_REPORT:
        return tr(DUO_FOLLOW_UP)
    try:
        return tr(ACTIONS[ActionKind(kind)])
    except ValueError:
        return str(kind)


def report_word(kind: ActionKind | str) -> str:
    try:
        return tr(REPORTS[ActionKind(kind)])
    except (ValueError, KeyError):
        return str(kind)


def category_word(category: Category | str) -> str:
    try:
        return tr(CATEGORIES[Category(category)])
    except ValueError:
        return str(category)


TOPICS = {
    Topic.VERZUIM: QT_TRANSLATE_NOOP("Desk", "Absence (verzuim)"),
    Topic.GEZONDHEID: QT_TRANSLATE_NOOP("Desk", "Health"),
    Topic.THUISSITUATIE: QT_TRANSLATE_NOOP("Desk", "Home situation"),
    Topic.OVERIG: QT_TRANSLATE_NOOP("Desk", "Other"),
}


def topic_word(topic: Topic | str) -> str:
    try:
        return tr(TOPICS[Topic(topic)])
    except ValueError:
        return str(topic)


def conversation_word(kind: ConversationKind | str) -> str:
    try:
        return tr(CONVERSATIONS[ConversationKind(kind)])
    except ValueError:
        return str(kind)


def day_text(day: date | None) -> str:
    return format_date(day) if day else ""


_icons: dict[tuple[str, int], QIcon] = {}


def dot_icon(colour: str, size: int = 14) -> QIcon:
    """A filled circle: the light's colour beside (never instead of) its word."""
    key = (colour, size)
    if key not in _icons:
        pix = QPixmap(QSize(size, size))
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(colour))
        p.setPen(QColor(colour).darker(130))
        p.drawEllipse(1, 1, size - 2, size - 2)
        p.end()
        _icons[key] = QIcon(pix)
    return _icons[key]


def light_icon(light: Light) -> QIcon:
    return dot_icon(LIGHT_COLOURS[light])
