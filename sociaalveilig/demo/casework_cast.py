"""The case-work demo's cast: users of each role besides the coordinator, and the partner
organisations grouped by the work they do.

The demo users have no key slot, like the demo's own coordinator: they exist so owners,
areas, partners and the audit log look like a working region, and cannot log in.
"""

from __future__ import annotations

from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.postcode import match_focus_area
from sociaalveilig.demo.base import DemoRun
from sociaalveilig.services.context import Actor, stored_now
from sociaalveilig.storage.models import FocusArea, Partner, User, UserArea

DEMO_USERS: tuple[tuple[str, str, Role, str | None, tuple[str, ...]], ...] = (
    # username, display name, role, partner organisation, focus areas (unique starts)
    ("demo-wijkagent", "Wijkagent Fictief (demo)", Role.WIJKAGENT, None, ("Heerlen", "Kerkrade")),
    ("demo-boa", "Boa Verzonnen (demo)", Role.WIJKAGENT, None, ("Brunssum", "Schinveld", "Nuth")),
    (
        "demo-woonstichting",
        "Medewerker Woonstichting Voorbeeld (demo)",
        Role.PARTNER,
        "Woonstichting Voorbeeld",
        (),
    ),
    (
        "demo-zorggroep",
        "Medewerker Zorggroep Fictief (demo)",
        Role.PARTNER,
        "Zorggroep Fictief",
        (),
    ),
    ("demo-manager", "Manager Denkbeeld (demo)", Role.MANAGER, None, ()),
)
"""The demo's users of each role besides the coordinator (who runs the demo)."""

POLICE = ("Politie Limburg",)
ENFORCEMENT = ("Gemeente – handhaving",)
DISTRICT_TEAM = ("Gemeente – wijkteam", "Gemeente – sociaal domein")
CORPORATIONS = ("Woonstichting Voorbeeld", "Wooncorporatie Denkbeeld", "Woningcorporatie")
CARE = ("Zorggroep Fictief", "Stichting Welzijn Verzonnen", "Zorg en hulpverlening")
NEIGHBOURHOOD = ("Buurtnetwerk Proefwijk",)


def ensure_demo_users(run: DemoRun) -> dict[str, Actor]:
    """The demo users of ``DEMO_USERS`` (created once; without key slot), by username."""
    actors: dict[str, Actor] = {}
    with run.ctx.unit() as session:
        areas = dict(session.execute(select(FocusArea.name, FocusArea.id)).tuples().all())
        partners = dict(
            session.execute(select(Partner.name, Partner.id).where(Partner.active.is_(True)))
            .tuples()
            .all()
        )
        for username, display, role, partner, area_starts in DEMO_USERS:
            partner_id = partners.get(partner) if partner else None
            if partner and partner_id is None:
                continue  # the demo partner was renamed or retired in this store
            user = session.execute(
                select(User).where(User.username == username)
            ).scalar_one_or_none()
            if user is None:
                user = User(
                    username=username,
                    display_name=display,
                    role=role.value,
                    partner_id=partner_id,
                    active=True,
                    created_at=stored_now(run.ctx),
                )
                session.add(user)
                session.flush()
                for start in area_starts:
                    try:
                        area_id = areas[match_focus_area(start, list(areas))]
                    except ValidationError:
                        continue  # the focus area was renamed in this store
                    session.add(UserArea(user_id=user.id, focus_area_id=area_id))
                run.ctx.audit(session, "user_add", "user", user.id)
            area_ids = frozenset(
                session.execute(
                    select(UserArea.focus_area_id).where(UserArea.user_id == user.id)
                ).scalars()
            )
            actors[username] = Actor(
                user.id,
                user.username,
                user.display_name,
                Role(user.role),
                user.partner_id,
                area_ids,
            )
    return actors


__all__ = [
    "DEMO_USERS",
    "ensure_demo_users",
]
