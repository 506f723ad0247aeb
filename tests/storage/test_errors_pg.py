"""PostgreSQL's errors told as what they are (storage/errors.py), by their SQLSTATE."""

from __future__ import annotations

import psycopg.errors
import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from sociaalveilig.core.errors import (
    ConflictError,
    SociaalVeiligError,
    StoreDamaged,
    StoreUnavailable,
    ValidationError,
)
from sociaalveilig.storage.errors import classify_exception, is_transient


def wrapped(sqlstate: str) -> DBAPIError:
    inner = psycopg.errors.lookup(sqlstate)("fictief")
    return DBAPIError.instance("SELECT 1", {}, inner, psycopg.Error)


CONFLICT = "Iemand anders wijzigde dit tegelijk; probeer het opnieuw."


@pytest.mark.parametrize(
    ("sqlstate", "kind", "exit_code", "words"),
    [
        ("40001", ConflictError, 4, CONFLICT),
        ("40P01", ConflictError, 4, CONFLICT),
        ("23505", ConflictError, 4, "botst met wat al is opgeslagen"),
        ("23503", ConflictError, 4, "botst met wat al is opgeslagen"),
        ("57P01", StoreUnavailable, 6, "niet bereikbaar"),
        ("08006", StoreUnavailable, 6, "niet bereikbaar"),
        ("53300", StoreUnavailable, 6, "niet bereikbaar"),
        ("28P01", StoreUnavailable, 6, "niet bereikbaar"),
        ("53100", ValidationError, 4, "De schijf is vol"),
        ("55P03", ValidationError, 4, "bezet"),
        ("57014", ValidationError, 4, "bezet"),
        ("22001", ValidationError, 4, "past niet in de database"),
        ("XX001", StoreDamaged, 5, "beschadigd"),
    ],
)
def test_each_kind_of_postgresql_error_has_its_line_and_exit_code(
    sqlstate: str, kind: type[SociaalVeiligError], exit_code: int, words: str
) -> None:
    mapped = classify_exception(wrapped(sqlstate))
    assert type(mapped) is kind
    assert mapped.exit_code == exit_code and words in mapped.message


def test_a_programming_error_stays_a_bug() -> None:
    assert classify_exception(wrapped("42P01")) is None  # undefined table
    assert classify_exception(wrapped("42601")) is None  # syntax error


def test_only_serialization_failures_and_deadlocks_are_transient() -> None:
    assert is_transient(wrapped("40001")) and is_transient(wrapped("40P01"))
    assert not is_transient(wrapped("23505")) and not is_transient(wrapped("57P01"))
    try:
        try:
            raise wrapped("40001")
        except DBAPIError as exc:
            raise ConflictError(CONFLICT) from exc
    except ConflictError as outer:
        assert is_transient(outer)  # what it was raised from counts


def test_a_row_changed_under_the_unit_is_a_conflict() -> None:
    mapped = classify_exception(StaleDataError("UPDATE statement on table 'cases' expected 1"))
    assert isinstance(mapped, ConflictError) and mapped.message == CONFLICT
