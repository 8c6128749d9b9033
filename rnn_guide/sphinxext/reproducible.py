"""Byte-identical builds: zip archives carry no file times of the build machine.

sphinx-gallery zips the examples with each file's modification time, so two builds of the same
commit differ. After the build, every zip in the output is rewritten with its entries sorted
and dated ``SOURCE_DATE_EPOCH`` (or 1980-01-01, the earliest date a zip can hold).
"""

from __future__ import annotations

import datetime as _dt
import os
import zipfile
from pathlib import Path

__all__ = ["normalize_zip", "zip_timestamp"]


def zip_timestamp(environ: dict[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """The date for every zip entry: ``SOURCE_DATE_EPOCH`` when set, else 1980-01-01.

    >>> zip_timestamp({"SOURCE_DATE_EPOCH": "1700000000"})
    (2023, 11, 14, 22, 13, 20)
    >>> zip_timestamp({})
    (1980, 1, 1, 0, 0, 0)
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return (1980, 1, 1, 0, 0, 0)
    moment = _dt.datetime.fromtimestamp(max(int(epoch), 315532800), tz=_dt.UTC)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def normalize_zip(path: Path, date_time: tuple[int, int, int, int, int, int]) -> None:
    """Rewrite one zip with sorted entries, one date and fixed permissions."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    tmp = path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    tmp.replace(path)
