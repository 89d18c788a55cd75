"""What do I do now, and by when? One verdict for the reader's order, from its timeline.

The rules, in order:

1. A deadline the reader must meet that has passed makes the verdict ``late``: the
   safest date is gone, and the action says what can still be done today.
2. Waiting on someone else (the seller, AliExpress, the refund) is a ``wait`` until that
   date, unless a deadline the reader must meet falls on or before it: then the
   deadline governs, and the action says not to wait.
3. A deadline the reader must meet is ``act`` when more than two days away, else
   ``urgent``.
4. A wait that is over, with no deadline known, is followed up today (``urgent``):
   where no source gives a limit, the safe plan is not to delay.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .timeline import Deadline, Kind, Order, Step, steps
from .words import _, spoken

State = Literal["wait", "act", "urgent", "late"]
STATES: tuple[State, ...] = ("wait", "act", "urgent", "late")
URGENT_WITHIN = 2
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
    wait = min((d for d in waits if d.date > today), key=_date, default=None)
    if must is not None and must.date < today:
        return Verdict("late", must.date, _(must.step.overdue), (must,))
    if wait is not None and (must is None or wait.date < must.date):
        return Verdict("wait", wait.date, _(wait.step.advice), _weighed(wait, must))
    if must is not None:
        state: State = "urgent" if (must.date - today).days <= URGENT_WITHIN else "act"
        if wait is not None and wait.step.before_deadline:
            action = _(wait.step.before_deadline).format(date=spoken(wait.date))
        else:
            action = _(must.step.advice)
        return Verdict(state, must.date, action, _weighed(must, wait))
    if waits:
        over = max(waits, key=_date)
        return Verdict("urgent", today, _(over.step.overdue), (over,))
    raise NothingToPlan(_("These dates do not lead to any deadline: add another date."))


def _date(deadline: Deadline) -> date:
    return deadline.date


def _weighed(first: Deadline, second: Deadline | None) -> tuple[Deadline, ...]:
    return (first,) if second is None else (first, second)


def assess(order: Order, today: date) -> tuple[Verdict, tuple[Deadline, ...]]:
    """The order's verdict and every step that still applies to it."""
    timeline = steps(order, today)
    return decide(timeline, today), timeline
