"""Creating a store and logging in: the first and every later start.

A single-desk module: it signs in to a store folder on this computer, so it works with the
SQLite store itself (``storage.sqlite.store``), not only through the seam."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sociaalveilig.core import postcode, routing, taxonomy
from sociaalveilig.core.enums import Role, Source
from sociaalveilig.core.errors import (
    AuthenticationError,
    PassphraseChangeRequired,
    StoreDamaged,
    UsageError,
    ValidationError,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.usernames import check_new_user_name
from sociaalveilig.services.context import Actor, Clock, ServiceContext, SystemClock
from sociaalveilig.services.desk import desk_store
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage import audit
from sociaalveilig.storage.errors import classify_exception
from sociaalveilig.storage.keyslots import (
    KeySlotFile,
    check_passphrase_policy,
    normalise_recovery_code,
    normalise_user_name,
)
from sociaalveilig.storage.models import (
    Category,
    FocusArea,
    Municipality,
    Partner,
    Postcode,
    RetentionRule,
    RoutingRule,
    User,
    UserArea,
)
from sociaalveilig.storage.seam import StoreSeam
from sociaalveilig.storage.sqlite.store import (
    Store,
    check_empty_folder,
    guarded_unlock,
    keyslot_path,
    record_event,
    store_exists,
)

# For the first start's form: refuse a folder that is not empty before asking for more.
check_new_store_folder = check_empty_folder

# Partner organisations a new store starts with (generic names; the beheerder edits).
DEFAULT_PARTNERS: tuple[tuple[str, Source], ...] = (
    ("Politie Limburg", Source.POLITIE),
    ("Gemeente – handhaving", Source.GEMEENTE),
    ("Gemeente – wijkteam", Source.GEMEENTE),
    ("Gemeente – sociaal domein", Source.GEMEENTE),
    ("Woningcorporatie", Source.WONINGCORPORATIE),
    ("Zorg en hulpverlening", Source.ZORG),
)

# Default retention terms (issue: privacy); the legal basis is recorded with each.
DEFAULT_RETENTION: tuple[tuple[str, str, str, int, str], ...] = (
    (
        "signal-no-case",
        "Signalen die nooit een casus werden",
        "signal",
        365,
        "AVG art. 5 lid 1 sub e (opslagbeperking); convenant Sociaal Veilig Parkstad",
    ),
    (
        "case-closed",
        "Afgesloten casussen, na afsluiten",
        "case",
        5 * 365,
        "AVG art. 5 lid 1 sub e; Archiefwet / convenant Zorg- en Veiligheidshuis",
    ),
    (
        "reporter-details",
        "Gegevens van de melder, na ontvangst",
        "reporter",
        365,
        "AVG art. 5 lid 1 sub c (dataminimalisatie)",
    ),
)


def seed_reference_data(session: Session) -> None:
    """Municipalities, the eight focus areas, postcodes, categories, routing rules,
    partners and retention rules of a new store (DOMAIN.md, DESIGN.md)."""
    municipalities = {name: Municipality(name=name) for name in postcode.DEFAULT_MUNICIPALITIES}
    session.add_all(municipalities.values())
    areas = {
        area.name: FocusArea(
            name=area.name,
            municipality=municipalities[area.municipality],
            residents=area.residents,
            wijkagent_fte=0.0,
        )
        for area in postcode.FOCUS_AREAS
    }
    session.add_all(areas.values())
    session.flush()
    for pc4, (municipality, area_name) in sorted(postcode.default_pc4_table().items()):
        session.add(
            Postcode(
                code=str(pc4),
                municipality_id=municipalities[municipality].id,
                focus_area_id=areas[area_name].id if area_name else None,
            )
        )
    for cat in taxonomy.DEFAULT_CATEGORIES:
        session.add(
            Category(
                code=cat.code,
                name=cat.name,
                main_category=cat.main_category,
                meeting=cat.meeting.name,
                term_days=cat.term_days,
                active=True,
            )
        )
    for rule in routing.default_rules(taxonomy.DEFAULT_CATEGORIES):
        session.add(
            RoutingRule(
                position=rule.position,
                name=rule.name,
                category_code=rule.category,
                main_category=rule.main_category,
                focus_area_id=areas[rule.focus_area].id if rule.focus_area else None,
                source=str(rule.source) if rule.source else None,
                urgency=str(rule.urgency) if rule.urgency else None,
                target=str(rule.target),
                active=rule.active,
            )
        )
    for name, source in DEFAULT_PARTNERS:
        session.add(Partner(name=name, source_type=str(source), active=True))
    for code, description, applies_to, days, basis in DEFAULT_RETENTION:
        session.add(
            RetentionRule(
                code=code,
                description=description,
                applies_to=applies_to,
                term_days=days,
                legal_basis=basis,
            )
        )
    session.flush()


@retrying
def create_store(
    folder: Path,
    username: str,
    passphrase: str,
    display_name: str | None = None,
    clock: Clock | None = None,
) -> tuple[ServiceContext, str]:
    """Create a new store with its first user, a beheerder. Returns the logged-in
    context and the recovery code (show it once)."""
    clock = clock or SystemClock()
    name = normalise_user_name(username)
    check_new_user_name(name)
    store, recovery_code = Store.initialise(folder, name, passphrase)
    return first_beheerder(store, name, display_name or username, clock), recovery_code


@retrying
def first_beheerder(
    store: StoreSeam, name: str, display_name: str, clock: Clock
) -> ServiceContext:
    """Seed a new store (a desk's or a centre's) and make ``name`` its first user, a
    beheerder; returns the signed-in context. The store is closed when this fails."""
    try:
        with store.unit() as session:
            seed_reference_data(session)
            user = User(
                username=name,
                display_name=display_name,
                role=str(Role.BEHEERDER),
                active=True,
                created_at=clock.utcnow().replace(tzinfo=None),
            )
            session.add(user)
            session.flush()
            actor = Actor(user.id, name, user.display_name, Role.BEHEERDER)
            ctx = ServiceContext(store, actor, clock)
            ctx.audit(session, "store_init", "store", None)
            ctx.audit(session, "user_add", "user", user.id)
    except BaseException:
        store.close()
        raise
    return ctx


def must_change_first() -> PassphraseChangeRequired:
    """The refusal of a right passphrase that a beheerder chose: nothing opens before the
    user's own."""
    return PassphraseChangeRequired(
        tr(
            "Uw wachtwoord is door de beheerder ingesteld; kies eerst een eigen wachtwoord "
            "(sociaalveilig-admin passwd, of bij het aanmelden in het programma)."
        )
    )


def log_failed_login(session: Session, name: str, clock: Clock) -> None:
    """A failed sign-in in the audit chain (the name only, no role: nobody signed in)."""
    audit.append(
        session,
        audit.AuditEvent(username=name, role="-", action="login", outcome="failed"),
        at=clock.utcnow(),
    )


def actor_for(session: Session, username: str) -> Actor | None:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active:
        return None
    areas = frozenset(
        session.execute(select(UserArea.focus_area_id).where(UserArea.user_id == user.id)).scalars()
    )
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        partner_id=user.partner_id,
        area_ids=areas,
    )


@retrying
def login(
    folder: Path, username: str, passphrase: str, clock: Clock | None = None
) -> ServiceContext:
    """Unlock the store for a user: exit code 3 on a wrong name or passphrase (and a
    failed-login audit entry), 5 when the store is damaged."""
    clock = clock or SystemClock()
    name = normalise_user_name(username) if username.strip() else username
    store = Store.open(folder, name, passphrase)
    if store.credentials.must_change(name):
        store.close()
        raise must_change_first()
    try:
        store.merge_pending_events()
        with store.unit() as session:
            actor = actor_for(session, name)
            if actor is None:
                log_failed_login(session, name, clock)
            else:
                ctx = ServiceContext(store, actor, clock)
                ctx.audit(session, "login", "user", actor.user_id)
    except DBAPIError as exc:
        store.close()
        # A page that fails its HMAC or a malformed file shows up at the first real
        # read or write: say so at sign-in, where the window offers a restore.
        mapped = classify_exception(exc)
        if isinstance(mapped, StoreDamaged):
            raise mapped from exc
        raise
    except BaseException:
        store.close()
        raise
    if actor is None:
        store.close()
        raise AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))
    return ctx


def _recovery_beheerder(session: Session, username: str | None) -> Actor:
    """The beheerder who regains access: the one named, or the only active one."""
    if username:
        name = normalise_user_name(username)
        user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
        if user is None or user.role != Role.BEHEERDER.value or not user.active:
            raise ValidationError(
                tr(
                    "{user} is geen actieve beheerder. Met de herstelcode krijgt alleen een "
                    "beheerder weer toegang."
                ).format(user=name),
                field="user",
            )
    else:
        names = list(
            session.execute(
                select(User.username).where(
                    User.role == Role.BEHEERDER.value, User.active.is_(True)
                )
            ).scalars()
        )
        if len(names) != 1:
            raise UsageError(
                tr("Deze opslag heeft meer dan één beheerder: geef --user NAAM op.")
                if names
                else tr("Deze opslag heeft geen actieve beheerder; herstel uit een back-up.")
            )
        name = names[0]
    actor = actor_for(session, name)
    assert actor is not None  # an active user
    return actor


@retrying
def recover(
    folder: Path,
    code: str,
    new_passphrase: str,
    username: str | None = None,
    clock: Clock | None = None,
) -> tuple[ServiceContext, str]:
    """A beheerder who forgot the passphrase regains access with the recovery code: the
    beheerder (named, or the only one) gets ``new_passphrase``, the recovery slot a new
    code, in one write; the code used opens nothing any more. Returns the signed-in
    context and the new code (show it once). A code that does not fit: exit 3."""
    clock = clock or SystemClock()
    check_passphrase_policy(new_passphrase, (username or "",))
    try:
        normalise_recovery_code(code)
    except ValidationError as exc:  # a mistyped code is a wrong code for the caller
        raise AuthenticationError(exc.message) from None
    store = Store.open_with_recovery(folder, code)
    try:
        store.merge_pending_events()
        with store.unit() as session:
            actor = _recovery_beheerder(session, username)
            ctx = ServiceContext(store, actor, clock)
            ctx.audit(session, "recover", "user", actor.user_id)
            # Written last, inside the transaction: if it fails, the audit entry goes too.
            new_code = store.keyslots.recover(code, actor.username, new_passphrase)
    except DBAPIError as exc:
        store.close()
        mapped = classify_exception(exc)
        if isinstance(mapped, StoreDamaged):
            raise mapped from exc
        raise
    except BaseException:
        store.close()
        raise
    return ctx, new_code


@retrying
def context_for(store: StoreSeam, username: str, clock: Clock | None = None) -> ServiceContext:
    """A context for a user on an already unlocked store (no passphrase check: for
    callers that opened the store themselves, such as test fixtures and tools)."""
    with store.unit() as session:
        actor = actor_for(session, normalise_user_name(username))
    if actor is None:
        raise AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))
    return ServiceContext(store, actor, clock or SystemClock())


def unlock_again(ctx: ServiceContext, passphrase: str) -> ServiceContext:
    """Unlock after an idle lock, as the same user."""
    return login(desk_store(ctx).folder, ctx.actor.username, passphrase, ctx.clock)


@retrying
def lock(ctx: ServiceContext) -> None:
    """Lock on request or when idle: audit, then close connections and wipe the key."""
    if ctx.store.is_open:
        with ctx.unit() as session:
            ctx.audit(session, "lock", "store", None)
        ctx.store.close()


def single_user(folder: Path) -> str:
    """The only user's name, for commands without --user; ValidationError otherwise."""
    if not store_exists(folder):
        # A mistyped --store is a usage error, not a damaged store to restore.
        raise UsageError(
            tr("Geen opslag gevonden in {folder}. Maak er een met 'init'.").format(folder=folder)
        )
    users = KeySlotFile.load(keyslot_path(folder)).users()
    if len(users) != 1:
        raise UsageError(tr("Deze opslag heeft meer dan één gebruiker: geef --user NAAM op."))
    return users[0]


def change_passphrase(folder: Path, username: str, old: str, new: str) -> None:
    """Rewrap the user's key slot in a store folder before signing in (``passwd``, a
    passphrase the beheerder set); the database file is not touched. Checking the old
    passphrase is a sign-in attempt: slowed down and counted like one."""
    name = normalise_user_name(username)
    check_passphrase_policy(new, (name,))
    keyslots = KeySlotFile.load(keyslot_path(folder))
    guarded_unlock(folder, username, lambda: keyslots.change_passphrase(name, old, new))
    # Noted in the audit log at the next unlock, beside failed logins.
    record_event(folder, username, "passwd")
