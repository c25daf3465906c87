"""Reports and exports, from the store's records to bytes on paper (no Qt, no files written).

The coordinator's report, in the order its data flows:

* :mod:`.snapshot` — the period's records copied into temporary tables; the counting queries
* :mod:`.statistics` — the counts arranged into the report's tables, one module per section
* :mod:`.tables` — the types a report is made of (cells, tables, sections, key figures)
* :mod:`.disclosure` — small-cell protection; :mod:`.published` — the report after it
* :mod:`.pdf` (with :mod:`.pdf_charts`, :mod:`.pdf_page`) and :mod:`.csv_export` — rendered

Beside it: :mod:`.slip` (the referral slip), :mod:`.log_pdf` (deletion log and audit trail as
PDF), :mod:`.spreadsheet` (CSV safe for Excel), :mod:`.formatting` and :mod:`.fonts`. The
services that write these files are :mod:`vielfalt_desktop.services.report_export` and
:mod:`vielfalt_desktop.services.log_export`.
"""
