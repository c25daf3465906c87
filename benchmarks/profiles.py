"""What the profiles showed for targets missed on 2026-11-24, and the fix each one calls for.

run.py appends the entry's text to the note of a missed target. The texts describe src/ as it
was profiled then (cProfile, EXPLAIN QUERY PLAN, /proc/self/status, ``-X importtime`` on the
100 000-contact set); once a fix has landed and the target is met, the text is not shown.
"""

from __future__ import annotations

PROFILES: dict[str, str] = {
    "encryption_overhead": (
        "Profil: Einfügen ×1.0–1.2 (die Python-Seite überwiegt). Die Abfrage liest zu viele "
        "Seiten, und jede wird entschlüsselt und per HMAC-SHA512 geprüft: SQLCiphers SQLite "
        "3.53 scannt für die erste Seite (ORDER BY date DESC, created_hlc DESC, id DESC) die "
        "ganze Tabelle und sortiert (EXPLAIN: SCAN contact + TEMP B-TREE; Pythons sqlite3 3.40 "
        "nimmt ix_contact_date), und „deleted = 0“ steht in keinem Index, also liest die "
        "Stadtteil-Anzahl jede Zeile des Stadtteils. Abhilfe (store/models.py + Migration): "
        "Indexe contact(deleted, date, created_hlc, id) und contact(district, deleted, date, "
        "created_hlc, id): erste Seite kalt 195 → 1 ms, Stadtteil-Anzahl 100 → 4 ms; danach "
        "warm ×1.06, kalt ×1.6–2.5 auf wenigen ms (Entschlüsselung je Seite, prinzipbedingt; "
        "HMAC_SHA256 statt SHA512 brächte ×2.5 → ×2.0)."
    ),
    "bundle_export": (
        "Profil: ~60 % in sync/changes.collect/_wire_row (SQLAlchemys Datums-Regex, "
        "codec.decode → canonical für jedes Feld, json.loads für stamps und Codes), ~15 % "
        "canonical_json, ~15–20 % zlib Stufe 6. Abhilfe: die Wire-Zeilen in SQLite bauen "
        "(SELECT json_array(id, origin, created_hlc, json(deleted-Bool), json(stamps), "
        "json_array(Felder, json(Codes))) über die bestehende _selection, Zeilen mit ',' "
        "verbinden) – gemessen byteidentische Nutzlast, Kern ×0.9 der Basis; dazu zlib "
        "Stufe 1 in sync/bundle.write_bundle (2.6 → 0.8 s, Bündel 16 → 20 MB)."
    ),
    "bundle_import": (
        "Profil: changes._insert ~50 % (IncomingRow → Record → codec.to_row → SQLAlchemy-"
        "executemany mit Dicts), changes.validate ~17 % (uuid.UUID je id, Feldprüfung über "
        "if-Ketten), Store.integrity_problems() nach jedem Import ~14 % (PRAGMA "
        "cipher_integrity_check + integrity_check über den ganzen Bestand), open_bundle ~10 % "
        "(json.loads). Abhilfe: in _insert Tupel direkt aus den kanonischen Werten und "
        "conn.exec_driver_sql(INSERT …, tupel) (auch für Tags); UUID per Regex und ein "
        "Prüfplan je Art in _validate_row; die Integritätsprüfung aus SyncService._import "
        "nehmen (bleibt in „vielfalt check“). Zusammen gemessen 15.9 s vs Basis 5.9 s (×2.7), "
        "gleicher Digest."
    ),
    "gui_first_page": (
        "Profil: das Hauptfenster baut und lädt die Übersicht synchron (0.28 s; "
        "OverviewService.due: Konflikte mit row_number() über alle Interventionen 126 ms kalt "
        "und dieselbe Abfrage noch einmal für die Anzahl 69 ms), dann Kontakte: count über "
        "deleted = 0 als Vollscan 66 ms, erste Seite als Vollscan + Sortierung 44 ms, "
        "Spaltenbreiten (ListScreen._size_columns → sizeHintForColumn über 200 Zeilen × 10 "
        "Spalten) 78 ms. Abhilfe: die Indexe wie bei encryption_overhead; _due_conflicts über "
        "die neueste Intervention je offenem Konflikt (korrelierte Unterabfrage, Index "
        "intervention(conflict_id, deleted, date, created_hlc, id)) und die Anzahl per "
        "count(*) OVER () in derselben Abfrage; Spaltenbreiten nur aus sichtbaren Zeilen "
        "(verticalHeader().setResizeContentsPrecision(0))."
    ),
    "gui_filter": (
        "Profil: der Text filtert als fold(note) LIKE '%…%' und liest jede Zeile des "
        "Stadtteils (kalt ~150 ms); schnell ist es nur, wenn das count(*) der Liste vorher die "
        "ganze Tabelle in den Seitencache gelesen hat. Abhilfe: FTS5 wie in DESIGN §8 "
        "(contact_fts mit tokenize='trigram', Filter rowid IN (… MATCH …)): 582 Treffer in "
        "12 ms kalt."
    ),
    "gui_rss": (
        "Profil (VmRSS je Schritt): 145 MB schon vor dem Öffnen (Qt 30 MiB, SQLAlchemy 36, "
        "Alembic 17, zxcvbn 13 …); SQLCiphers Seitencache 64 MiB je Verbindung "
        "(cache_size = -65536 in store/engine._on_connect) und eine Verbindung je Thread "
        "(die Berichte rechnen im QThreadPool): Übersicht + Kontakte +73 MiB, Berichte "
        "+77 MiB. Abhilfe: cache_size 16 MiB beim Verbinden und 64 MiB nur für die Dauer von "
        "Store.write() (gemessen: Spitze 236 MiB = 247 MB); Alembic nur importieren, wenn "
        "migriert werden muss, zxcvbn nur im Einrichtungsdialog."
    ),
    "cold_start": (
        "Profil (-X importtime): import vielfalt_desktop.ui.main dauert 0.8–1.1 s, davon "
        "~0.8 s services.app (SQLAlchemy, Alembic, Modelle, PII-Prüfung), weil "
        "ui/controller.py und ui/unlock_window.py App und store.database.DataPaths auf "
        "Modulebene importieren. Abhilfe: App nur unter TYPE_CHECKING, default_opener "
        "importiert App erst beim Entsperren (läuft ohnehin im Hintergrund-Thread), "
        "DataPaths.exists() ohne SQLAlchemy (zwei Path.exists()); dann bleibt Qt + UI "
        "(~0.2–0.3 s)."
    ),
    "report_pdf": "",
    "store_floor": "",
    "bundle_reimport": "",
}
