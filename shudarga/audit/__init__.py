"""The audit trail: who signed in (or tried), who downloaded which evidence file, what each
administrator did, with when and from where. Model changes themselves are kept by
django-simple-history beside each model; this app records the acts that change no model."""
