"""Operating an instance: backing up and restoring its database and files (no web, no CLI).

- ``archive``: the backup file itself (a tar whose last member is a manifest with the size and
  sha256 of every other member), written atomically and read back verified;
- ``databases``: a consistent dump and an all-or-nothing load, per database vendor;
- ``backup``: ``backup()`` and ``restore()``, the database and the file areas together.
"""
