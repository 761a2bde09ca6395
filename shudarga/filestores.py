"""Where files are kept: the "evidence" and "generated" storages, on disk or in an S3 bucket.

``file_storages()`` builds their part of settings.STORAGES from SHUDARGA_STORAGE (imported by
shudarga.settings, so it reads only the environment). Code reaches a file only through
``django.core.files.storage.storages[alias]``; ``StorageAlias`` is that lookup as a storage
object, for a FileField whose storage must follow the setting (tests swap it).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.utils.functional import LazyObject

FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "storages.backends.s3.S3Storage"


class StorageConfigError(ValueError):
    """A SHUDARGA_STORAGE setting that cannot work: said at start, not at the first upload."""


def _secret(env: Mapping[str, str], name: str) -> str | None:
    """``name`` or the contents of the file ``name_FILE`` (readable by the service only)."""
    value = env.get(name, "")
    if not value and env.get(f"{name}_FILE"):
        value = Path(env[f"{name}_FILE"]).read_text(encoding="utf-8").strip()
    return value or None


def _s3_options(env: Mapping[str, str], prefix: str) -> dict[str, Any]:
    bucket = env.get("SHUDARGA_S3_BUCKET", "")
    if not bucket:
        raise StorageConfigError("SHUDARGA_STORAGE=s3 needs SHUDARGA_S3_BUCKET")
    endpoint = env.get("SHUDARGA_S3_ENDPOINT_URL") or None
    # MinIO, Ceph and most stores besides AWS address a bucket by path, not by host name.
    style = env.get("SHUDARGA_S3_ADDRESSING_STYLE") or ("path" if endpoint else None)
    return {
        "bucket_name": bucket,
        "location": prefix,
        "endpoint_url": endpoint,
        "region_name": env.get("SHUDARGA_S3_REGION") or None,
        "access_key": _secret(env, "SHUDARGA_S3_ACCESS_KEY_ID"),
        "secret_key": _secret(env, "SHUDARGA_S3_SECRET_ACCESS_KEY"),
        "addressing_style": style,
        # Private objects: every file goes out through a view that checks access, never
        # through a bucket URL (no ACL is set: the bucket's own policy applies).
        "default_acl": None,
        "querystring_auth": True,
    }


def file_storages(
    env: Mapping[str, str], *, evidence_root: Path, generated_root: Path
) -> dict[str, dict[str, Any]]:
    """STORAGES["evidence"] and STORAGES["generated"] for SHUDARGA_STORAGE (filesystem|s3)."""
    kind = env.get("SHUDARGA_STORAGE", "filesystem")
    if kind == "filesystem":
        return {
            "evidence": {"BACKEND": FILESYSTEM_BACKEND, "OPTIONS": {"location": evidence_root}},
            "generated": {
                "BACKEND": FILESYSTEM_BACKEND,
                # Two first requests for the same file write the same bytes: the second may
                # overwrite.
                "OPTIONS": {"location": generated_root, "allow_overwrite": True},
            },
        }
    if kind == "s3":
        return {
            # Random names: an upload never replaces another's object.
            "evidence": {
                "BACKEND": S3_BACKEND,
                "OPTIONS": {**_s3_options(env, "evidence"), "file_overwrite": False},
            },
            "generated": {
                "BACKEND": S3_BACKEND,
                "OPTIONS": {**_s3_options(env, "generated"), "file_overwrite": True},
            },
        }
    raise StorageConfigError(f"SHUDARGA_STORAGE must be filesystem or s3, not {kind!r}")


class StorageAlias(LazyObject):
    """``storages[alias]`` looked up on every use, as a storage object (isinstance works).

    A FileField calls its storage callable once, when the model class is built; handing it
    this proxy instead of the storage keeps the field on whatever STORAGES says now.
    """

    def __init__(self, alias: str) -> None:
        self.__dict__["_alias"] = alias  # LazyObject's __setattr__ would forward it

    @property
    def _wrapped(self) -> Any:  # read on every attribute access: no stale storage is kept
        from django.core.files.storage import storages

        return storages[self.__dict__["_alias"]]

    def _setup(self) -> None:  # the property above never leaves anything to set up
        pass

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        # The configured backend's class, read from the setting: FileField's isinstance check
        # at import must not build the storages (a later change of STORAGES would be ignored).
        from django.conf import settings
        from django.utils.module_loading import import_string

        return import_string(settings.STORAGES[self.__dict__["_alias"]]["BACKEND"])

    def __repr__(self) -> str:
        return f"<StorageAlias {self.__dict__['_alias']!r}: {self._wrapped!r}>"
