"""The bare SQL of each page of bench/national.py: the queries that return the numbers the
page shows (its counts, its first page of rows, its groups), by hand, with the same access
rule (the public: a report with a current publication). A page costs its bare SQL plus a
trivial Django view at best; the bench prints how far above that each page is.

Parameters: %(year)s, the newest year, and %(root)s, the country's path prefix ("0001%").
"""

from __future__ import annotations

_SUMMARIES = """FROM plans_reportsummary s JOIN orgs_organization o ON o.id = s.organization_id
    WHERE s.year = %(year)s AND s.period = 'annual' AND o.kind = 'organization'
    AND o.path LIKE %(root)s"""
_SENT = "s.status IN ('submitted', 'accepted', 'published')"
_PUBLIC = """EXISTS (SELECT 1 FROM plans_reportpublication p
    WHERE p.report_id = {report} AND p.is_current)"""

BARE: dict[str, list[str]] = {
    "plans (national)": ["""
        SELECT p.id, p.year, o.name, COUNT(m.id) FROM plans_plan p
        JOIN orgs_organization o ON o.id = p.organization_id
        LEFT JOIN plans_objective ob ON ob.plan_id = p.id
        LEFT JOIN plans_measure m ON m.objective_id = ob.id
        GROUP BY p.id, p.year, o.name ORDER BY p.year DESC, o.name LIMIT 50"""],
    "dashboard (national)": [
        """SELECT COUNT(*) FROM orgs_organization
           WHERE kind = 'organization' AND path LIKE %(root)s""",
        """SELECT COUNT(*) FROM plans_plan p JOIN orgs_organization o ON o.id = p.organization_id
           WHERE p.year = %(year)s AND o.kind = 'organization' AND o.path LIKE %(root)s""",
        f"""SELECT COUNT(*) FILTER (WHERE {_SENT}),
            COUNT(*) FILTER (WHERE s.status IN ('accepted', 'published')) {_SUMMARIES}""",
        f"""SELECT width_bucket(s.official_total, 0, 100, 10), COUNT(*) {_SUMMARIES}
            AND {_SENT} GROUP BY 1""",
        f"""SELECT substr(o.path, 1, 8), COUNT(*), AVG(s.official_total) {_SUMMARIES}
            AND {_SENT} GROUP BY 1""",
        f"""SELECT ob.title, SUM(x.scored), SUM(x.zero), SUM(x.thirty)
            FROM plans_objectivesummary x JOIN plans_objective ob ON ob.id = x.objective_id
            JOIN plans_reportsummary s ON s.id = x.summary_id
            JOIN orgs_organization o ON o.id = s.organization_id
            WHERE s.year = %(year)s AND s.period = 'annual' AND o.kind = 'organization'
            AND o.path LIKE %(root)s AND {_SENT} GROUP BY ob.title""",
        f"""SELECT COUNT(*) {_SUMMARIES} AND {_SENT}""",
        f"""SELECT s.*, o.name, RANK() OVER (ORDER BY s.official_total DESC NULLS LAST)
            {_SUMMARIES} AND {_SENT}
            ORDER BY s.official_total DESC NULLS LAST, o.name, s.id LIMIT 50""",
    ],
    "portal year": [
        """SELECT substr(o.path, 1, 8), r.period, COUNT(*), COUNT(p.official_total),
           SUM(p.official_total) FROM plans_reportpublication p
           JOIN plans_report r ON r.id = p.report_id JOIN plans_plan pl ON pl.id = r.plan_id
           JOIN orgs_organization o ON o.id = pl.organization_id
           WHERE pl.year = %(year)s AND p.is_current GROUP BY 1, 2""",
        """SELECT COUNT(*) FROM plans_reportpublication p JOIN plans_report r ON r.id = p.report_id
           JOIN plans_plan pl ON pl.id = r.plan_id WHERE pl.year = %(year)s AND p.is_current""",
        """SELECT p.id, p.official_total, r.period, o.name FROM plans_reportpublication p
           JOIN plans_report r ON r.id = p.report_id JOIN plans_plan pl ON pl.id = r.plan_id
           JOIN orgs_organization o ON o.id = pl.organization_id
           WHERE pl.year = %(year)s AND p.is_current ORDER BY o.name, r.period, p.id LIMIT 50""",
    ],
    "open data measures.csv": ["""
        SELECT p.document FROM plans_reportpublication p
        JOIN plans_report r ON r.id = p.report_id JOIN plans_plan pl ON pl.id = r.plan_id
        WHERE pl.year = %(year)s AND p.is_current"""],
    "api summaries": [
        "SELECT COUNT(*) FROM plans_reportsummary s WHERE s.year = %(year)s AND "
        + _PUBLIC.format(report="s.report_id"),
        """SELECT s.*, o.name FROM plans_reportsummary s
           JOIN orgs_organization o ON o.id = s.organization_id WHERE s.year = %(year)s AND """
        + _PUBLIC.format(report="s.report_id")
        + " ORDER BY o.name, s.period, s.id LIMIT 20",
    ],
    "api plans": [
        """SELECT COUNT(*) FROM plans_plan pl WHERE EXISTS (SELECT 1 FROM plans_report r
           WHERE r.plan_id = pl.id AND """ + _PUBLIC.format(report="r.id") + ")",
        """SELECT pl.*, o.name FROM plans_plan pl JOIN orgs_organization o
           ON o.id = pl.organization_id WHERE EXISTS (SELECT 1 FROM plans_report r
           WHERE r.plan_id = pl.id AND """ + _PUBLIC.format(report="r.id") + """)
           ORDER BY pl.year DESC, o.name, pl.id LIMIT 20""",
    ],
    "api organizations": [
        """SELECT COUNT(*) FROM orgs_organization o WHERE EXISTS (SELECT 1 FROM plans_plan pl
           JOIN plans_report r ON r.plan_id = pl.id WHERE pl.organization_id = o.id AND """
        + _PUBLIC.format(report="r.id") + ")",
        """SELECT o.* FROM orgs_organization o WHERE EXISTS (SELECT 1 FROM plans_plan pl
           JOIN plans_report r ON r.plan_id = pl.id WHERE pl.organization_id = o.id AND """
        + _PUBLIC.format(report="r.id") + ") ORDER BY o.name, o.id LIMIT 20",
    ],
}  # fmt: skip
