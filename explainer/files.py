"""Reading one content file safely (issue 15, M5 and point 4). No Streamlit here.

One content mistake must cost one fact, not the app: every way a file can fail to be read
becomes a calm note naming the file, the row and the field, never an exception.

- missing, a folder instead of a file, too large;
- unreadable (wrong owner or mode on a mounted volume): the note says which user must read it;
- a symbolic link (the file, or a folder on the way to it) that leaves the content folder;
- text in an older encoding (Windows-1252, Latin-1) or UTF-16 ("Unicode text" from Excel):
  the note gives the row (line), the column and, for a table, the field, and the character;
- a table saved with semicolons or tabs between the columns (European Excel);
- a prose file that starts with a front-matter block between `---` lines.

`read_text` returns the text (or None) and the notes; content.py turns the notes into its
own `Problem`s. `row_level` tells a problem in one row from one in the whole file.
"""

from __future__ import annotations

import csv
import os
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 1_000_000

SAVE_CSV = (
    "In Excel use 'Save As' > 'CSV UTF-8'; in LibreOffice tick 'Edit filter settings' and choose 'Unicode (UTF-8)'."
)
SAVE_TEXT = "Save it again in your text editor with the encoding 'UTF-8'."


@dataclass(frozen=True)
class Note:
    message: str
    row: int | None = None
    field: str | None = None


def content_root(path: Path, name: str) -> Path:
    """The content folder that `path` (= folder / name) sits in."""
    return path.parents[len(Path(name).parts) - 1]


def _leaves_folder(root: Path, name: str) -> bool:
    """True if the file, or a folder on the way to it, is a link that points outside `root`."""
    try:
        real_root = root.resolve()
        here = root
        for part in Path(name).parts:
            here = here / part
            if here.is_symlink() and not here.resolve().is_relative_to(real_root):
                return True
        return False
    except PermissionError:
        return False  # a folder we may not look into: reading the file says so
    except (OSError, RuntimeError):  # a link loop
        return True


def _user() -> str:
    return f"user id {os.getuid()}" if hasattr(os, "getuid") else "the user the app runs as"


def _unreadable(name: str) -> Note:
    return Note(
        f"the file cannot be read (permission denied). The app runs as {_user()}: make the file readable "
        f"for it (for example: chmod a+r {name}, and a+rx on its folder)."
    )


def _encoding_note(raw: bytes, err: UnicodeDecodeError, name: str) -> Note:
    start = err.start
    line_start = raw.rfind(b"\n", 0, start) + 1
    row = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    bad = raw[start : max(err.end, start + 1)]
    guess = bad.decode("cp1252", errors="replace")
    field = None
    if name.endswith(".csv"):
        prefix = raw[line_start:start].decode("cp1252", errors="replace")
        header_line = raw.split(b"\n", 1)[0].decode("cp1252", errors="replace").lstrip("\ufeff")
        try:
            header = next(csv.reader([header_line]))
            cells = next(csv.reader([prefix])) if prefix else [""]
            if prefix.endswith(","):
                cells.append("")
            index = len(cells) - 1
            field = header[index].strip() if 0 <= index < len(header) else None
        except (csv.Error, StopIteration):
            field = None
    advice = SAVE_CSV if name.endswith(".csv") else SAVE_TEXT
    return Note(
        f"the file is not UTF-8 text: column {column} has the byte {bad.hex(' ').upper()} "
        f"(probably '{guess}' saved as Windows-1252 or Latin-1). {advice}",
        row=row,
        field=field,
    )


def _separator_note(text: str) -> Note | None:
    header = next((line for line in text.splitlines() if line.strip()), "")
    if "," in header:
        return None
    for sep, label in ((";", "semicolons"), ("\t", "tabs")):
        if sep in header:
            return Note(
                f"the columns are separated by {label}, not commas (a spreadsheet set for another country). {SAVE_CSV}",
                row=1,
            )
    return None


def _front_matter_note(text: str) -> Note | None:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for number, line in enumerate(lines[1:40], start=2):
        if line.strip() in {"---", "..."}:
            return Note(
                f"the file starts with a block between '---' lines (front matter, rows 1 to {number}); "
                "the app would show it to patients as text. Remove those lines.",
                row=1,
                field="front matter",
            )
    return None


def read_text(path: Path, name: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Note]]:
    """The file's text, or None and the notes that say why not. Never raises for a bad file."""
    if _leaves_folder(content_root(path, name), name):
        return None, [
            Note(
                "this is a link to a file outside the content folder; content files must be real files "
                "inside it. Replace the link with a copy of the file."
            )
        ]
    try:
        info = path.stat()
    except PermissionError:
        return None, [_unreadable(name)]
    except (FileNotFoundError, NotADirectoryError):
        return None, [Note("the file is missing. Restore it from the last good copy.")]
    except OSError as err:
        return None, [Note(f"the file cannot be read ({err.strerror or err}).")]
    if not stat.S_ISREG(info.st_mode):
        return None, [Note("this is not a file (a folder or a device has its name). Restore the file.")]
    if info.st_size > max_bytes:
        return None, [Note(f"the file is {info.st_size:,} bytes; content files must be under {max_bytes:,}.")]
    try:
        raw = path.read_bytes()
    except PermissionError:
        return None, [_unreadable(name)]
    except OSError as err:
        return None, [Note(f"the file cannot be read ({err.strerror or err}).")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        advice = SAVE_CSV if name.endswith(".csv") else SAVE_TEXT
        return None, [Note(f"the file is saved as 'Unicode text' (UTF-16), not UTF-8. {advice}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [_encoding_note(raw, err, name)]
    if "\x00" in text:
        return None, [Note("the file contains binary data; it is not a text file.")]
    note = _separator_note(text) if name.endswith(".csv") else _front_matter_note(text)
    if note is not None:
        return None, [note]
    return text, []


def row_level(problem) -> bool:
    """A problem in one data row (row 2 on), not in the whole file or its header."""
    return problem.row is not None and problem.row > 1


def dropped_ids(text: str | None, bad_rows: set[int], id_field: str = "id") -> set[str]:
    """The ids in `bad_rows` (spreadsheet row numbers) of a table whose text is `text`."""
    if not text or not bad_rows:
        return set()
    import io

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        index = header.index(id_field)
    except (StopIteration, ValueError, csv.Error):
        return set()
    ids: set[str] = set()
    try:
        # Numbered as content.py numbers them: the header is row 1, each CSV record one row.
        for row, cells in enumerate(reader, start=2):
            if row in bad_rows and index < len(cells):
                ids.add(cells[index].strip())
    except csv.Error:
        pass
    return ids
