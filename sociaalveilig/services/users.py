"""Users, roles and passphrases (beheerder work)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import match_focus_area
from sociaalveilig.core.usernames import check_new_user_name
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage.keyslots import check_passphrase_policy, normalise_user_name
from sociaalveilig.storage.models import FocusArea, Partner, User, UserArea


@dataclass(frozen=True)
class UserInfo:
    user_id: str
    username: str
    display_name: str
    role: Role
    partner: str | None
    areas: tuple[str, ...]
    active: bool
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def role_label(self) -> str:
        return self.role.label


def require_role(ctx: ServiceContext, *roles: Role) -> None:
    if ctx.actor.role not in roles:
        raise AccessDenied(
            tr("Dit mag alleen een {roles}; u bent {role}.").format(
                roles=" of ".join(r.label.lower() for r in roles),
                role=ctx.actor.role.label.lower(),
            )
        )


@retrying
def add_user(
    ctx: ServiceContext,
    username: str,
    role: str,
    passphrase: str,
    display_name: str | None = None,
    partner: str | None = None,
    areas: list[str] | None = None,
) -> UserInfo:
    """Add a user with a key slot of their own (beheerder only)."""
    require_role(ctx, Role.BEHEERDER)
    try:
        role_value = Role(role)
    except ValueError as exc:
        raise ValidationError(
            tr("Onbekende rol '{role}'. Kies uit: {options}.").format(
                role=role, options=", ".join(r.value for r in Role)
            ),
            field="role",
        ) from exc
    name = normalise_user_name(username)
    check_passphrase_policy(passphrase, (name, display_name or ""))
    if role_value is Role.PARTNER and not partner:
        raise ValidationError(
            tr("Een partnergebruiker hoort bij een organisatie: geef --partner op."),
            field="partner",
        )
    with ctx.unit() as session:
        if session.execute(select(User).where(User.username == name)).scalar_one_or_none():
            raise ValidationError(
                tr("Gebruiker {user} bestaat al. Kies een andere naam.").format(user=name),
                field="username",
            )
        # Every user ever made, inactive ones too: they can be given access again.
        check_new_user_name(name, session.execute(select(User.username)).scalars())
        partner_row = None
        if partner:
            partner_row = session.execute(
                select(Partner).where(Partner.name == partner)
            ).scalar_one_or_none()
            if partner_row is None:
                options = ", ".join(session.execute(select(Partner.name)).scalars())
                raise ValidationError(
                    tr("Onbekende organisatie '{name}'. Kies uit: {options}.").format(
                        name=partner, options=options
                    ),
                    field="partner",
                )
        all_areas = {a.name: a for a in session.execute(select(FocusArea)).scalars()}
        area_rows = [all_areas[match_focus_area(a, list(all_areas))] for a in areas or []]
        user = User(
            username=name,
            display_name=display_name or username,
            role=role_value.value,
            partner_id=partner_row.id if partner_row else None,
            active=True,
            created_at=ctx.clock.utcnow().replace(tzinfo=None),
        )
        session.add(user)
        session.flush()
        for area in area_rows:
            session.add(UserArea(user_id=user.id, focus_area_id=area.id))
        ctx.audit(session, "user_add", "user", user.id)
        # The credentials are written last, inside the transaction: if that fails, the
        # user row is rolled back too.
        ctx.store.credentials.add_user(name, passphrase)
        return UserInfo(
            user.id,
            name,
            user.display_name,
            role_value,
            partner_row.name if partner_row else None,
            tuple(a.name for a in area_rows),
            True,
            user.version,
        )


@retrying
def list_users(ctx: ServiceContext) -> list[UserInfo]:
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        partners = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
        areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
        user_areas: dict[str, list[str]] = {}
        for ua in session.execute(select(UserArea)).scalars():
            user_areas.setdefault(ua.user_id, []).append(areas[ua.focus_area_id])
        result = [
            UserInfo(
                u.id,
                u.username,
                u.display_name,
                Role(u.role),
                partners.get(u.partner_id) if u.partner_id else None,
                tuple(sorted(user_areas.get(u.id, []))),
                u.active,
                u.version,
            )
            for u in session.execute(select(User).order_by(User.username)).scalars()
        ]
        ctx.audit(session, "view", "user_list", None)
        return result


@retrying
def change_own_passphrase(ctx: ServiceContext, old: str, new: str) -> None:
    """The signed-in user changes their own passphrase (the window's Instellingen): the
    old one is checked like a sign-in, one slot is rewrapped, the change is audited. On a
    centre the user's other sessions end (a passphrase is changed because it may be known
    to someone else, who may be signed in with it); the desk's own session goes on."""
    name = ctx.actor.username
    check_passphrase_policy(new, (name, ctx.actor.display_name))
    ctx.store.credentials.change_passphrase(name, old, new)
    with ctx.unit() as session:
        ctx.audit(session, "passwd", "user", ctx.actor.user_id)
        # Imported here: centre_sessions asks this module whether a user is a beheerder.
        from sociaalveilig.services import centre_sessions

        if centre_sessions.end_other_sessions(ctx, session, "passwd"):
            ctx.audit(session, "end_sessions", "user", ctx.actor.user_id)


def _load_user(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == normalise_user_name(username))
    ).scalar_one_or_none()
    if user is None:
        raise ValidationError(
            tr("Gebruiker {user} bestaat niet.").format(user=username), field="username"
        )
    return user


def _active_beheerders(session: Session) -> int:
    return len(
        session.execute(
            select(User.id).where(User.role == Role.BEHEERDER.value, User.active.is_(True))
        ).all()
    )


def _check_version(
    ctx: ServiceContext, session: Session, user: User, expected_version: int | None
) -> None:
    check_version(
        ctx, session, user, expected_version, "user", user.id, tr("Deze gebruiker")
    )


@retrying
@refuses_stale
def change_role(
    ctx: ServiceContext,
    username: str,
    role: str,
    partner: str | None = None,
    areas: list[str] | None = None,
    *,
    expected_version: int | None = None,
) -> UserInfo:
    """Give a user another role (and organisation / focus areas). Beheerder only; the
    last active beheerder keeps that role."""
    require_role(ctx, Role.BEHEERDER)
    try:
        role_value = Role(role)
    except ValueError as exc:
        raise ValidationError(
            tr("Onbekende rol '{role}'. Kies uit: {options}.").format(
                role=role, options=", ".join(r.value for r in Role)
            ),
            field="role",
        ) from exc
    with ctx.unit() as session:
        user = _load_user(session, username)
        _check_version(ctx, session, user, expected_version)
        if (
            user.role == Role.BEHEERDER.value
            and role_value is not Role.BEHEERDER
            and _active_beheerders(session) <= 1
        ):
            raise ValidationError(
                tr("{user} is de enige beheerder; maak eerst een andere beheerder aan.").format(
                    user=user.username
                ),
                field="role",
            )
        partner_row = None
        if role_value is Role.PARTNER:
            if not partner:
                raise ValidationError(
                    tr("Een partnergebruiker hoort bij een organisatie: kies er een."),
                    field="partner",
                )
            partner_row = session.execute(
                select(Partner).where(Partner.name == partner)
            ).scalar_one_or_none()
            if partner_row is None:
                raise ValidationError(
                    tr("Onbekende organisatie '{name}'.").format(name=partner), field="partner"
                )
        all_areas = {a.name: a for a in session.execute(select(FocusArea)).scalars()}
        area_rows = [all_areas[match_focus_area(a, list(all_areas))] for a in areas or []]
        user.role = role_value.value
        if partner_row is not None:
            user.partner_id = partner_row.id
        elif partner:
            # Staff of an organisation (a wijkagent of the police) may name it too.
            found = session.execute(
                select(Partner).where(Partner.name == partner)
            ).scalar_one_or_none()
            if found is None:
                raise ValidationError(
                    tr("Onbekende organisatie '{name}'.").format(name=partner), field="partner"
                )
            user.partner_id = found.id
        # Otherwise the user keeps the organisation they belong to.
        for link in session.execute(select(UserArea).where(UserArea.user_id == user.id)).scalars():
            session.delete(link)
        session.flush()
        for area in area_rows:
            session.add(UserArea(user_id=user.id, focus_area_id=area.id))
        # The focus areas live in their own rows: a new version all the same, so that a
        # window that showed the old areas cannot overwrite these unseen.
        flag_modified(user, "role")
        ctx.audit(session, "change_role", "user", user.id)
        session.flush()
        return UserInfo(
            user.id,
            user.username,
            user.display_name,
            role_value,
            session.get(Partner, user.partner_id).name  # type: ignore[union-attr]
            if user.partner_id
            else None,
            tuple(a.name for a in area_rows),
            user.active,
            user.version,
        )


@retrying
@refuses_stale
def deactivate_user(
    ctx: ServiceContext, username: str, *, expected_version: int | None = None
) -> None:
    """Take away a user's access: the account is kept for the audit trail, the key slot
    is removed so the passphrase no longer opens the store."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        user = _load_user(session, username)
        _check_version(ctx, session, user, expected_version)
        if user.id == ctx.actor.user_id:
            raise ValidationError(
                tr("U kunt uw eigen account niet uitschakelen."), field="username"
            )
        if user.role == Role.BEHEERDER.value and _active_beheerders(session) <= 1:
            raise ValidationError(
                tr("{user} is de enige beheerder en blijft actief.").format(user=user.username),
                field="username",
            )
        user.active = False
        ctx.audit(session, "deactivate", "user", user.id)
        if ctx.store.credentials.has_user(user.username):
            ctx.store.credentials.remove_user(user.username)


@retrying
@refuses_stale
def reactivate_user(
    ctx: ServiceContext, username: str, passphrase: str, *, expected_version: int | None = None
) -> None:
    """Give a deactivated user access again, with a new passphrase that the user must
    replace with one of their own at the next sign-in (the beheerder knows this one)."""
    require_role(ctx, Role.BEHEERDER)
    check_passphrase_policy(passphrase, (username,))
    with ctx.unit() as session:
        user = _load_user(session, username)
        _check_version(ctx, session, user, expected_version)
        user.active = True
        ctx.audit(session, "reactivate", "user", user.id)
        ctx.store.credentials.set_user(user.username, passphrase, must_change=True)
