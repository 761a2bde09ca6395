"""Django's SQLite backend, told how many query parameters this SQLite really accepts.

Django assumes 999 (the limit of SQLite before 3.32) and splits every bulk insert into batches
of that size, so storing a 100-measure report with its history took more queries than a
10-measure one. SQLite since 3.32 accepts 32766 by default; the connection says its own limit.
"""
