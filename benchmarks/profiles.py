"""What the profiles showed for targets missed, and what was done about them (2026-11-24).

run.py appends the entry's text to the note of a missed target. The texts describe src/ as it
was profiled then (cProfile, EXPLAIN QUERY PLAN, /proc/self/status, ``-X importtime`` on the
100 000-contact set); once a fix has landed and the target is met, the text is not shown.
"""

from __future__ import annotations

PROFILES: dict[str, str] = {
    "encryption_overhead": (
        "Profil (2026-11-24, nach Migration 0006): warm ×1.0–1.1, Einfügen ×1.1–1.2; kalt "
        "liegt es an den gelesenen Seiten: jede 4-KiB-Seite wird entschlüsselt und ihr "
        "HMAC-SHA512 geprüft, ~6.7 µs je Seite gegen ~5 µs, die SQLite selbst für Lesen und "
        "Zerlegen braucht (Messung über 1 900 Seiten: SHA512 22.7 ms, HMAC_SHA256 17.3 ms, "
        "ohne HMAC 11.0 ms, unverschlüsselt 10.0 ms; AES-256-CBC allein ~0.5 µs). Die "
        "Stadtteil-Anzahl liest jetzt den schmalen Index contact(district, deleted), ein "
        "Viertel der Seiten (kalt 5.6 → 2.4 ms); die erste Seite ist Python-lastig (×1.15). "
        "Weiter käme man nur mit schwächeren oder abweichenden SQLCipher-Einstellungen "
        "(HMAC_SHA256, cipher_use_hmac = OFF) – nicht gemacht; größere Seiten (16 KiB) "
        "machen die erste Seite kalt langsamer."
    ),
    "bundle_export": (
        "Profil vorher: ~60 % in changes._wire_row (Feld für Feld in Python). Jetzt baut "
        "SQLite jede Zeile als JSON (json_array über dieselbe Auswahl), die Bytes kommen "
        "direkt vom Cursor und werden gestückelt komprimiert; byteidentische Nutzlast."
    ),
    "bundle_import": (
        "Profil vorher: json.loads und validate mit Pythons zyklischer Speicherbereinigung "
        "(2–4 s statt 0.6 s), je Zeile eine Anweisung (jede schreibt über die Trigger in den "
        "FTS5-Index und leert ihn), Tags in zufälliger Reihenfolge, integrity_check 6 s. "
        "Jetzt: Speicherbereinigung aus für json.loads, Prüfung und Einfügen; 500 Zeilen je "
        "INSERT, Zeilen nach id und Tags sortiert, Prüfplan je Art, quick_check + "
        "cipher_integrity_check nach dem Import (integrity_check bleibt in „vielfalt check“)."
    ),
    "gui_first_page": (
        "Profil vorher: Übersicht synchron 0.28–0.45 s (Konflikte mit row_number() über alle "
        "Interventionen, zweimal; fällige Kontakte als Scan + Sortierung); Spaltenbreiten "
        "über 200 Zeilen. Jetzt Indexe aus Migration 0006, Gesamtzahl per count(*) OVER (), "
        "Spaltenbreiten aus den sichtbaren Zeilen."
    ),
    "gui_filter": (
        "Profil vorher: fold(note) LIKE '%…%' liest jede Zeile des Stadtteils. Jetzt FTS5 "
        "(contact_fts, Trigramme über fold(note), fold(pseudonym); kürzer als 3 Zeichen: LIKE)."
    ),
    "gui_rss": (
        "Profil (VmRSS je Schritt): 145 MB schon vor dem Öffnen (Qt 30 MiB, SQLAlchemy 36, "
        "Alembic 17, zxcvbn 13 …); SQLCiphers Seitencache je Verbindung und Thread."
    ),
    "cold_start": (
        "Profil (-X importtime): Qt + UI ~0.2–0.3 s; der Rest sind Importe, die das "
        "Entsperrfenster nicht braucht."
    ),
    "report_pdf": "",
    "store_floor": "",
    "bundle_reimport": "",
}
