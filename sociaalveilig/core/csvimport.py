"""Parse and check the signal import CSV (DESIGN.md "Signal import (CSV)").

Pure: bytes in, typed rows and per-row errors out; nothing is stored here. Problems with the
file as a whole (not UTF-8, no header, a missing required column, broken quoting) raise one
ValidationError; problems with a row become a ``RowError`` with the row's physical line
number (the header is line 1), so a user finds it in Excel. Whatever bytes come in, the
result is an ``ImportResult`` or a ValidationError, never another exception.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from sociaalveilig.core.csvsafe import restore_cell, safe_writer
from sociaalveilig.core.enums import Source, Urgency
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import normalise_postcode

COLUMNS: tuple[str, ...] = (
    "datum",
    "bron",
    "organisatie",
    "categorie",
    "postcode",
    "huisnummer",
    "toevoeging",
    "straat",
    "plaats",
    "omschrijving",
    "urgentie",
    "melder",
)
REQUIRED_COLUMNS: tuple[str, ...] = (
    "datum",
    "bron",
    "categorie",
    "postcode",
    "huisnummer",
    "omschrijving",
)
REJECT_REASON_COLUMN = "fout"

MAX_DESCRIPTION = 4000
MAX_TEXT = 200
# The short texts' own limits: the columns that hold them (storage/models.py) are no longer,
# and PostgreSQL refuses a longer value where SQLite kept it (tests/storage/test_guard.py
# holds the two together).
TEXT_LIMITS: dict[str, int] = {"organisatie": 120, "straat": 120, "plaats": 80, "melder": 160}
MAX_ADDITION = 6
MAX_HOUSE_NUMBER = 99_999
ANONYMOUS = "anoniem"

_BOM = b"\xef\xbb\xbf"
_DAY_FIRST = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_HOUSE_NUMBER = re.compile(r"[0-9]+")
_ADDITION = re.compile(r"[A-Za-z0-9]+")
_BLANKS = re.compile(r"\s+")
_Choice = TypeVar("_Choice", Source, Urgency)
# The program's users plan and report in Dutch local time, whatever the machine says.
_LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class ImportRow:
    """One valid signal from the file."""

    line: int
    occurred_on: date
    occurred_time: time | None
    """None when the file gave only a date."""
    source: Source
    organisation: str | None
    category: str
    """The category code (the file may have used the name)."""
    postcode: str
    """Normalised, as ``"6411 AB"``."""
    house_number: int
    addition: str | None
    street: str | None
    place: str | None
    description: str
    urgency: Urgency
    reporter: str | None
    """None for an anonymous reporter."""

    @property
    def occurred_at(self) -> datetime:
        return datetime.combine(self.occurred_on, self.occurred_time or time(0, 0))


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str
    """Dutch; several problems in one row are joined with '; '."""
    raw: dict[str, str]
    """The row as read: column name (lower case) → text."""


@dataclass(frozen=True)
class ImportResult:
    rows: list[ImportRow]
    errors: list[RowError]
    header: list[str]
    """Column names as read, stripped and lower-cased, in file order."""
    delimiter: str

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_signal_csv(
    data: bytes, categories: Mapping[str, str], now: datetime
) -> ImportResult:
    """Read a signal import file.

    ``categories`` maps a lower-cased category code or name to the code
    (see ``taxonomy.category_lookup``). ``now`` is the moment of import: dates after it are
    refused. A time-zone-aware ``now`` is converted to local time, as the file's times are.
    """
    text = _decode(bytes(data))
    if not text.strip():
        raise ValidationError(
            tr("Het bestand is leeg; verwacht een kopregel met de kolommen {columns}.").format(
                columns=", ".join(REQUIRED_COLUMNS)
            ),
            field="bestand",
        )
    if now.tzinfo is not None:
        now = now.astimezone(_LOCAL_ZONE).replace(tzinfo=None)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True
    )
    header: list[str] | None = None
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    line = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _csv_error(line, exc) from None
        start, line = line, reader.line_num + 1
        if not any(field.strip() for field in record):
            continue
        if header is None:
            header = _read_header(record, delimiter)
            continue
        checked = _check_row(start, record, header, categories, now, delimiter)
        if isinstance(checked, RowError):
            errors.append(checked)
        else:
            rows.append(checked)
    if header is None:  # only blank fields, e.g. a line of quoted spaces
        raise ValidationError(
            tr("Het bestand heeft geen kopregel; verwacht de kolommen {columns}.").format(
                columns=", ".join(REQUIRED_COLUMNS)
            ),
            field="kopregel",
        )
    return ImportResult(rows=rows, errors=errors, header=header, delimiter=delimiter)


def _decode(data: bytes) -> str:
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValidationError(
            tr(
                "Het bestand is geen UTF-8: onleesbaar teken (byte 0x{byte:02X}) op regel "
                "{line}. Sla het bestand in Excel op als 'CSV UTF-8 (door komma's "
                "gescheiden)' en importeer opnieuw."
            ).format(byte=data[exc.start], line=line),
            field="bestand",
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ValidationError(
            tr(
                "Het bestand bevat NUL-tekens (regel {line}); het is geen tekstbestand. "
                "Sla het op als 'CSV UTF-8' en importeer opnieuw."
            ).format(line=line),
            field="bestand",
        )
    return text


def _sniff_delimiter(text: str) -> str:
    """``;`` (Dutch Excel) or ``,``: whichever the header line holds more of."""
    first = next((line for line in text.splitlines() if line.strip(" \t;,")), "")
    semicolons, commas = first.count(";"), first.count(",")
    if semicolons == 0 and commas == 0:
        raise ValidationError(
            tr(
                "De kopregel bevat geen ';' of ',' als scheidingsteken; verwacht de kolommen "
                "{columns}."
            ).format(columns=", ".join(REQUIRED_COLUMNS)),
            field="kopregel",
        )
    return ";" if semicolons >= commas else ","


def _csv_error(line: int, exc: csv.Error) -> ValidationError:
    detail = str(exc)
    if "end of data" in detail:
        why = tr("een aanhalingsteken wordt niet afgesloten")
    elif "expected after" in detail:
        why = tr("tekst direct na een afsluitend aanhalingsteken")
    elif "field larger than field limit" in detail:
        why = tr("een veld is langer dan {limit} tekens").format(limit=csv.field_size_limit())
    else:
        why = detail
    return ValidationError(
        tr(
            "Regel {line}: de CSV-opmaak klopt niet ({why}); controleer de aanhalingstekens "
            "en importeer opnieuw."
        ).format(line=line, why=why),
        field="bestand",
    )


def _read_header(record: list[str], delimiter: str) -> list[str]:
    header = [name.replace("\ufeff", "").strip().lower() for name in record]
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise ValidationError(
                tr("Kolom '{name}' staat meer dan eens in de kopregel.").format(
                    name=_show(name)
                ),
                field="kopregel",
            )
        seen.add(name)
    missing = [name for name in REQUIRED_COLUMNS if name not in seen]
    if missing:
        raise ValidationError(
            tr(
                "Verplichte kolom(men) ontbreken in de kopregel: {missing}. Verwacht: "
                "{columns} (scheidingsteken '{delimiter}')."
            ).format(
                missing=", ".join(missing), columns=", ".join(COLUMNS), delimiter=delimiter
            ),
            field="kopregel",
        )
    return header


def _show(value: str, limit: int = 40) -> str:
    """A raw value as it can appear in a one-line message."""
    value = _BLANKS.sub(" ", value).strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _check_row(
    line: int,
    record: list[str],
    header: list[str],
    categories: Mapping[str, str],
    now: datetime,
    delimiter: str,
) -> ImportRow | RowError:
    # A cell written as '=... or '-... by an export (or a spreadsheet) is read as it was typed.
    raw = {
        name: restore_cell(record[i]) if i < len(record) else ""
        for i, name in enumerate(header)
        if name
    }
    problems: list[str] = []

    def value(column: str) -> str:
        return raw.get(column, "").strip()

    occurred = check_date(value("datum"), now, problems)
    source = check_choice(value("bron"), "bron", Source, problems)
    category = check_category(value("categorie"), categories, problems)
    postcode = check_postcode(value("postcode"), problems)
    house_number = check_house_number(value("huisnummer"), problems)
    addition = check_addition(value("toevoeging"), problems)
    description = check_description(value("omschrijving"), problems)
    urgency = (
        check_choice(value("urgentie"), "urgentie", Urgency, problems)
        if value("urgentie")
        else Urgency.NORMAAL
    )
    organisation = check_text(value("organisatie"), "organisatie", problems)
    street = check_text(value("straat"), "straat", problems)
    place = check_text(value("plaats"), "plaats", problems)
    reporter = check_text(value("melder"), "melder", problems)
    if reporter is not None and reporter.casefold() == ANONYMOUS:
        reporter = None
    # More fields than the header usually means an unquoted delimiter in a text shifted the
    # row; trailing empty fields alone are harmless unless something else is wrong too.
    extra = record[len(header):]
    if any(field.strip() for field in extra) or (extra and problems):
        problems.insert(
            0,
            tr(
                "de regel heeft meer velden ({found}) dan de kopregel ({expected}); staat er "
                "een '{delimiter}' in een tekst zonder aanhalingstekens?"
            ).format(found=len(record), expected=len(header), delimiter=delimiter),
        )

    if (
        problems
        or occurred is None
        or source is None
        or category is None
        or postcode is None
        or house_number is None
        or description is None
        or urgency is None
    ):
        return RowError(line=line, reason="; ".join(problems), raw=raw)
    day, moment = occurred
    return ImportRow(
        line=line,
        occurred_on=day,
        occurred_time=moment,
        source=source,
        organisation=organisation,
        category=category,
        postcode=postcode,
        house_number=house_number,
        addition=addition,
        street=street,
        place=place,
        description=description,
        urgency=urgency,
        reporter=reporter,
    )


# Field checks, public so that the signal-intake service checks a signal typed in the window
# exactly as an imported row. Each takes the stripped text, appends Dutch problems to
# ``problems`` and returns the typed value, or None when it is missing or invalid.


def _missing(column: str) -> str:
    return tr("{column} ontbreekt").format(column=column)


def check_date(text: str, now: datetime, problems: list[str]) -> tuple[date, time | None] | None:
    if not text:
        problems.append(_missing("datum"))
        return None
    parts = _BLANKS.split(text, maxsplit=1)
    day_text, time_text = parts[0], (parts[1] if len(parts) > 1 else None)
    parsed: tuple[date, time | None] | None = None
    try:
        if match := _DAY_FIRST.fullmatch(day_text):
            day = date(int(match[3]), int(match[2]), int(match[1]))
        elif match := _YEAR_FIRST.fullmatch(day_text):
            day = date(int(match[1]), int(match[2]), int(match[3]))
        else:
            raise ValueError(day_text)
        moment: time | None = None
        if time_text is not None:
            time_match = _TIME.fullmatch(time_text)
            if time_match is None:
                raise ValueError(time_text)
            moment = time(int(time_match[1]), int(time_match[2]), int(time_match[3] or 0))
        parsed = (day, moment)
    except ValueError:
        problems.append(
            tr(
                "datum '{value}' is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd, "
                "eventueel met uu:mm)"
            ).format(value=_show(text))
        )
        return None
    day, moment = parsed
    if day.year < 1900:
        problems.append(
            tr("datum '{value}' ligt vóór 1900; controleer het jaartal").format(value=_show(text))
        )
        return None
    in_future = (
        datetime.combine(day, moment) > now if moment is not None else day > now.date()
    )
    if in_future:
        problems.append(
            tr("datum '{value}' ligt in de toekomst").format(value=_show(text))
        )
        return None
    return parsed


def check_choice(
    text: str, column: str, kind: type[_Choice], problems: list[str]
) -> _Choice | None:
    if not text:
        problems.append(_missing(column))
        return None
    try:
        return kind(text.lower())
    except ValueError:
        problems.append(
            tr("{column} '{value}' is onbekend; kies uit {options}").format(
                column=column, value=_show(text), options=", ".join(m.value for m in kind)
            )
        )
        return None


def check_category(
    text: str, categories: Mapping[str, str], problems: list[str]
) -> str | None:
    if not text:
        problems.append(_missing("categorie"))
        return None
    key = _BLANKS.sub(" ", text)
    code = categories.get(key.lower()) or categories.get(key.casefold())
    if code is None:
        problems.append(
            tr(
                "categorie '{value}' is onbekend; gebruik een code of naam uit de "
                "categorielijst (bijvoorbeeld WO-OVL of Woonoverlast)"
            ).format(value=_show(text))
        )
    return code


def check_postcode(text: str, problems: list[str]) -> str | None:
    if not text:
        problems.append(_missing("postcode"))
        return None
    try:
        return normalise_postcode(text)
    except ValidationError:
        problems.append(
            tr(
                "postcode '{value}' is geen geldige Nederlandse postcode (vier cijfers en "
                "twee letters, zoals 6411 AB)"
            ).format(value=_show(text))
        )
        return None


def check_house_number(text: str, problems: list[str]) -> int | None:
    if not text:
        problems.append(_missing("huisnummer"))
        return None
    if _HOUSE_NUMBER.fullmatch(text) and 0 < int(text) <= MAX_HOUSE_NUMBER:
        return int(text)
    problems.append(
        tr(
            "huisnummer '{value}' is geen positief geheel getal; een letter of toevoeging "
            "hoort in de kolom toevoeging"
        ).format(value=_show(text))
    )
    return None


def check_addition(text: str, problems: list[str]) -> str | None:
    if not text:
        return None
    compact = text.lstrip("-").strip()
    if _ADDITION.fullmatch(compact) and len(compact) <= MAX_ADDITION:
        return compact
    problems.append(
        tr(
            "toevoeging '{value}' mag alleen letters en cijfers bevatten (hoogstens {limit})"
        ).format(value=_show(text), limit=MAX_ADDITION)
    )
    return None


def check_description(text: str, problems: list[str]) -> str | None:
    if not text:
        problems.append(tr("omschrijving is leeg"))
        return None
    if len(text) > MAX_DESCRIPTION:
        problems.append(
            tr("omschrijving is te lang: {length} tekens, hoogstens {limit}").format(
                length=len(text), limit=MAX_DESCRIPTION
            )
        )
        return None
    return text


def check_text(text: str, column: str, problems: list[str]) -> str | None:
    if not text:
        return None
    limit = TEXT_LIMITS.get(column, MAX_TEXT)
    if len(text) > limit:
        problems.append(
            tr("{column} is te lang: {length} tekens, hoogstens {limit}").format(
                column=column, length=len(text), limit=limit
            )
        )
        return None
    return text


def rejects_csv(result: ImportResult) -> str:
    """The refused rows as CSV, with their reason in an extra column ``fout``.

    Uses the input's delimiter and column order, so the user can fix the rows and import
    this file again (the ``fout`` column is ignored on import). Write it with encoding
    ``utf-8-sig`` so Excel reads the accents.
    """
    columns = [name for name in result.header if name and name != REJECT_REASON_COLUMN]
    out = io.StringIO()
    writer = safe_writer(out, result.delimiter)
    writer.writerow([*columns, REJECT_REASON_COLUMN])
    for error in result.errors:
        writer.writerow([*(error.raw.get(name, "") for name in columns), error.reason])
    return out.getvalue()


def format_errors(errors: Sequence[RowError], limit: int | None = None) -> list[str]:
    """One line per refused row: ``regel 7: postcode '12AB' is geen geldige ...``.

    With ``limit``, at most that many rows and then one line saying how many more there are.
    """
    shown = errors if limit is None else errors[: max(limit, 0)]
    lines = [
        tr("regel {line}: {reason}").format(line=error.line, reason=error.reason)
        for error in shown
    ]
    hidden = len(errors) - len(shown)
    if hidden:
        lines.append(tr("… en nog {count} regel(s) met fouten").format(count=hidden))
    return lines


# Older private names, still used by callers written before the checks were public.
_check_date = check_date
_check_choice = check_choice
_check_category = check_category
_check_postcode = check_postcode
_check_house_number = check_house_number
_check_addition = check_addition
_check_description = check_description
_check_text = check_text
