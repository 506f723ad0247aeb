"""The translation sources follow the code: every text marked for translation is in the
``.ts`` files, each ``.qm`` is the compilation of its ``.ts``, and a translation keeps the
placeholders its Dutch source fills in.

When a test here fails after new texts were added: run ``make translations`` (it keeps the
existing translations) and commit ``resources/translations`` and
``sociaalveilig/resources/translations``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from sociaalveilig import language
from sociaalveilig.core import i18n
from sociaalveilig.core.enums import Role
from tools import translations

# ``{name}``, ``{byte:02X}`` (str.format) and ``%(name)s``, ``%s`` (argparse's own texts).
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[a-z]|%[sdr]")


@pytest.fixture
def english() -> Iterator[None]:
    language.install_for_command_line("en")
    yield
    language.install_for_command_line(language.SOURCE_LANGUAGE)


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_every_text_of_the_code_is_in_the_ts_file(lang: str) -> None:
    committed = set(translations.messages(translations.ts_path(lang)))
    missing = sorted(translations.code_messages(lang) - committed)
    shown = "\n".join(f"  [{context or 'core'}] {source!r}" for context, source in missing[:20])
    assert not missing, (
        f"{len(missing)} text(s) marked for translation are not in "
        f"resources/translations/{translations.ts_path(lang).name}; run 'make translations' "
        f"and commit the result:\n{shown}"
    )


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_the_qm_file_is_the_compilation_of_the_ts_file(lang: str, tmp_path) -> None:
    fresh = tmp_path / "fresh.qm"
    translations.lrelease(translations.ts_path(lang), fresh)
    assert translations.qm_path(lang).read_bytes() == fresh.read_bytes(), (
        "run 'make translations' and commit sociaalveilig/resources/translations"
    )


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(lang: str) -> None:
    wrong = [
        (source, text)
        for (_, source), text in translations.messages(translations.ts_path(lang)).items()
        if text is not None
        and sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text))
    ]
    assert wrong == []


def test_english_is_complete_enough_to_work_in() -> None:
    texts = translations.messages(translations.ts_path("en"))
    done = sum(1 for text in texts.values() if text is not None)
    # New Dutch texts from other work may wait for a translator (they show in Dutch), but
    # the bulk of the program must be English.
    assert done / len(texts) > 0.9


def test_core_texts_are_filed_under_the_context_core_i18n_looks_up() -> None:
    texts = translations.messages(translations.ts_path("en"))
    assert (i18n.CONTEXT, "Coördinator") in texts
    assert (i18n.CONTEXT, "januari") in texts  # a table marked with QT_TR_NOOP
    # The audit log's labels, a table in the services marked with QT_TR_NOOP.
    assert (i18n.CONTEXT, "casussenlijst") in texts


def test_the_installed_package_holds_the_english_catalogue() -> None:
    assert language.catalogue("en").is_file()


def test_core_texts_read_english_through_the_catalogue(english: None) -> None:
    assert Role.COORDINATOR.label == "Coordinator"
    assert i18n.tr("{n} signalen geïmporteerd.").format(n=3) == "3 signals imported."
    assert i18n.tr("Deze tekst vertaalde niemand.") == "Deze tekst vertaalde niemand."


def test_dutch_needs_no_catalogue() -> None:
    language.install_for_command_line("nl")
    assert Role.COORDINATOR.label == "Coördinator"
    assert language.load_translator("nl") is None


def test_texts_given_to_a_modules_own_translate_helper_are_extracted() -> None:
    # ui/models/area_text.py: def _t(text): return QCoreApplication.translate("AreaText", text)
    found = set(translations.wrapped_texts())
    assert ("AreaText", "geen") in found
    assert ("StatusChange", "Heropenen") in found  # a helper nested in a function
    # ``tr = self.tr`` in a method, then ``tr("...")``: lupdate files those under the empty
    # context, the method looks them up under its class.
    assert ("SignalTableModel", "Ontvangen") in found
    assert ("SignalTableModel", "Ontvangen") in translations.messages(translations.ts_path("en"))
    assert ("AreaText", "geen") in translations.messages(translations.ts_path("en"))


def test_lupdate_sees_every_text_the_code_hands_to_a_translation_call() -> None:
    # A second reading with ast: a call lupdate cannot see (a self.tr inside an f-string)
    # would stay Dutch in every language without anyone noticing.
    committed = set(translations.messages(translations.ts_path("en")))
    unseen = sorted(translations.ast_messages() - committed)
    assert not unseen, (
        "texts in translation calls that are not in the .ts file; if 'make translations' "
        f"does not add them, lupdate cannot read the call (move it out of the f-string): "
        f"{unseen[:10]}"
    )
