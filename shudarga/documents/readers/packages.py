"""What a binary file is, told from its bytes, and a safe look inside Office packages.

A DOCX or an XLSX is a ZIP whose main part names it ("word/document.xml", "xl/workbook.xml").
Old Word and Excel files (.doc, .xls) are OLE compound files; so is a password-protected DOCX
or XLSX, which keeps the real package encrypted in a stream named "EncryptedPackage".

A ZIP's directory is checked before anything is unpacked: a small file that unpacks to hundreds
of megabytes (a "ZIP bomb") would exhaust memory in the XML parsers. Python's zipfile never
unpacks a member beyond the size its directory entry declares, so checking the directory is
enough.
"""

from __future__ import annotations

import io
import zipfile

from shudarga.documents.errors import ReadError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
PDF_MAGIC = b"%PDF"

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed of one member; Office XML compresses about 10 to 1
BIG_MEMBER_BYTES = 1024 * 1024  # smaller members may compress as well as they like
MAX_MEMBERS = 10_000

# Stream names in an OLE directory are UTF-16-LE.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD = "WordDocument".encode("utf-16-le")
_EXCEL = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


def open_package(data: bytes, kind: str) -> zipfile.ZipFile:
    """The ZIP inside ``data``, once its directory has been found safe to unpack."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception as exc:  # zipfile raises many kinds on hostile bytes (even NotImplemented)
        raise ReadError("file_corrupt", kind=kind) from exc
    check_bomb(infos)
    return archive


def check_bomb(infos: list[zipfile.ZipInfo]) -> None:
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    too_dense = any(
        i.file_size > BIG_MEMBER_BYTES and i.file_size > MAX_RATIO * max(1, i.compress_size)
        for i in infos
    )
    if unpacked > MAX_UNPACKED_BYTES or too_dense or len(infos) > MAX_MEMBERS:
        raise ReadError("file_bomb", unpacked=unpacked, packed=packed)


def zip_kind(data: bytes) -> str:
    """ "docx", "xlsx", or "zip" for any other ZIP; a damaged package is refused as one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # zipfile raises many kinds on hostile bytes (even NotImplemented)
        # No readable directory (a truncated file): the local headers still name the parts.
        head = data[: 64 * 1024]
        if b"word/" in head:
            raise ReadError("file_corrupt", kind="docx") from None
        if b"xl/" in head:
            raise ReadError("file_corrupt", kind="xlsx") from None
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def ole_kind(data: bytes) -> str:
    """ "encrypted" (a password-protected DOCX/XLSX), "doc", "xls" or "ole"."""
    if _ENCRYPTED in data:
        return "encrypted"
    if _WORD in data:
        return "doc"
    if any(name in data for name in _EXCEL):
        return "xls"
    return "ole"
