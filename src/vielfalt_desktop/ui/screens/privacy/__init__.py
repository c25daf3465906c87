"""The Datenschutz screen (``screen.PrivacyScreen``) and its pages: the audit trail
(``audit_page``), the deletion log (``deletion_page``), both saved through ``log_page``, and
the retention rules (``retention_page``)."""
