"""What do I do now, and by when? One verdict for the reader's order, from its timeline.

The rules, in order:

1. A deadline the reader must meet that has passed makes the verdict ``late``, and the
   action says what can still be done today. The timeline keeps that for dates the
   reader's own facts set: a general rule's passed last day becomes checking the order's
   countdown today (``urgent``), since it may still run; a payment route's passed date is
   only worth knowing while AliExpress's own route is open.
2. Waiting on someone else (the seller, AliExpress, the refund) is a ``wait`` until that
   date, unless a deadline the reader must meet falls on or before it: then the
   deadline governs, and the action says not to wait. A wait with no known end (a
   return on its way) gives way to any deadline.
3. A deadline the reader must meet is ``act`` when more than three days away, else
   ``urgent``: a countdown of "3 days" ends within three days and some hours.
4. A wait that is over, with no deadline known, is followed up today (``urgent``):
   where no source gives a limit, the safe plan is not to delay.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .timeline import Deadline, Kind, Order, Step, steps, worded
from .words import _, spoken

State = Literal["wait", "act", "urgent", "late"]
STATES: tuple[State, ...] = ("wait", "act", "urgent", "late")
URGENT_WITHIN = 3
"""A deadline this many days away, or fewer, is urgent."""


@dataclass(frozen=True)
class Verdict:
    """The one answer: ``state``, the one ``date`` it is about, and the ``action``.

    ``why`` holds the steps weighed, the one that sets the date first.
    """

    state: State
    date: datetime.date
    action: str
    why: tuple[Deadline, ...]

    @property
    def step(self) -> Step:
        return self.why[0].step


class NothingToPlan(ValueError):
    """The facts lead to no dated step at all."""


def decide(timeline: tuple[Deadline, ...], today: date) -> Verdict:
    """The verdict for an order's timeline (see the module's rules)."""
    must = min((d for d in timeline if d.kind is Kind.MUST), key=_date, default=None)
    waits = [d for d in timeline if d.kind is Kind.WAIT]
    ongoing = [d for d in waits if d.open_ended or d.date > today]
    wait = min((d for d in ongoing if not d.open_ended), key=_date, default=None)
    endless = next((d for d in ongoing if d.open_ended), None)
    if must is not None and (must.ended or must.date < today):
        return Verdict("late", must.date, worded(must.step.overdue), (must,))
    if wait is not None and (must is None or wait.date < must.date):
        return Verdict("wait", wait.date, worded(wait.step.advice), _weighed(wait, must))
    if must is not None:
        state: State = "urgent" if (must.date - today).days <= URGENT_WITHIN else "act"
        pending = wait or endless
        if pending is not None and pending.step.before_deadline:
            action = worded(pending.step.before_deadline).format(date=spoken(pending.date))
        else:
            action = worded(must.step.advice)
        return Verdict(state, must.date, action, _weighed(must, pending))
    if endless is not None:
        return Verdict("wait", today, worded(endless.step.advice), (endless,))
    if waits:
        over = max(waits, key=_date)
        return Verdict("urgent", today, worded(over.step.overdue), (over,))
    raise NothingToPlan(_("These dates do not lead to any deadline: add another date."))


def _date(deadline: Deadline) -> date:
    return deadline.date


def _weighed(first: Deadline, second: Deadline | None) -> tuple[Deadline, ...]:
    return (first,) if second is None else (first, second)


def assess(order: Order, today: date) -> tuple[Verdict, tuple[Deadline, ...]]:
    """The order's verdict and every step that still applies to it."""
    timeline = steps(order, today)
    return decide(timeline, today), timeline
