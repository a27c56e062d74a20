"""The dossier's header: name, group, age, the light and its full explanation — every rule with its numbers,
window dates and the records behind it, every action with due date, who is in regie and done or not."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from verzuimdesk.services.dossier_view import DeskDossier
from verzuimdesk.services.light_reason import deciding_hit, hits_in_order, rule_label
from verzuimdesk.services.vocabulary import Action, Light, RuleHit, format_date, number, public_rule_text
from verzuimdesk.ui.widgets.light_badge import LightBadge
from verzuimdesk.ui.widgets.words import action_word, category_word

if TYPE_CHECKING:
    from verzuimdesk.services.vocabulary import RecordRow



class DossierHeader(QWidget):
    """The name row on top; the explanation below it grows with the window (the dossier puts it in a
    splitter with the tabs). The deciding rule comes first; what is done folds away behind a link."""

    edit_guardians = Signal()
    edit_exemption = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guardians = QLabel()
        self.guardians.setTextFormat(Qt.TextFormat.PlainText)
        self.guardians.setWordWrap(True)
        self.guardians.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guardians_button = QPushButton(self.tr("Parents/carers…"))
        self.guardians_button.setAccessibleName(self.tr("Add or change parents and carers"))
        self.guardians_button.clicked.connect(self.edit_guardians)
        # PROTOCOLS.md §1b: from when the pupil is leerplichtig (or that the birth date is missing) and
        # the vrijstelling, with the button that records one
        self.leerplicht = QLabel()
        self.leerplicht.setTextFormat(Qt.TextFormat.PlainText)
        self.leerplicht.setWordWrap(False)
        self.leerplicht.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.leerplicht.setAccessibleName(self.tr("Leerplicht"))
        self.exemption_button = QPushButton(self.tr("Vrijstelling…"))
        self.exemption_button.setAccessibleName(self.tr("Record or change a vrijstelling van de leerplicht"))
        self.exemption_button.clicked.connect(self.edit_exemption)
        self.name = QLabel()
        font = self.name.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel()
        self.badge = LightBadge()
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.explanation = QTextBrowser()
        self.explanation.setOpenLinks(False)
        # about six lines: the deciding rule, its text and the first records, without scrolling
        self.explanation.setMinimumHeight(self.explanation.fontMetrics().lineSpacing() * 6 + 12)
        self.explanation.setAccessibleName(self.tr("Why this light"))
        self.explanation.anchorClicked.connect(self._on_link)
        self.show_done = False
        self._data: DeskDossier | None = None
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addSpacing(8)
        top.addWidget(self.name)
        top.addSpacing(12)
        top.addWidget(self.facts)
        top.addStretch(1)
        top.addWidget(self.step, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.leerplicht)
        carers = QHBoxLayout()
        carers.addWidget(self.guardians, 1)
        carers.addWidget(self.guardians_button)
        carers.addWidget(self.exemption_button)
        layout.addLayout(carers)
        layout.addWidget(self.explanation, 1)

    def show_dossier(self, d: DeskDossier) -> None:
        self._data = d
        pupil, status = d.dossier.pupil, d.status
        self.name.setText(pupil.name)
        facts = [self.tr("group %1").replace("%1", pupil.group), self.tr("number %1").replace("%1", pupil.number)]
        if d.jaargroep and d.jaargroep != pupil.group:  # a combination group: the pupil's own year
            facts.insert(1, self.tr("jaargroep %1").replace("%1", d.jaargroep))
        if d.age is not None:
            facts.insert(1, self.tr("%1 years").replace("%1", str(d.age)))
        law, details = self._leerplicht(d)
        self.facts.setText(" · ".join(facts))
        self.leerplicht.setText(" · ".join(law))
        self.leerplicht.setToolTip("\n".join(details))
        carers = "\n".join(g.line() for g in d.guardians) or self.tr("none entered yet")
        self.guardians.setText(self.tr("Parents/carers: %1").replace("%1", carers))
        self.badge.set_light(status.light)
        # not enrolled on the peildatum: no step of the stappenplan to be at
        self.step.setText("" if status.light is Light.GREY else self.tr("Now: %1").replace("%1", status.step.name))
        self._render()

    def _leerplicht(self, d: DeskDossier) -> tuple[list[str], list[str]]:
        """The facts about leerplicht ("leerplichtig vanaf 1 dec 2026", "geboortedatum ontbreekt", the
        vrijstelling on the peildatum), and every vrijstelling in full with its note for the tooltip."""
        when = format_date(d.leerplicht_start, weekday=False) if d.leerplicht_start else ""
        if d.birth_date_missing:
            facts = [self.tr("Birth date missing (taken as leerplichtig)")]
        elif d.leerplicht_start is not None and d.status.peildatum < d.leerplicht_start:
            facts = [self.tr("Not yet leerplichtig (from %1)").replace("%1", when)]
        else:
            facts = [self.tr("Leerplichtig from %1").replace("%1", when)]
        current = d.exemption_on_peildatum()
        if current is not None:
            end = format_date(current.end, weekday=False) if current.end else self.tr("until further notice")
            facts.append(self.tr("vrijgesteld (%1) until %2").replace("%1", current.article_text.split(":")[0])
                         .replace("%2", end))
        details = []
        if d.birth_date_missing:
            details.append(self.tr("Birth date missing: enter it in the LAS and import the pupils again."))
        for e in d.exemptions:
            end = format_date(e.end) if e.end else self.tr("until further notice")
            text = self.tr("Vrijstelling (%1): %2 – %3").replace("%1", e.article_text).replace(
                "%2", format_date(e.start)).replace("%3", end)
            details.append(f"{text}. {e.note}" if e.note else text)
        return facts, details

    def _render(self) -> None:
        """Set the explanation again, keeping where the reader had scrolled to (an edit reloads it)."""
        if self._data is None:
            return
        bar = self.explanation.verticalScrollBar()
        at = bar.value()
        details = self._leerplicht(self._data)[1]  # the vrijstelling in full, below the rules
        law = "".join(f"<p><i>{escape(line)}</i></p>" for line in details)
        self.explanation.setHtml(self._html(self._data) + law)
        bar.setValue(min(at, bar.maximum()))

    def _on_link(self, url: QUrl) -> None:
        if url.toString() == "#done":
            self.show_done = not self.show_done
            self._render()

    def _html(self, d: DeskDossier) -> str:
        status = d.status
        if status.light is Light.GREY:
            pupil, peil = d.dossier.pupil, status.peildatum
            if pupil.enrolled_until is not None and pupil.enrolled_until < peil:
                said = self.tr("Not enrolled on %1: left the school on %2.").replace("%2", format_date(
                    pupil.enrolled_until))
            elif pupil.enrolled_from > peil:
                said = self.tr("Not enrolled on %1: enrolled from %2.").replace("%2", format_date(
                    pupil.enrolled_from))
            else:
                said = self.tr("Not enrolled on %1.")
            return escape(said.replace("%1", format_date(peil)))
        if not status.rules:
            return escape(self.tr("No rule of the stappenplan holds on %1.").replace(
                "%1", format_date(status.peildatum)))
        records = d.records_by_id()
        why = self.tr("Why this light")
        on = self.tr("on %1").replace("%1", format_date(status.peildatum))
        hits = hits_in_order(status, d.protocol) if d.protocol else status.rules
        deciding = deciding_hit(status, d.protocol) if d.protocol else None
        parts = [f"<b>{escape(why)}</b> ({escape(on)})<ul>"]
        folded_rules = folded_actions = 0
        for hit in hits:
            actions = [a for a in status.actions if a.rule_id == hit.rule_id and a.trigger_date == hit.trigger_date]
            if actions and all(a.done for a in actions) and not self.show_done:
                folded_rules += 1
                continue
            shown = [a for a in actions if self.show_done or not a.done]
            folded_actions += len(actions) - len(shown)
            parts.append(self._hit_html(d, hit, hit is deciding, shown, records))
        parts.append("</ul>")
        folded = folded_rules + folded_actions
        hide, show = self.tr("Hide what is done"), self.tr("Show what is done (%1)")
        if self.show_done:
            parts.append(f"<p><a href='#done'>{escape(hide)}</a></p>")
        elif folded:
            parts.append(f"<p><a href='#done'>{escape(show.replace('%1', str(folded)))}</a></p>")
        return "".join(parts)

    def _hit_html(self, d: DeskDossier, hit: RuleHit, deciding: bool, actions: list[Action],
                  records: dict[int, RecordRow]) -> str:
        window = ""
        if hit.window_start and hit.window_end:
            window = self.tr("window %1 – %2").replace("%1", format_date(hit.window_start)).replace(
                "%2", format_date(hit.window_end))
        numbers = self.tr("%1 %3 (threshold %2)").replace("%1", number(hit.value)).replace(
            "%2", number(hit.threshold)).replace("%3", hit.unit)
        since = self.tr("since %1").replace("%1", format_date(hit.trigger_date))
        recs = [records[i] for i in hit.record_ids if i in records]
        shown = ", ".join(
            f"{format_date(r.day, weekday=False)} {escape(r.code)} ({escape(category_word(r.category))}"
            f"{', ' + number(r.minutes / 60) + ' u' if r.minutes else ''})" for r in recs[:12])
        if len(recs) > 12:
            shown += self.tr(" and %1 more").replace("%1", str(len(recs) - 12))
        name = rule_label(d.protocol, hit.rule_id) if d.protocol else hit.rule_id
        decides = self.tr("decides the colour")
        mark = f" <i>({escape(decides)})</i>" if deciding else ""
        # as the PDF reads it: other rules by their names, without the hints for the protocol file
        text = public_rule_text(hit.text, {r.id: r.label for r in d.protocol.rules}) if d.protocol else hit.text
        parts = [f"<li><b>{escape(name)}</b>{mark}: {escape(numbers)}; {escape(window)}; {escape(since)}."
                 f"<br/>{escape(text)}"]
        records_word = self.tr("Records:")
        if shown:
            parts.append(f"<br/><i>{escape(records_word)}</i> {shown}")
        for a in actions:
            state = self.tr("done") if a.done else (self.tr("OVERDUE") if a.overdue else self.tr("open"))
            legal = self.tr(", legal") if a.legal else ""
            colour = "#2e7d32" if a.done else ("#c62828" if a.overdue else "#ef8c00")
            due = self.tr("due %1").replace("%1", format_date(a.due_date))
            regie = self.tr("in charge: %1").replace("%1", a.regie)
            what = action_word(a.kind, follow_up=hit.follow_up)
            parts.append(f"<br/>→ {escape(what)}: {escape(due)}, {escape(regie)}{escape(legal)}"
                         f" — <b style='color:{colour}'>{escape(state)}</b>")
        parts.append("</li>")
        return "".join(parts)
