"""The demo data: the Khujirt 2024 report and a demo administrator."""

# Only for the demo on 127.0.0.1; printed by the README and on the login page of the demo.
DEMO_ADMIN = ("admin", "shudarga-demo")
