from __future__ import annotations

import itertools
from enum import StrEnum

import pytest

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    SignalStatus,
    VisitOutcome,
    VisitStatus,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.workflow import (
    ALLOWED_TRANSITIONS,
    INITIAL_STATUS,
    STATUS_TYPES,
    WorkflowKind,
    allowed_next,
    check_transition,
    is_final,
    status_label,
)

K = WorkflowKind

# The process, written out independently of the module's table: (kind, from, to).
EXPECTED_ALLOWED: set[tuple[WorkflowKind, str, str]] = {
    (K.SIGNAL, "nieuw", "gerouteerd"),
    (K.SIGNAL, "nieuw", "gekoppeld"),
    (K.SIGNAL, "nieuw", "afgewezen"),
    (K.SIGNAL, "gerouteerd", "gekoppeld"),
    (K.SIGNAL, "gerouteerd", "afgewezen"),
    (K.SIGNAL, "gerouteerd", "afgehandeld"),
    (K.SIGNAL, "gekoppeld", "gerouteerd"),
    (K.SIGNAL, "gekoppeld", "nieuw"),
    (K.SIGNAL, "gekoppeld", "afgehandeld"),
    (K.SIGNAL, "afgewezen", "nieuw"),
    (K.CASE, "open", "in_behandeling"),
    (K.CASE, "open", "opgeschaald"),
    (K.CASE, "open", "afgesloten"),
    (K.CASE, "in_behandeling", "opgeschaald"),
    (K.CASE, "in_behandeling", "afgesloten"),
    (K.CASE, "opgeschaald", "in_behandeling"),
    (K.CASE, "opgeschaald", "afgesloten"),
    (K.CASE, "afgesloten", "heropend"),
    (K.CASE, "heropend", "in_behandeling"),
    (K.CASE, "heropend", "opgeschaald"),
    (K.CASE, "heropend", "afgesloten"),
    (K.ACTION, "open", "in_uitvoering"),
    (K.ACTION, "open", "afgerond"),
    (K.ACTION, "open", "vervallen"),
    (K.ACTION, "in_uitvoering", "afgerond"),
    (K.ACTION, "in_uitvoering", "vervallen"),
    (K.VISIT, "gepland", "uitgevoerd"),
    (K.VISIT, "gepland", "niemand_thuis"),
    (K.VISIT, "gepland", "geweigerd"),
    (K.VISIT, "gepland", "geannuleerd"),
    (K.ESCALATION, "aangemeld", "in_behandeling"),
    (K.ESCALATION, "aangemeld", "teruggelegd"),
    (K.ESCALATION, "aangemeld", "afgesloten"),
    (K.ESCALATION, "in_behandeling", "teruggelegd"),
    (K.ESCALATION, "in_behandeling", "afgesloten"),
}

ALL_PAIRS = [
    (kind, old, new)
    for kind, status_type in STATUS_TYPES.items()
    for old, new in itertools.product(list(status_type), repeat=2)
]


def test_table_covers_every_status_of_every_kind() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(WorkflowKind)
    for kind, status_type in STATUS_TYPES.items():
        assert set(ALLOWED_TRANSITIONS[kind]) == set(status_type)
        for targets in ALLOWED_TRANSITIONS[kind].values():
            assert all(isinstance(t, status_type) for t in targets)
    assert {
        (kind, str(old), str(new))
        for kind, table in ALLOWED_TRANSITIONS.items()
        for old, targets in table.items()
        for new in targets
    } == EXPECTED_ALLOWED


@pytest.mark.parametrize(("kind", "old", "new"), ALL_PAIRS, ids=lambda v: str(v))
def test_every_pair(kind: WorkflowKind, old: StrEnum, new: StrEnum) -> None:
    if (kind, str(old), str(new)) in EXPECTED_ALLOWED:
        check_transition(kind, old, new)
        check_transition(kind, str(old), str(new))  # stored codes work as well
        assert new in allowed_next(kind, old)
        return
    with pytest.raises(ValidationError) as info:
        check_transition(kind, old, new)
    error = info.value
    assert error.field == "status"
    assert error.exit_code == 4
    options = allowed_next(kind, old)
    assert new not in options
    for option in options:
        assert f"'{status_label(option)}'" in error.message
    refused_labels = {status_label(s) for s in STATUS_TYPES[kind] if s not in options}
    for label in refused_labels - {status_label(old), status_label(new)}:
        assert f"'{label}'" not in error.message
    if options:
        assert "Toegestaan vanuit" in error.message
    else:
        assert "eindstatus" in error.message


def test_message_reads_well() -> None:
    with pytest.raises(ValidationError) as info:
        check_transition(K.ACTION, ActionStatus.OPEN, "open")
    assert info.value.message == (
        "De status is al 'Open'. Toegestaan vanuit 'Open': "
        "'In uitvoering', 'Afgerond', 'Vervallen'."
    )
    with pytest.raises(ValidationError) as info:
        check_transition(K.CASE, CaseStatus.AFGESLOTEN, CaseStatus.IN_BEHANDELING)
    assert info.value.message == (
        "Een casus kan niet van 'Afgesloten' naar 'In behandeling'. "
        "Toegestaan vanuit 'Afgesloten': 'Heropend'."
    )
    with pytest.raises(ValidationError) as info:
        check_transition(K.VISIT, VisitStatus.NIEMAND_THUIS, VisitStatus.GEPLAND)
    assert info.value.message == (
        "Een huisbezoek kan niet van 'Niemand thuis' naar 'Gepland'. "
        "'Niemand thuis' is een eindstatus; er is geen volgende status."
    )


def test_unknown_status_code_refused() -> None:
    with pytest.raises(ValidationError) as info:
        check_transition(K.CASE, "open", "gesloten")
    assert info.value.field == "status"
    assert "Onbekende status 'gesloten'" in info.value.message
    assert "Afgesloten" in info.value.message
    with pytest.raises(ValidationError):
        allowed_next(K.SIGNAL, "open")  # a case status, not a signal status


def test_allowed_next_in_process_order() -> None:
    assert allowed_next(K.CASE, CaseStatus.OPEN) == (
        CaseStatus.IN_BEHANDELING,
        CaseStatus.OPGESCHAALD,
        CaseStatus.AFGESLOTEN,
    )
    assert allowed_next(K.SIGNAL, "nieuw") == (
        SignalStatus.GEROUTEERD,
        SignalStatus.GEKOPPELD,
        SignalStatus.AFGEWEZEN,
    )
    assert allowed_next(K.ESCALATION, EscalationStatus.TERUGGELEGD) == ()


def test_final_statuses() -> None:
    finals = {
        (kind, str(status))
        for kind, status_type in STATUS_TYPES.items()
        for status in status_type
        if is_final(kind, status)
    }
    assert finals == {
        (K.SIGNAL, "afgehandeld"),
        (K.ACTION, "afgerond"),
        (K.ACTION, "vervallen"),
        (K.VISIT, "uitgevoerd"),
        (K.VISIT, "niemand_thuis"),
        (K.VISIT, "geweigerd"),
        (K.VISIT, "geannuleerd"),
        (K.ESCALATION, "teruggelegd"),
        (K.ESCALATION, "afgesloten"),
    }


def test_every_status_reachable_from_the_initial_one() -> None:
    for kind, status_type in STATUS_TYPES.items():
        seen = {INITIAL_STATUS[kind]}
        todo = [INITIAL_STATUS[kind]]
        while todo:
            for nxt in ALLOWED_TRANSITIONS[kind][todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert seen == set(status_type), kind


def test_visit_outcomes_are_transitions_from_planned() -> None:
    for outcome in VisitOutcome:
        check_transition(K.VISIT, VisitStatus.GEPLAND, outcome.status)
    assert VisitOutcome.NIEMAND_THUIS.needs_new_visit
    assert not VisitOutcome.UITGEVOERD.needs_new_visit
    assert not VisitOutcome.GEWEIGERD.needs_new_visit


def test_afschaling_returns_a_case_to_in_behandeling() -> None:
    check_transition(K.CASE, CaseStatus.OPGESCHAALD, CaseStatus.IN_BEHANDELING)
    check_transition(K.ESCALATION, EscalationStatus.IN_BEHANDELING, EscalationStatus.TERUGGELEGD)


# --- the enums behind the tables (stored codes and Dutch labels) ---------------------------


def test_enum_codes_are_the_stored_dutch_values() -> None:
    from sociaalveilig.core import enums

    assert [m.value for m in enums.Role] == [
        "beheerder", "coordinator", "wijkagent", "partner", "manager",
    ]
    assert [m.value for m in enums.Source] == [
        "politie", "woningcorporatie", "gemeente", "zorg", "bewoner", "buurtschouw",
        "buurtbijeenkomst", "anders",
    ]
    assert [m.value for m in enums.Urgency] == ["laag", "normaal", "hoog", "acuut"]
    assert enums.MeetingType.FL == "fysieke_leefomgeving"
    assert enums.MeetingType.AV == "achter_de_voordeur"
    assert {m.value for m in enums.RouteTarget} == {
        "fysieke_leefomgeving", "achter_de_voordeur", "coordinator",
    }
    assert [m.value for m in enums.EscalationStatus] == [
        "aangemeld", "in_behandeling", "teruggelegd", "afgesloten",
    ]
    assert [m.value for m in enums.RiskLevel] == ["laag", "midden", "hoog"]
    assert [m.value for m in enums.ActionType] == [
        "gezamenlijk_huisbezoek", "controle", "integrale_controle", "handhavingstraject",
        "juridische_procedure", "hulpverleningstraject", "buurtbijeenkomst", "cpted_analyse",
        "fysieke_aanpassing",
    ]
    assert [m.value for m in enums.EscalationTarget] == ["zvh", "riec", "pga", "veilig_thuis"]
    assert [m.value for m in enums.VisitOutcome] == ["uitgevoerd", "niemand_thuis", "geweigerd"]


def test_every_enum_member_has_a_label() -> None:
    from enum import EnumType

    from sociaalveilig.core import enums

    classes = [
        value for value in vars(enums).values()
        if isinstance(value, EnumType) and issubclass(value, StrEnum) and value is not StrEnum
    ]
    assert len(classes) == 14
    for cls in classes:
        labels = [member.label for member in cls]  # type: ignore[attr-defined]
        assert all(isinstance(label, str) and label for label in labels), cls
        assert len(set(labels)) == len(labels), cls


def test_labels_named_in_the_domain() -> None:
    from sociaalveilig.core import enums

    assert enums.MeetingType.FL.label == "Overleg fysieke leefomgeving"
    assert enums.MeetingType.AV.label == "Overleg achter de voordeur"
    assert enums.EscalationTarget.ZVH.label == "Zorg- en Veiligheidshuis Parkstad"
    assert enums.EscalationTarget.RIEC.label == "RIEC Limburg"
    assert enums.EscalationTarget.PGA.label == "Persoonsgerichte aanpak / Preventie met Gezag"
    assert enums.EscalationTarget.VEILIG_THUIS.label == "Veilig Thuis"
    assert enums.RouteTarget.FYSIEKE_LEEFOMGEVING.meeting_type is enums.MeetingType.FL
    assert enums.RouteTarget.COORDINATOR.meeting_type is None
    assert enums.MeetingType.AV.route_target is enums.RouteTarget.ACHTER_DE_VOORDEUR


def test_labels_go_through_the_translator() -> None:
    from sociaalveilig.core import enums, i18n

    i18n.install(lambda context, text: {"Veilig Thuis": "Safe at Home"}.get(text, text))
    try:
        assert enums.EscalationTarget.VEILIG_THUIS.label == "Safe at Home"
        assert enums.EscalationTarget.RIEC.label == "RIEC Limburg"
    finally:
        i18n._translate = None
