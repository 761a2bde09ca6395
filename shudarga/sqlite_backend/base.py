"""The embedded database's backend: Django's, with the real parameter limit (see __init__)."""

from __future__ import annotations

import sqlite3

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):  # type: ignore[no-untyped-def]
        connection = super().get_new_connection(conn_params)
        limit = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        # Per connection wrapper: features are created per wrapper, so this is not global.
        self.features.max_query_params = limit
        return connection
