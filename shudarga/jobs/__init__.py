"""Jobs: long work (a ZIP of an aimag's reports, a large report's PDF, a bulk import from the
web) that a background worker runs while the page and the command line show its progress.

A Job is the record a person sees: what was asked, by whom, about which report or node, how
far it has got (done of total), and its result file in the "generated" storage. The django-tasks
task ``jobs.tasks.job_run`` does the work; the Job row is what pages poll.
"""
