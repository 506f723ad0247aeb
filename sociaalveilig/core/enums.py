"""The domain's closed vocabularies.

Each enum's *value* is the Dutch code that is stored in the database and written in CSV
exports; it never changes. ``label`` is the Dutch display text, looked up through ``tr`` at
the moment it is read, so a translator installed later by the ui layer applies.
"""

from __future__ import annotations

from enum import StrEnum

from sociaalveilig.core.i18n import tr


class Role(StrEnum):
    BEHEERDER = "beheerder"
    COORDINATOR = "coordinator"
    WIJKAGENT = "wijkagent"
    PARTNER = "partner"
    MANAGER = "manager"

    @property
    def label(self) -> str:
        return {
            Role.BEHEERDER: tr("Beheerder"),
            Role.COORDINATOR: tr("Coördinator"),
            Role.WIJKAGENT: tr("Wijkagent / buurtregisseur / BOA"),
            Role.PARTNER: tr("Partner"),
            Role.MANAGER: tr("Manager"),
        }[self]


class Source(StrEnum):
    """Who reported a signal (bron)."""

    POLITIE = "politie"
    WONINGCORPORATIE = "woningcorporatie"
    GEMEENTE = "gemeente"
    ZORG = "zorg"
    BEWONER = "bewoner"
    BUURTSCHOUW = "buurtschouw"
    BUURTBIJEENKOMST = "buurtbijeenkomst"
    ANDERS = "anders"

    @property
    def label(self) -> str:
        return {
            Source.POLITIE: tr("Politie"),
            Source.WONINGCORPORATIE: tr("Woningcorporatie"),
            Source.GEMEENTE: tr("Gemeente"),
            Source.ZORG: tr("Zorg/hulpverlening"),
            Source.BEWONER: tr("Bewoner"),
            Source.BUURTSCHOUW: tr("Buurtschouw"),
            Source.BUURTBIJEENKOMST: tr("Buurtbijeenkomst"),
            Source.ANDERS: tr("Anders"),
        }[self]


class Urgency(StrEnum):
    LAAG = "laag"
    NORMAAL = "normaal"
    HOOG = "hoog"
    ACUUT = "acuut"

    @property
    def label(self) -> str:
        return {
            Urgency.LAAG: tr("Laag"),
            Urgency.NORMAAL: tr("Normaal"),
            Urgency.HOOG: tr("Hoog"),
            Urgency.ACUUT: tr("Acuut"),
        }[self]


class MeetingType(StrEnum):
    """The two kinds of partner meeting (overleg)."""

    FL = "fysieke_leefomgeving"
    AV = "achter_de_voordeur"

    @property
    def label(self) -> str:
        return {
            MeetingType.FL: tr("Overleg fysieke leefomgeving"),
            MeetingType.AV: tr("Overleg achter de voordeur"),
        }[self]

    @property
    def route_target(self) -> RouteTarget:
        """The routing target that sends a signal to this kind of meeting."""
        return RouteTarget(self.value)


class RouteTarget(StrEnum):
    """Where routing sends a signal: one of the meetings, or straight to the coordinator."""

    FYSIEKE_LEEFOMGEVING = "fysieke_leefomgeving"
    ACHTER_DE_VOORDEUR = "achter_de_voordeur"
    COORDINATOR = "coordinator"

    @property
    def label(self) -> str:
        return {
            RouteTarget.FYSIEKE_LEEFOMGEVING: tr("Overleg fysieke leefomgeving"),
            RouteTarget.ACHTER_DE_VOORDEUR: tr("Overleg achter de voordeur"),
            RouteTarget.COORDINATOR: tr("Coördinator (direct)"),
        }[self]

    @property
    def meeting_type(self) -> MeetingType | None:
        """The meeting type this target stands for; None for the coordinator."""
        if self is RouteTarget.COORDINATOR:
            return None
        return MeetingType(self.value)


class SignalStatus(StrEnum):
    NIEUW = "nieuw"
    GEROUTEERD = "gerouteerd"
    GEKOPPELD = "gekoppeld"
    AFGEWEZEN = "afgewezen"
    AFGEHANDELD = "afgehandeld"

    @property
    def label(self) -> str:
        return {
            SignalStatus.NIEUW: tr("Nieuw"),
            SignalStatus.GEROUTEERD: tr("Gerouteerd"),
            SignalStatus.GEKOPPELD: tr("Gekoppeld aan casus"),
            SignalStatus.AFGEWEZEN: tr("Afgewezen"),
            SignalStatus.AFGEHANDELD: tr("Afgehandeld"),
        }[self]


class CaseStatus(StrEnum):
    OPEN = "open"
    IN_BEHANDELING = "in_behandeling"
    OPGESCHAALD = "opgeschaald"
    AFGESLOTEN = "afgesloten"
    HEROPEND = "heropend"

    @property
    def label(self) -> str:
        return {
            CaseStatus.OPEN: tr("Open"),
            CaseStatus.IN_BEHANDELING: tr("In behandeling"),
            CaseStatus.OPGESCHAALD: tr("Opgeschaald"),
            CaseStatus.AFGESLOTEN: tr("Afgesloten"),
            CaseStatus.HEROPEND: tr("Heropend"),
        }[self]

    @property
    def is_open(self) -> bool:
        """Whether the case still counts as open (for linking, lists and reviews)."""
        return self is not CaseStatus.AFGESLOTEN


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_UITVOERING = "in_uitvoering"
    AFGEROND = "afgerond"
    VERVALLEN = "vervallen"

    @property
    def label(self) -> str:
        return {
            ActionStatus.OPEN: tr("Open"),
            ActionStatus.IN_UITVOERING: tr("In uitvoering"),
            ActionStatus.AFGEROND: tr("Afgerond"),
            ActionStatus.VERVALLEN: tr("Vervallen"),
        }[self]

    @property
    def is_open(self) -> bool:
        """Whether the action still has to be done (and so can become overdue)."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_UITVOERING)


class VisitStatus(StrEnum):
    GEPLAND = "gepland"
    UITGEVOERD = "uitgevoerd"
    NIEMAND_THUIS = "niemand_thuis"
    GEWEIGERD = "geweigerd"
    GEANNULEERD = "geannuleerd"

    @property
    def label(self) -> str:
        return {
            VisitStatus.GEPLAND: tr("Gepland"),
            VisitStatus.UITGEVOERD: tr("Uitgevoerd"),
            VisitStatus.NIEMAND_THUIS: tr("Niemand thuis"),
            VisitStatus.GEWEIGERD: tr("Geweigerd"),
            VisitStatus.GEANNULEERD: tr("Geannuleerd"),
        }[self]


class VisitOutcome(StrEnum):
    """How a home visit that took place (or was attempted) ended."""

    UITGEVOERD = "uitgevoerd"
    NIEMAND_THUIS = "niemand_thuis"
    GEWEIGERD = "geweigerd"

    @property
    def label(self) -> str:
        return {
            VisitOutcome.UITGEVOERD: tr("Uitgevoerd"),
            VisitOutcome.NIEMAND_THUIS: tr("Niemand thuis"),
            VisitOutcome.GEWEIGERD: tr("Toegang geweigerd"),
        }[self]

    @property
    def status(self) -> VisitStatus:
        """The visit status that records this outcome."""
        return VisitStatus(self.value)

    @property
    def needs_new_visit(self) -> bool:
        """Nobody home: the program proposes a new date for the same visit."""
        return self is VisitOutcome.NIEMAND_THUIS


class EscalationStatus(StrEnum):
    AANGEMELD = "aangemeld"
    IN_BEHANDELING = "in_behandeling"
    TERUGGELEGD = "teruggelegd"
    AFGESLOTEN = "afgesloten"

    @property
    def label(self) -> str:
        return {
            EscalationStatus.AANGEMELD: tr("Aangemeld"),
            EscalationStatus.IN_BEHANDELING: tr("In behandeling"),
            EscalationStatus.TERUGGELEGD: tr("Teruggelegd (afgeschaald)"),
            EscalationStatus.AFGESLOTEN: tr("Afgesloten"),
        }[self]

    @property
    def is_open(self) -> bool:
        """Open escalations appear on the agenda of the local meeting."""
        return self in (EscalationStatus.AANGEMELD, EscalationStatus.IN_BEHANDELING)


class RiskLevel(StrEnum):
    LAAG = "laag"
    MIDDEN = "midden"
    HOOG = "hoog"

    @property
    def label(self) -> str:
        return {
            RiskLevel.LAAG: tr("Laag"),
            RiskLevel.MIDDEN: tr("Midden"),
            RiskLevel.HOOG: tr("Hoog"),
        }[self]


class ActionType(StrEnum):
    GEZAMENLIJK_HUISBEZOEK = "gezamenlijk_huisbezoek"
    CONTROLE = "controle"
    INTEGRALE_CONTROLE = "integrale_controle"
    HANDHAVINGSTRAJECT = "handhavingstraject"
    JURIDISCHE_PROCEDURE = "juridische_procedure"
    HULPVERLENINGSTRAJECT = "hulpverleningstraject"
    BUURTBIJEENKOMST = "buurtbijeenkomst"
    CPTED_ANALYSE = "cpted_analyse"
    FYSIEKE_AANPASSING = "fysieke_aanpassing"

    @property
    def label(self) -> str:
        return {
            ActionType.GEZAMENLIJK_HUISBEZOEK: tr("Gezamenlijk huisbezoek"),
            ActionType.CONTROLE: tr("Controle"),
            ActionType.INTEGRALE_CONTROLE: tr("Integrale controle"),
            ActionType.HANDHAVINGSTRAJECT: tr("Handhavingstraject"),
            ActionType.JURIDISCHE_PROCEDURE: tr("Juridische procedure woningcorporatie"),
            ActionType.HULPVERLENINGSTRAJECT: tr("Hulpverleningstraject"),
            ActionType.BUURTBIJEENKOMST: tr("Buurtbijeenkomst"),
            ActionType.CPTED_ANALYSE: tr("CPTED-analyse"),
            ActionType.FYSIEKE_AANPASSING: tr("Fysieke aanpassing"),
        }[self]


class EscalationTarget(StrEnum):
    ZVH = "zvh"
    RIEC = "riec"
    PGA = "pga"
    VEILIG_THUIS = "veilig_thuis"

    @property
    def label(self) -> str:
        return {
            EscalationTarget.ZVH: tr("Zorg- en Veiligheidshuis Parkstad"),
            EscalationTarget.RIEC: tr("RIEC Limburg"),
            EscalationTarget.PGA: tr("Persoonsgerichte aanpak / Preventie met Gezag"),
            EscalationTarget.VEILIG_THUIS: tr("Veilig Thuis"),
        }[self]
