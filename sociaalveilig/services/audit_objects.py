"""The object types of the audit log, and how an entry names its object.

The audit viewer and the AVG art. 15 export (``subject_access.py``) find entries by object,
so each kind of object is named one way only:

- objects with a human reference are named by it: a case ``C-2026-00042``, a signal
  ``S-2026-000123``, an action ``A-2026-00007``, an escalation ``E-2026-00003``; a person
  involved is named in ``person_ref`` by the pseudonym ``P-2026-000015`` (never by name);
- objects without one are named by their id: visit, meeting, agenda item, buurtschouw,
  finding, focus area, user, partner, routing and retention rule;
- a list or batch (a search, an export, an import) has an object type of its own ending
  in ``_list``; its object id is empty, a focus area id, a case reference (the actions
  of one case) or a reference span (``S-2026-000001..S-2026-000040``);
- store-wide events (login, lock, backup, purge, verify) use ``store``, ``user`` or
  ``audit_log``.

Entries never hold content: no names, addresses or description text.
"""

from __future__ import annotations

from sociaalveilig.services.refs import RefKind

OBJ_CASE = "case"
OBJ_SIGNAL = "signal"
OBJ_ACTION = "action"
OBJ_ESCALATION = "escalation"
OBJ_PERSON = "person"
OBJ_VISIT = "visit"
OBJ_MEETING = "meeting"
OBJ_AGENDA_ITEM = "agenda_item"
OBJ_BUURTSCHOUW = "buurtschouw"
OBJ_FINDING = "finding"
OBJ_FOCUS_AREA = "focus_area"
OBJ_USER = "user"
OBJ_PARTNER = "partner"

OBJ_SIGNAL_LIST = "signal_list"
OBJ_CASE_LIST = "case_list"
OBJ_PERSON_LIST = "person_list"
"""A search for persons by name (the person picker); never with the text."""

REFERENCE_KINDS: dict[str, RefKind] = {
    OBJ_CASE: RefKind.CASE,
    OBJ_SIGNAL: RefKind.SIGNAL,
    OBJ_ACTION: RefKind.ACTION,
    OBJ_ESCALATION: RefKind.ESCALATION,
    OBJ_PERSON: RefKind.PERSON,
}
"""Object types named by their reference, with the kind of reference they take."""
