<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AuditPage</name>
    <message>
        <source>Gerät</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Alle Geräte</source>
        <translation>All devices</translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Alle Aktionen</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Art der Einträge</source>
        <translation>Kind of entries</translation>
    </message>
    <message>
        <source>Alle Arten</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Kennung eines Eintrags</source>
        <translation>ID of an entry</translation>
    </message>
    <message>
        <source>vollständige Kennung eines Eintrags</source>
        <translation>complete ID of an entry</translation>
    </message>
    <message>
        <source>Zurücksetzen</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <source>&amp;Gerät:</source>
        <translation>&amp;Device:</translation>
    </message>
    <message>
        <source>A&amp;ktion:</source>
        <translation>Ac&amp;tion:</translation>
    </message>
    <message>
        <source>Ar&amp;t:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>K&amp;ennung:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>Prüfprotokoll</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Anzahl der Einträge</source>
        <translation>Number of entries</translation>
    </message>
    <message>
        <source>Doppelklick auf eine Zeile zeigt alle Einträge zu derselben Kennung.</source>
        <translation>Double-click a row to see all entries with the same ID.</translation>
    </message>
    <message>
        <source>Keine Einträge für diese Filter.</source>
        <translation>No entries for these filters.</translation>
    </message>
    <message>
        <source>Als P&amp;DF speichern …</source>
        <translation>Save as PD&amp;F …</translation>
    </message>
    <message>
        <source>Als &amp;CSV speichern …</source>
        <translation>Save as &amp;CSV …</translation>
    </message>
    <message>
        <source>Hinweis: Exportierte PDF- und CSV-Dateien sind nicht verschlüsselt. Sie enthalten keine Inhalte, aber Kennungen, Gerätenamen und Zeitpunkte. Gespeichert wird, was die Filter zeigen. Bitte nur auf dienstlichen Laufwerken ablegen.</source>
        <translation>Note: exported PDF and CSV files are not encrypted. They hold no content, but IDs, device names and times. What the filters show is saved. Please keep them on work drives only.</translation>
    </message>
    <message>
        <source>{name} (dieses Gerät)</source>
        <translation>{name} (this device)</translation>
    </message>
    <message>
        <source>1 Eintrag</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <source>{n} Einträge</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>{n} von {m} Einträgen</source>
        <translation>{n} of {m} entries</translation>
    </message>
    <message>
        <source>Prüfprotokoll speichern (unverschlüsselt)</source>
        <translation>Save audit trail (not encrypted)</translation>
    </message>
</context>
<context>
    <name>BusyNotice</name>
    <message>
        <source>Der Datenbestand wird gerade von einem anderen Vorgang benutzt – warte …</source>
        <translation>The data store is in use by another operation – waiting …</translation>
    </message>
</context>
<context>
    <name>ConflictForm</name>
    <message>
        <source>Neuer Konflikt – Vielfalt</source>
        <translation>New conflict – Vielfalt</translation>
    </message>
    <message>
        <source>Konflikt vom {date} – Vielfalt</source>
        <translation>Conflict of {date} – Vielfalt</translation>
    </message>
    <message>
        <source>&amp;Gemeldet am</source>
        <translation>&amp;Reported on</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>S&amp;tadtteil</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>– ganzer Stadtteil –</source>
        <translation>– whole district –</translation>
    </message>
    <message>
        <source>Teilge&amp;biet</source>
        <translation>Su&amp;b-area</translation>
    </message>
    <message>
        <source>&amp;Ort</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>Beteiligte &amp;Haushalte</source>
        <translation>&amp;Households involved</translation>
    </message>
    <message>
        <source>Beteiligte Gru&amp;ppen</source>
        <translation>&amp;Groups involved</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>am</source>
        <translation>on</translation>
    </message>
    <message>
        <source>&amp;Abgeschlossen</source>
        <translation>&amp;Closed</translation>
    </message>
    <message>
        <source>Tei&amp;len</source>
        <translation>Sh&amp;are</translation>
    </message>
    <message>
        <source>&amp;Notiz</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Glasl: 1–3 Selbsthilfe möglich, 4–6 Vermittlung nötig, 7–9 Machteingriff</source>
        <translation>Glasl: 1–3 self-help possible, 4–6 mediation needed, 7–9 intervention by authority</translation>
    </message>
    <message>
        <source>&amp;Eskalationsstufe</source>
        <translation>&amp;Escalation stage</translation>
    </message>
    <message>
        <source>Fall mit der Koordination teilen</source>
        <translation>Share this case with the coordination office</translation>
    </message>
    <message>
        <source>&amp;Konfliktthemen</source>
        <translation>Conflict &amp;topics</translation>
    </message>
    <message>
        <source>Beteiligte &amp;Institutionen</source>
        <translation>&amp;Institutions involved</translation>
    </message>
    <message>
        <source>Ergebnis, wenn beigelegt oder weitergeleitet</source>
        <translation>Outcome, if settled or handed over</translation>
    </message>
    <message>
        <source>E&amp;rgebnis</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>Ohne Namen, Adressen oder Hausnummern</source>
        <translation>No names, addresses or house numbers</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Alle Konfliktthemen</source>
        <translation>All conflict topics</translation>
    </message>
    <message>
        <source>Suchen in Notiz und Ergebnis …</source>
        <translation>Search notes and outcomes …</translation>
    </message>
    <message>
        <source>Einzelheiten zum Konflikt</source>
        <translation>Conflict details</translation>
    </message>
    <message>
        <source>Verlauf der Interventionen</source>
        <translation>Interventions so far</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Nächster Schritt</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>&amp;Intervention erfassen …</source>
        <translation>Record &amp;intervention …</translation>
    </message>
    <message>
        <source>Neue Intervention zu diesem Konflikt (Strg+I)</source>
        <translation>New intervention for this conflict (Ctrl+I)</translation>
    </message>
    <message>
        <source>Intervention bearbeiten</source>
        <translation>Edit intervention</translation>
    </message>
    <message>
        <source>Intervention löschen</source>
        <translation>Delete intervention</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>&amp;Neuer Konflikt</source>
        <translation>&amp;New conflict</translation>
    </message>
    <message>
        <source>1 Konflikt</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <source>{n} Konflikte</source>
        <translation>{n} conflicts</translation>
    </message>
    <message>
        <source>Keine Konflikte für diese Filter.</source>
        <translation>No conflicts match these filters.</translation>
    </message>
    <message>
        <source>Noch keine Konflikte erfasst. Mit „Neuer Konflikt“ (Strg+N) anlegen.</source>
        <translation>No conflicts recorded yet. Add one with “New conflict” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Den Konflikt vom {date} mit allen Interventionen löschen?</source>
        <translation>Delete the conflict of {date} with all its interventions?</translation>
    </message>
    <message>
        <source>Kein Konflikt ausgewählt.</source>
        <translation>No conflict selected.</translation>
    </message>
    <message>
        <source>{h} Haushalte, {g} Gruppen</source>
        <translation>{h} households, {g} groups</translation>
    </message>
    <message>
        <source>Ergebnis: {text}</source>
        <translation>Outcome: {text}</translation>
    </message>
    <message>
        <source> ({n} Pers.)</source>
        <translation> ({n} people)</translation>
    </message>
    <message>
        <source>Noch keine Intervention erfasst.</source>
        <translation>No intervention recorded yet.</translation>
    </message>
    <message>
        <source>Löschen?</source>
        <translation>Delete?</translation>
    </message>
    <message>
        <source>Die Intervention vom {date} löschen?</source>
        <translation>Delete the intervention of {date}?</translation>
    </message>
    <message>
        <source>Nicht gelöscht</source>
        <translation>Not deleted</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Neuer Kontakt – Vielfalt</source>
        <translation>New contact – Vielfalt</translation>
    </message>
    <message>
        <source>Kontakt vom {date} – Vielfalt</source>
        <translation>Contact of {date} – Vielfalt</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Da&amp;uer</source>
        <translation>D&amp;uration</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>S&amp;tadtteil</source>
        <translation>Dis&amp;trict</translation>
    </message>
    <message>
        <source>– ganzer Stadtteil –</source>
        <translation>– whole district –</translation>
    </message>
    <message>
        <source>Teilge&amp;biet</source>
        <translation>Su&amp;b-area</translation>
    </message>
    <message>
        <source>&amp;Pseudonym</source>
        <translation>&amp;Pseudonym</translation>
    </message>
    <message>
        <source>&amp;Zielgruppe</source>
        <translation>Target &amp;group</translation>
    </message>
    <message>
        <source>– keine Angabe –</source>
        <translation>– not stated –</translation>
    </message>
    <message>
        <source>am</source>
        <translation>on</translation>
    </message>
    <message>
        <source>S&amp;etting</source>
        <translation>S&amp;etting</translation>
    </message>
    <message>
        <source>Staatsangehörig&amp;keit</source>
        <translation>Citi&amp;zenship</translation>
    </message>
    <message>
        <source>&amp;Altersgruppe</source>
        <translation>&amp;Age band</translation>
    </message>
    <message>
        <source>&amp;Geschlecht</source>
        <translation>Gende&amp;r</translation>
    </message>
    <message>
        <source>Sprach&amp;mittlung</source>
        <translation>Language &amp;mediation</translation>
    </message>
    <message>
        <source>&amp;Wiedervorlage</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <source>T&amp;hemen</source>
        <translation>Topi&amp;cs</translation>
    </message>
    <message>
        <source>Sp&amp;rachen</source>
        <translation>&amp;Languages</translation>
    </message>
    <message>
        <source>&amp;Interessen</source>
        <translation>&amp;Interests</translation>
    </message>
    <message>
        <source>Ohne Namen, Adressen, Telefonnummern oder Geburtsdaten</source>
        <translation>No names, addresses, phone numbers or birth dates</translation>
    </message>
    <message>
        <source>N&amp;otiz</source>
        <translation>N&amp;ote</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <source>Suchen in Notiz und Pseudonym …</source>
        <extracomment>the user wants to record a referral for this contact the user wants partner suggestions for this contact&apos;s topics</extracomment>
        <translation>Search notes and pseudonyms …</translation>
    </message>
    <message>
        <source>&amp;Verweis anlegen …</source>
        <translation>&amp;Refer …</translation>
    </message>
    <message>
        <source>&amp;Passende Partner</source>
        <translation>Matching &amp;partners</translation>
    </message>
    <message>
        <source>Partnerorganisationen zu den Themen dieses Kontakts zeigen</source>
        <translation>Show partner organisations for this contact’s topics</translation>
    </message>
    <message>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>&amp;Neuer Kontakt</source>
        <translation>&amp;New contact</translation>
    </message>
    <message>
        <source>1 Kontakt</source>
        <translation>1 contact</translation>
    </message>
    <message>
        <source>{n} Kontakte</source>
        <translation>{n} contacts</translation>
    </message>
    <message>
        <source>Keine Kontakte für diese Filter.</source>
        <translation>No contacts match these filters.</translation>
    </message>
    <message>
        <source>Noch keine Kontakte erfasst. Mit „Neuer Kontakt“ (Strg+N) anlegen.</source>
        <translation>No contacts recorded yet. Add one with “New contact” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Den Kontakt vom {date} löschen? Verweise zu diesem Kontakt werden mitgelöscht.</source>
        <translation>Delete the contact of {date}? Its referrals are deleted as well.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Zum Weiterarbeiten bitte entsperren.</source>
        <translation>Please unlock to continue.</translation>
    </message>
</context>
<context>
    <name>Datenschutz</name>
    <message>
        <source>an {name}</source>
        <translation>to {name}</translation>
    </message>
    <message>
        <source>von {name}</source>
        <translation>from {name}</translation>
    </message>
    <message>
        <source>angelegt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Bündel exportiert</source>
        <translation>bundle exported</translation>
    </message>
    <message>
        <source>Bündel eingelesen</source>
        <translation>bundle imported</translation>
    </message>
    <message>
        <source>Bündel abgelehnt</source>
        <translation>bundle refused</translation>
    </message>
    <message>
        <source>Bericht oder Zettel gespeichert</source>
        <translation>report or slip saved</translation>
    </message>
    <message>
        <source>entsperrt</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>Entsperren fehlgeschlagen</source>
        <translation>unlock failed</translation>
    </message>
    <message>
        <source>Aufbewahrungsfristen angewandt</source>
        <translation>retention periods applied</translation>
    </message>
    <message>
        <source>Gerät als vertrauenswürdig eingetragen</source>
        <translation>device added as trusted</translation>
    </message>
    <message>
        <source>Vertrauen in ein Gerät entzogen</source>
        <translation>trust in a device withdrawn</translation>
    </message>
    <message>
        <source>Passphrase geändert</source>
        <translation>passphrase changed</translation>
    </message>
    <message>
        <source>Protokoll exportiert</source>
        <translation>log exported</translation>
    </message>
    <message>
        <source>Freitext nach Ablauf geleert</source>
        <translation>Free text cleared after expiry</translation>
    </message>
    <message>
        <source>Pseudonym-Verknüpfung entfernt</source>
        <translation>Pseudonym link removed</translation>
    </message>
    <message>
        <source>Abgelegte Werte des Konfliktprotokolls entfernt</source>
        <translation>Values kept in the conflict log removed</translation>
    </message>
    <message>
        <source>Sicherungskopie vor einem Programm-Update gelöscht</source>
        <translation>Backup taken before a program update deleted</translation>
    </message>
    <message>
        <source>Vom Laptop entfernt, nachdem die Koordination den Empfang bestätigt hat</source>
        <translation>Removed from the laptop after the coordinator confirmed receipt</translation>
    </message>
    <message>
        <source>Verweiszettel</source>
        <translation>Referral slip</translation>
    </message>
    <message>
        <source>mit dem Wiederherstellungsschlüssel</source>
        <translation>with the recovery key</translation>
    </message>
</context>
<context>
    <name>DeletionLogPage</name>
    <message>
        <source>Jede Zeile ist ein Lauf einer Aufbewahrungsregel: welche Art von Einträgen, wie viele, wann und nach welcher Regel. Stichtag: betroffen war, was vor diesem Tag lag. Das Protokoll enthält keine Inhalte.</source>
        <translation>Each row is one run of a retention rule: which kind of entries, how many, when and by which rule. Cut-off date: what lay before this day was affected. The log holds no content.</translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gerät</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Art der Einträge</source>
        <translation>Kind of entries</translation>
    </message>
    <message>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Stichtag</source>
        <translation>Cut-off date</translation>
    </message>
    <message>
        <source>Löschprotokoll</source>
        <translation>Deletion log</translation>
    </message>
    <message>
        <source>Bisher wurde nach den Aufbewahrungsregeln nichts gelöscht.</source>
        <translation>Nothing has been deleted under the retention rules so far.</translation>
    </message>
    <message>
        <source>Als P&amp;DF speichern …</source>
        <translation>Save as PD&amp;F …</translation>
    </message>
    <message>
        <source>Hinweis: Die PDF-Datei ist nicht verschlüsselt. Sie enthält nur Anzahlen, keine Inhalte. Bitte nur auf dienstlichen Laufwerken ablegen.</source>
        <translation>Note: the PDF file is not encrypted. It holds only counts, no content. Please keep it on work drives only.</translation>
    </message>
    <message>
        <source>1 Eintrag</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <source>{n} Einträge</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>Löschprotokoll speichern (unverschlüsselt)</source>
        <translation>Save deletion log (not encrypted)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Der Datenbestand ist schon angelegt; die Rolle bleibt.</source>
        <translation>The data store has already been created; the role stays as it is.</translation>
    </message>
    <message>
        <source>Unbekannte Rolle „{role}“.</source>
        <translation>Unknown role “{role}”.</translation>
    </message>
    <message>
        <source>Der Datenbestand ist schon angelegt.</source>
        <translation>The data store has already been created.</translation>
    </message>
    <message>
        <source>Identitätskarten können noch nicht geladen werden. Das geht später unter „Synchronisation“.</source>
        <translation>Identity cards cannot be loaded yet. You can do this later under “Synchronisation”.</translation>
    </message>
    <message>
        <source>Identitätskarten können noch nicht geladen werden.</source>
        <translation>Identity cards cannot be loaded yet.</translation>
    </message>
    <message>
        <source>Diese Identitätskarte gehört zu „{name}“, nicht zur Koordination.</source>
        <translation>This identity card belongs to “{name}”, not to the coordination office.</translation>
    </message>
    <message>
        <source>Bitte zuerst die Identitätskarte der Koordination laden.</source>
        <translation>Please load the coordination office’s identity card first.</translation>
    </message>
    <message>
        <source>Hier geht es nicht zurück: der Datenbestand ist schon angelegt.</source>
        <translation>You cannot go back from here: the data store has already been created.</translation>
    </message>
    <message>
        <source>Die Einrichtung ist noch nicht abgeschlossen.</source>
        <translation>The setup is not finished yet.</translation>
    </message>
    <message>
        <source>Unbekannte Rolle „{role}“ (erlaubt: field, office).</source>
        <translation>Unknown role “{role}” (allowed: field, office).</translation>
    </message>
    <message>
        <source>Bitte einen Namen für dieses Gerät angeben.</source>
        <translation>Please enter a name for this device.</translation>
    </message>
    <message>
        <source>In {folder} liegt schon ein Datenbestand; er wird nicht überschrieben.</source>
        <translation>There is already a data store in {folder}; it will not be overwritten.</translation>
    </message>
    <message>
        <source>In {folder} gibt es keinen Datenbestand. Mit „vielfalt init“ wird einer angelegt.</source>
        <translation>There is no data store in {folder}. “vielfalt init” creates one.</translation>
    </message>
    <message>
        <source>Die Datenbank {path} fehlt, nur die Schlüsseldatei ist da.</source>
        <translation>The database {path} is missing; only the key file is there.</translation>
    </message>
    <message>
        <source>Der Datenbestand ist gesperrt.</source>
        <translation>The data store is locked.</translation>
    </message>
    <message>
        <source>Die Uhr von „{sender}“ geht gegenüber diesem Gerät um etwa {minutes} Minuten vor. Bitte dort Datum und Uhrzeit richtig stellen und neu exportieren.</source>
        <translation>The clock of “{sender}” is about {minutes} minutes ahead of this device. Please correct the date and time there and export again.</translation>
    </message>
    <message>
        <source>Das Bündel enthält Änderungen, die später datiert sind als das Bündel selbst; es wurde nichts übernommen.</source>
        <translation>The bundle contains changes dated later than the bundle itself; nothing was taken over.</translation>
    </message>
    <message>
        <source>„{sender}“ darf keine Einträge der Art „{kind}“ senden; es wurde nichts übernommen.</source>
        <translation>“{sender}” may not send entries of the kind “{kind}”; nothing was taken over.</translation>
    </message>
    <message>
        <source>„{sender}“ will einen Eintrag ({kind}, {record}) ändern, der nicht von ihm stammt; es wurde nichts übernommen.</source>
        <translation>“{sender}” wants to change an entry ({kind}, {record}) it did not create; nothing was taken over.</translation>
    </message>
    <message>
        <source>Das Bündel von „{sender}“ gibt Änderungen als die eines anderen Geräts aus ({kind}, {record}); es wurde nichts übernommen.</source>
        <translation>The bundle from “{sender}” passes changes off as another device’s ({kind}, {record}); nothing was taken over.</translation>
    </message>
    <message>
        <source>Das Bündel ändert die Herkunft eines Eintrags ({kind}, {record}); es wurde nichts übernommen.</source>
        <translation>The bundle changes the origin of an entry ({kind}, {record}); nothing was taken over.</translation>
    </message>
    <message>
        <source>Eintrag {record} ({kind}) im Bündel ist ungültig: {problem} Es wurde nichts übernommen.</source>
        <translation>Entry {record} ({kind}) in the bundle is invalid: {problem} Nothing was taken over.</translation>
    </message>
    <message>
        <source>Eintrag {record} ({kind}) im Bündel verweist auf einen Eintrag, den es hier nicht gibt; es wurde nichts übernommen.</source>
        <translation>Entry {record} ({kind}) in the bundle refers to an entry that does not exist here; nothing was taken over.</translation>
    </message>
    <message>
        <source>Der Inhalt des Bündels ist größer, als seine Kopfdaten erlauben; es wurde nicht eingelesen.</source>
        <translation>The bundle’s content is larger than its header allows; it was not read.</translation>
    </message>
    <message>
        <source>Ein anderes vertrautes Gerät heißt schon „{name}“. Bitte das Gerät umbenennen oder zuerst das andere entfernen.</source>
        <translation>Another trusted device is already called “{name}”. Please rename the device or remove the other one first.</translation>
    </message>
    <message>
        <source>„{name}“ ist schon als {old} bekannt und gibt sich jetzt als {new} aus. Eine geänderte Identität wird nicht stillschweigend übernommen.</source>
        <translation>“{name}” is known as {old} and now claims to be {new}. A changed identity is not accepted silently.</translation>
    </message>
    <message>
        <source>Das Bündel kommt von einem nicht vertrauten Gerät (Kennung {sender}). Zuerst dessen Identitätskarte hinzufügen.</source>
        <translation>The bundle comes from a device that is not trusted (id {sender}). Add its identity card first.</translation>
    </message>
    <message>
        <source>Der Datenbestand wird gerade von einem anderen Vorgang benutzt; es wurde nichts geändert. Bitte später noch einmal versuchen.</source>
        <translation>The data store is in use by another operation; nothing was changed. Please try again later.</translation>
    </message>
    <message>
        <source>Der Datenbestand wird gerade von einem anderen Vorgang benutzt – warte …</source>
        <translation>The data store is in use by another operation – waiting …</translation>
    </message>
    <message>
        <source>{name} ist für andere Benutzer zugänglich (Rechte {mode}).</source>
        <translation>{name} is accessible to other users (permissions {mode}).</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei verlangt eine unvernünftig aufwendige Schlüsselableitung (höchstens {memory} MiB Speicher, {iterations} Durchläufe, {lanes} Spuren); sie wird nicht ausgeführt. Die Datei wurde vermutlich verändert.</source>
        <translation>The key file asks for an unreasonably expensive key derivation (at most {memory} MiB of memory, {iterations} passes, {lanes} lanes); it is not run. The file has probably been altered.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei schützt die Passphrase schwächer als vorgesehen ({memory} MiB, {iterations} Durchläufe, {lanes} Spuren statt {default_memory} MiB, {default_iterations}, {default_lanes}). „vielfalt passwd“ stellt die vorgesehenen Werte ein.</source>
        <translation>The key file protects the passphrase less than intended ({memory} MiB, {iterations} passes, {lanes} lanes instead of {default_memory} MiB, {default_iterations}, {default_lanes}). “vielfalt passwd” sets the intended values.</translation>
    </message>
    <message>
        <source>Nach {count} falschen Eingaben bitte {seconds} Sekunden warten …</source>
        <translation>After {count} wrong entries, please wait {seconds} seconds …</translation>
    </message>
    <message>
        <source>Die Datenbank {path} fehlt.</source>
        <translation>The database {path} is missing.</translation>
    </message>
    <message>
        <source>Die Datenbankbibliothek verschlüsselt nicht (SQLCipher fehlt).</source>
        <translation>The database library does not encrypt (SQLCipher is missing).</translation>
    </message>
    <message>
        <source>Die Datenbank {path} lässt sich mit diesem Schlüssel nicht öffnen (falsche Schlüsseldatei oder beschädigte Datei).</source>
        <translation>The database {path} cannot be opened with this key (wrong key file or damaged file).</translation>
    </message>
    <message>
        <source>Die Schlüsselableitung ist zu schwach eingestellt (mindestens 64 MiB Speicher, 3 Durchläufe, 4 Spuren).</source>
        <translation>The key derivation is set too weak (at least 64 MiB of memory, 3 passes, 4 lanes).</translation>
    </message>
    <message>
        <source>Die Schlüsselableitung braucht mindestens 4 Spuren.</source>
        <translation>The key derivation needs at least 4 lanes.</translation>
    </message>
    <message>
        <source>Die Passphrase muss mindestens {minimum} Zeichen lang sein.</source>
        <translation>The passphrase must be at least {minimum} characters long.</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch.</source>
        <translation>The passphrase is wrong.</translation>
    </message>
    <message>
        <source>Der Wiederherstellungsschlüssel ist falsch.</source>
        <translation>The recovery key is wrong.</translation>
    </message>
    <message>
        <source>Der Wiederherstellungsschlüssel ist ungültig.</source>
        <translation>The recovery key is not valid.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {path} gibt es schon; sie wird nicht ersetzt.</source>
        <translation>The key file {path} already exists; it will not be replaced.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {path} fehlt. Ohne sie lassen sich die Daten nicht öffnen; bitte aus der Sicherung zurückholen.</source>
        <translation>The key file {path} is missing. Without it the data cannot be opened; please restore it from the backup.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei stammt aus einer neueren Programmversion. Bitte Vielfalt Desktop aktualisieren.</source>
        <translation>The key file comes from a newer version of the program. Please update Vielfalt Desktop.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {path} ist beschädigt.</source>
        <translation>The key file {path} is damaged.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {path} gehört nicht zu diesem Datenbestand.</source>
        <translation>The key file {path} does not belong to this data store.</translation>
    </message>
    <message>
        <source>Der Eintrag wurde inzwischen gelöscht.</source>
        <translation>The entry has been deleted in the meantime.</translation>
    </message>
    <message>
        <source>Der Eintrag wurde schon gelöscht.</source>
        <translation>The entry has already been deleted.</translation>
    </message>
    <message>
        <source>Der Eintrag wurde nicht gefunden oder ist gelöscht.</source>
        <translation>The entry was not found or has been deleted.</translation>
    </message>
    <message>
        <source>Der Text enthält vermutlich personenbezogene Daten ({kinds}). Bitte entfernen oder ausdrücklich bestätigen.</source>
        <translation>The text probably contains personal data ({kinds}). Please remove it or confirm explicitly.</translation>
    </message>
    <message>
        <source>{kind} pflegt die Koordination; auf einem Laptop können sie nur gelesen werden.</source>
        <translation>{kind} are kept by the coordination office; on a laptop they can only be read.</translation>
    </message>
    <message>
        <source>Dieser Eintrag stammt von einem anderen Gerät und kann hier nur gelesen werden.</source>
        <translation>This entry comes from another device and can only be read here.</translation>
    </message>
    <message>
        <source>An einem Verweis eines Laptops kann die Koordination nur Status, Rückmeldung und Wiedervorlage ändern.</source>
        <translation>In a referral made on a laptop the coordination office can change only the status, feedback and follow-up.</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
    <message>
        <source>{path}: Die Datei lässt sich nicht lesen ({reason}).</source>
        <translation>{path}: The file cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Der Ordner {folder} existiert nicht.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Die Datei {path} lässt sich nicht speichern ({reason}).</source>
        <translation>The file {path} cannot be saved ({reason}).</translation>
    </message>
    <message>
        <source>Dieses Gerät hat noch keine Schlüssel für die Synchronisation.</source>
        <translation>This device has no keys for synchronisation yet.</translation>
    </message>
    <message>
        <source>Das ist die Identitätskarte dieses Geräts selbst.</source>
        <translation>This is this device’s own identity card.</translation>
    </message>
    <message>
        <source>„{name}“ ist schon mit anderen Schlüsseln bekannt. Eine geänderte Identität wird nicht stillschweigend übernommen.</source>
        <translation>“{name}” is already known with different keys. A changed identity is not accepted silently.</translation>
    </message>
    <message>
        <source>Die Datei ist keine gültige Vielfalt-Identitätskarte.</source>
        <translation>The file is not a valid Vielfalt identity card.</translation>
    </message>
    <message>
        <source>Die Identitätskarte stammt aus einer neueren Programmversion.</source>
        <translation>The identity card comes from a newer version of the program.</translation>
    </message>
    <message>
        <source>Kein vertrautes Gerät „{name}“ gefunden.</source>
        <translation>No trusted device “{name}” found.</translation>
    </message>
    <message>
        <source>„{name}“ ist nicht eindeutig; bitte die Geräte-ID angeben.</source>
        <translation>“{name}” is ambiguous; please give the device ID.</translation>
    </message>
    <message>
        <source>{file}: Die Datei ist zu groß für ein Bündel.</source>
        <translation>{file}: The file is too large for a bundle.</translation>
    </message>
    <message>
        <source>Die Datei ist kein Vielfalt-Bündel.</source>
        <translation>The file is not a Vielfalt bundle.</translation>
    </message>
    <message>
        <source>Das Bündel hat Format {version}; dieses Programm kennt nur Format {known}. Bitte Vielfalt Desktop aktualisieren.</source>
        <translation>The bundle has format {version}; this program only knows format {known}. Please update Vielfalt Desktop.</translation>
    </message>
    <message>
        <source>Das Bündel ist beschädigt oder wurde verändert; es wurde nicht eingelesen.</source>
        <translation>The bundle is damaged or has been altered; it was not read in.</translation>
    </message>
    <message>
        <source>Das Bündel kommt von „{sender}“, einem nicht vertrauten Gerät. Zuerst dessen Identitätskarte hinzufügen.</source>
        <translation>The bundle comes from “{sender}”, a device that is not trusted. Add its identity card first.</translation>
    </message>
    <message>
        <source>Das Bündel ist an ein anderes Gerät adressiert.</source>
        <translation>The bundle is addressed to a different device.</translation>
    </message>
    <message>
        <source>Der Inhalt des Bündels ist fehlerhaft.</source>
        <translation>The bundle’s content is faulty.</translation>
    </message>
    <message>
        <source>Der Inhalt des Bündels ist fehlerhaft; es wurde nichts übernommen.</source>
        <translation>The bundle’s content is faulty; nothing was taken over.</translation>
    </message>
    <message>
        <source>Das Bündel will Protokolleinträge ändern oder löschen; Protokolle werden nur ergänzt. Es wurde nichts übernommen.</source>
        <translation>The bundle tries to change or delete log entries; logs are only ever added to. Nothing was taken over.</translation>
    </message>
    <message>
        <source>Es ist kein Synchronisationsordner eingestellt (Einstellungen, oder „vielfalt sync-folder set ORDNER“).</source>
        <translation>No sync folder is set (Settings, or “vielfalt sync-folder set FOLDER”).</translation>
    </message>
    <message>
        <source>Der Synchronisationsordner {folder} ist nicht erreichbar (Netzlaufwerk getrennt, Stick nicht eingesteckt?). Es wurde nichts geändert.</source>
        <translation>The sync folder {folder} cannot be reached (network drive disconnected, stick not plugged in?). Nothing was changed.</translation>
    </message>
    <message>
        <source>{folder} ist kein Ordner. Es wurde nichts geändert.</source>
        <translation>{folder} is not a folder. Nothing was changed.</translation>
    </message>
    <message>
        <source>In den Synchronisationsordner {folder} kann nicht geschrieben werden ({reason}). Es wurde nichts geändert.</source>
        <translation>The sync folder {folder} does not accept files ({reason}). Nothing was changed.</translation>
    </message>
    <message>
        <source>Das Bündel für „{peer}“ ließ sich nicht in {folder} schreiben ({reason}); dort liegt nichts Halbfertiges, und es gilt nicht als gesendet. {kept}</source>
        <translation>The bundle for “{peer}” could not be written to {folder} ({reason}); nothing half-written is left there, and it does not count as sent. {kept}</translation>
    </message>
    <message>
        <source>Der Synchronisationsordner {folder} ging während des Abgleichs verloren ({reason}). {kept}</source>
        <translation>The sync folder {folder} was lost during the synchronisation ({reason}). {kept}</translation>
    </message>
    <message>
        <source>Was davor gelang, bleibt gültig: {summary}</source>
        <translation>What succeeded before stays valid: {summary}</translation>
    </message>
    <message>
        <source>Sonst wurde nichts geändert.</source>
        <translation>Nothing else was changed.</translation>
    </message>
    <message>
        <source>Die Datei ließ sich nicht verarbeiten ({kind}); es wurde nichts übernommen.</source>
        <translation>The file could not be processed ({kind}); nothing was taken over.</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Neue Veranstaltung – Vielfalt</source>
        <translation>New event – Vielfalt</translation>
    </message>
    <message>
        <source>Veranstaltung vom {date} – Vielfalt</source>
        <translation>Event of {date} – Vielfalt</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>z. B. Sprachcafé im Bürgerhaus</source>
        <translation>e.g. language café at the community centre</translation>
    </message>
    <message>
        <source>Tite&amp;l</source>
        <translation>Tit&amp;le</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>S&amp;tadtteil</source>
        <translation>Dis&amp;trict</translation>
    </message>
    <message>
        <source>Teilnehmende &amp;gesamt</source>
        <translation>Participants i&amp;n total</translation>
    </message>
    <message>
        <source>davon D&amp;rittstaatsangehörige</source>
        <translation>of them third-count&amp;ry nationals</translation>
    </message>
    <message>
        <source>davon &amp;Frauen</source>
        <translation>of them &amp;women</translation>
    </message>
    <message>
        <source>davon &amp;Männer</source>
        <translation>of them &amp;men</translation>
    </message>
    <message>
        <source>davon di&amp;vers</source>
        <translation>of them di&amp;verse</translation>
    </message>
    <message>
        <source>davon &amp;Kinder</source>
        <translation>of them &amp;children</translation>
    </message>
    <message>
        <source>Geäußerte &amp;Interessen</source>
        <translation>&amp;Interests voiced</translation>
    </message>
    <message>
        <source>Beteiligte Partner</source>
        <translation>Partners involved</translation>
    </message>
    <message>
        <source>&amp;Hinzufügen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Entfernen</source>
        <translation>R&amp;emove</translation>
    </message>
    <message>
        <source>Beteiligte &amp;Partner</source>
        <translation>&amp;Partners involved</translation>
    </message>
    <message>
        <source>N&amp;otiz</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>(gelöschte Organisation)</source>
        <translation>(deleted organisation)</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>Alle Interessen</source>
        <translation>All interests</translation>
    </message>
    <message>
        <source>Suchen in Titel und Notiz …</source>
        <translation>Search titles and notes …</translation>
    </message>
    <message>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>&amp;Neue Veranstaltung</source>
        <translation>&amp;New event</translation>
    </message>
    <message>
        <source>1 Veranstaltung</source>
        <translation>1 event</translation>
    </message>
    <message>
        <source>{n} Veranstaltungen</source>
        <translation>{n} events</translation>
    </message>
    <message>
        <source>Keine Veranstaltungen für diese Filter.</source>
        <translation>No events match these filters.</translation>
    </message>
    <message>
        <source>Noch keine Veranstaltungen. Mit „Neue Veranstaltung“ (Strg+N) anlegen.</source>
        <translation>No events yet. Add one with “New event” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Die Veranstaltung „{title}“ vom {date} löschen?</source>
        <translation>Delete the event “{title}” of {date}?</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Alle Zeiträume</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Heute</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Letzte 7 Tage</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Dieser Monat</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Letzter Monat</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Dieses Jahr</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Letztes Jahr</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Zeitraum wählen …</source>
        <translation>Choose period …</translation>
    </message>
    <message>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Bis</source>
        <translation>To</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Alle Stadtteile</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Alle Themen</source>
        <translation>All topics</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Alle Status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alle Sprachen</source>
        <translation>All languages</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Suchen …</source>
        <translation>Search …</translation>
    </message>
    <message>
        <source>Suchtext</source>
        <translation>Search text</translation>
    </message>
    <message>
        <source>Zurücksetzen</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
</context>
<context>
    <name>FolderSyncJob</name>
    <message>
        <source>Ein anderes Programm schreibt gerade in den Datenbestand; es ging nichts verloren. Bitte später erneut synchronisieren.</source>
        <translation>Another program is writing to the data store right now; nothing was lost. Please synchronise again later.</translation>
    </message>
    <message>
        <source>Der Synchronisationsordner ist nicht erreichbar: {reason}</source>
        <translation>The sync folder cannot be reached: {reason}</translation>
    </message>
    <message>
        <source>Fehlgeschlagen: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
</context>
<context>
    <name>FolderSyncPanel</name>
    <message>
        <source>S&amp;ynchronisieren</source>
        <translation>S&amp;ynchronise</translation>
    </message>
    <message>
        <source>Bündel im Synchronisationsordner einlesen und für jedes vertraute Gerät schreiben, was es noch nicht hat (Strg+Umschalt+S)</source>
        <translation>Read the bundles in the sync folder and write for every trusted device what it does not have yet (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Synchronisationsordner</source>
        <translation>Sync folder</translation>
    </message>
    <message>
        <source>Synchronisieren läuft</source>
        <translation>Synchronisation running</translation>
    </message>
    <message>
        <source>Ergebnis der Synchronisation</source>
        <translation>Result of the synchronisation</translation>
    </message>
    <message>
        <source>Noch kein Ordner gewählt (Einstellungen).</source>
        <translation>No folder chosen yet (Settings).</translation>
    </message>
    <message>
        <source>Synchronisieren …</source>
        <translation>Synchronising …</translation>
    </message>
    <message>
        <source>Synchronisieren … {done} von {total}: {what}</source>
        <translation>Synchronising … {done} of {total}: {what}</translation>
    </message>
    <message>
        <source>Automatisch synchronisiert: {summary}</source>
        <translation>Synchronised automatically: {summary}</translation>
    </message>
</context>
<context>
    <name>InterventionForm</name>
    <message>
        <source>Neue Intervention – Vielfalt</source>
        <translation>New intervention – Vielfalt</translation>
    </message>
    <message>
        <source>Intervention vom {date} – Vielfalt</source>
        <translation>Intervention of {date} – Vielfalt</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Teilnehmende</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>Brückenbauer/in oder Sprachmittler/in beteiligt</source>
        <translation>Bridge builder or language mediator involved</translation>
    </message>
    <message>
        <source>Sprach&amp;mittlung</source>
        <translation>Language &amp;mediation</translation>
    </message>
    <message>
        <source>Was wurde besprochen oder erreicht?</source>
        <translation>What was discussed or achieved?</translation>
    </message>
    <message>
        <source>&amp;Ergebnis</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>&amp;Nächster Schritt</source>
        <translation>&amp;Next step</translation>
    </message>
    <message>
        <source>am</source>
        <translation>on</translation>
    </message>
    <message>
        <source>&amp;Fällig</source>
        <translation>D&amp;ue</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Neu anlegen (Strg+N)</source>
        <translation>Add new (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Bearbeiten (Eingabetaste)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Löschen (Entf)</source>
        <extracomment>the store&apos;s default order for the kind: newest first (partners: by name)</extracomment>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <source>Nur lesen</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>&amp;Ansehen</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ansehen (Eingabetaste)</source>
        <translation>View (Enter)</translation>
    </message>
    <message>
        <source>&amp;Neu</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>{n} Einträge</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>Keine Treffer für diese Filter.</source>
        <translation>Nothing matches these filters.</translation>
    </message>
    <message>
        <source>Noch nichts erfasst. Mit „Neu“ (Strg+N) anlegen.</source>
        <translation>Nothing recorded yet. Add with “New” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Nicht gefunden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Löschen?</source>
        <translation>Delete?</translation>
    </message>
    <message>
        <source>Nicht gelöscht</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Diesen Eintrag wirklich löschen?</source>
        <translation>Really delete this entry?</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Datei wird geschrieben</source>
        <translation>Writing file</translation>
    </message>
    <message>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>CSV-Tabelle (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>Die Datei wird geschrieben …</source>
        <translation>Writing the file …</translation>
    </message>
    <message>
        <source>Gespeichert: {path} – Einträge: {n}, nicht verschlüsselt.</source>
        <translation>Saved: {path} – entries: {n}, not encrypted.</translation>
    </message>
    <message>
        <source>Nicht gespeichert: {message}</source>
        <translation>Not saved: {message}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vielfalt – {name} ({role})</source>
        <translation>Vielfalt – {name} ({role})</translation>
    </message>
    <message>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Netzwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Berichte</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>{title} (Strg+{n})</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>Letzte Synchronisation</source>
        <translation>Last synchronisation</translation>
    </message>
    <message>
        <source>{name} · {role} · Sperren: Strg+L</source>
        <translation>{name} · {role} · Lock: Ctrl+L</translation>
    </message>
    <message>
        <source>Synchronisieren …</source>
        <translation>Synchronising …</translation>
    </message>
    <message>
        <source>Automatisch synchronisieren …</source>
        <translation>Synchronising automatically …</translation>
    </message>
    <message>
        <source>Synchronisieren … {done} von {total}</source>
        <translation>Synchronising … {done} of {total}</translation>
    </message>
    <message>
        <source>Synchronisiert um {time}: {summary}</source>
        <translation>Synchronised at {time}: {summary}</translation>
    </message>
    <message>
        <source>Automatisch synchronisiert um {time}: {summary}</source>
        <translation>Synchronised automatically at {time}: {summary}</translation>
    </message>
    <message>
        <source>Nicht synchronisiert ({time}): {message}</source>
        <translation>Not synchronised ({time}): {message}</translation>
    </message>
    <message>
        <source>Automatische Synchronisation ({time}): {message}</source>
        <translation>Automatic synchronisation ({time}): {message}</translation>
    </message>
    <message>
        <source>Automatische Synchronisation wartet, bis das Formular gespeichert oder geschlossen ist.</source>
        <translation>Automatic synchronisation waits until the form is saved or closed.</translation>
    </message>
</context>
<context>
    <name>NetworkScreen</name>
    <message>
        <source>Suchen in Name, Angebot, Gesuch …</source>
        <translation>Search names, offers, needs …</translation>
    </message>
    <message>
        <source>Angaben zur Organisation</source>
        <translation>About the organisation</translation>
    </message>
    <message>
        <source>Vorschläge</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Vorgeschlagene Organisationen</source>
        <translation>Suggested organisations</translation>
    </message>
    <message>
        <source>Vorschläge schließen</source>
        <translation>Close suggestions</translation>
    </message>
    <message>
        <source>Netzwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Partnerverzeichnis</source>
        <translation>Partner directory</translation>
    </message>
    <message>
        <source>&amp;Neue Organisation</source>
        <translation>&amp;New organisation</translation>
    </message>
    <message>
        <source>1 Organisation</source>
        <translation>1 organisation</translation>
    </message>
    <message>
        <source>{n} Organisationen</source>
        <translation>{n} organisations</translation>
    </message>
    <message>
        <source>Keine Organisation für diese Filter.</source>
        <translation>No organisation matches these filters.</translation>
    </message>
    <message>
        <source>Das Partnerverzeichnis ist leer. Es kommt mit der Synchronisation von der Koordination.</source>
        <translation>The partner directory is empty. It comes from the coordination office with synchronisation.</translation>
    </message>
    <message>
        <source>Das Partnerverzeichnis ist leer. Es kommt mit der Synchronisation von der Koordination oder wird mit „Neue Organisation“ angelegt.</source>
        <translation>The partner directory is empty. It arrives from the coordination office with synchronisation, or add entries with “New organisation”.</translation>
    </message>
    <message>
        <source>Die Organisation „{name}“ löschen?</source>
        <translation>Delete the organisation “{name}”?</translation>
    </message>
    <message>
        <source>Keine Organisation ausgewählt.</source>
        <translation>No organisation selected.</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Themen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Bietet an</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Sucht</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Stadtteile</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kontaktweg</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Öffnungszeiten</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Für den Kontakt vom {date} ({district}) zu: {topics}</source>
        <translation>For the contact of {date} ({district}) about: {topics}</translation>
    </message>
    <message>
        <source> · im Stadtteil</source>
        <translation> · in the district</translation>
    </message>
    <message>
        <source>Keine passende Organisation im Verzeichnis.</source>
        <translation>No matching organisation in the directory.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>Passphrase &amp;anzeigen</source>
        <translation>&amp;Show passphrase</translation>
    </message>
    <message>
        <source>Stärke der Passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>sehr schwach</source>
        <translation>very weak</translation>
    </message>
    <message>
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>mäßig</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>stark</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>sehr stark</source>
        <translation>very strong</translation>
    </message>
    <message>
        <source>{label}, aber zu kurz</source>
        <translation>{label}, but too short</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>Übersicht</source>
        <extracomment>open a record on its screen: (screen key, record id)</extracomment>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Hinweis zur Synchronisation</source>
        <translation>Synchronisation notice</translation>
    </message>
    <message>
        <source>Wiedervorlagen aus Kontakten</source>
        <translation>Contact follow-ups</translation>
    </message>
    <message>
        <source>Themen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Verweise ohne Rückmeldung</source>
        <translation>Referrals awaiting feedback</translation>
    </message>
    <message>
        <source>Konflikte mit fälligem nächsten Schritt</source>
        <translation>Conflicts with a next step due</translation>
    </message>
    <message>
        <source>Doppelklick oder Eingabetaste öffnet den Eintrag.</source>
        <translation>Double-click or press Enter to open an entry.</translation>
    </message>
    <message>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Personen mit Pseudonym</source>
        <translation>People with a pseudonym</translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Teilnehmende an Veranstaltungen</source>
        <translation>Event participants</translation>
    </message>
    <message>
        <source>Konflikte neu gemeldet</source>
        <translation>Conflicts reported</translation>
    </message>
    <message>
        <source>Interventionen</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>Konflikte beigelegt/abgegeben</source>
        <translation>Conflicts settled/handed over</translation>
    </message>
    <message>
        <source>Offene Konflikte insgesamt</source>
        <translation>Open conflicts in total</translation>
    </message>
    <message>
        <source>Fällig heute und überfällig</source>
        <translation>Due today and overdue</translation>
    </message>
    <message>
        <source>Heute ist {weekday}, der {date}.</source>
        <translation>Today is {weekday}, {date}.</translation>
    </message>
    <message>
        <source>1 Eintrag</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <source>{n} Einträge</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>seit {days} Tagen kein Bündel von dort</source>
        <translation>no bundle from there for {days} days</translation>
    </message>
    <message>
        <source>zuletzt gesendet vor {days} Tagen</source>
        <translation>last sent {days} days ago</translation>
    </message>
    <message>
        <source>noch nie gesendet</source>
        <translation>never sent</translation>
    </message>
    <message>
        <source>Noch nicht von {name} bestätigt: {entries} ({why})</source>
        <translation>Not yet confirmed by {name}: {entries} ({why})</translation>
    </message>
    <message>
        <source>{name}: noch kein Bündel, seit {days} Tagen vertraut</source>
        <translation>{name}: no bundle yet, trusted for {days} days</translation>
    </message>
    <message>
        <source>{name}: seit {days} Tagen kein Bündel</source>
        <translation>{name}: no bundle for {days} days</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <source>{total} fällig, die ältesten {n} werden angezeigt</source>
        <translation>{total} due, the oldest {n} shown</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Nichts fällig.</source>
        <translation>Nothing due.</translation>
    </message>
    <message>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Kontakt vom {date}</source>
        <translation>Contact of {date}</translation>
    </message>
    <message>
        <source>{partner} – {topic}</source>
        <translation>{partner} – {topic}</translation>
    </message>
    <message>
        <source>{status}, seit {days} Tagen</source>
        <translation>{status}, for {days} days</translation>
    </message>
    <message>
        <source>Dieser Monat: {month} {year}</source>
        <translation>This month: {month} {year}</translation>
    </message>
    <message>
        <source>Kontakte nach Stadtteil</source>
        <translation>Contacts by district</translation>
    </message>
    <message>
        <source>In diesem Monat noch keine Kontakte.</source>
        <translation>No contacts yet this month.</translation>
    </message>
</context>
<context>
    <name>PartnerForm</name>
    <message>
        <source>Neue Partnerorganisation – Vielfalt</source>
        <translation>New partner organisation – Vielfalt</translation>
    </message>
    <message>
        <source>{name} – Vielfalt</source>
        <translation>{name} – Vielfalt</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>A&amp;dresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Telefon, E-Mail oder Webseite der Organisation</source>
        <translation>The organisation’s phone, e-mail or website</translation>
    </message>
    <message>
        <source>&amp;Kontaktweg</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Ö&amp;ffnungszeiten</source>
        <translation>O&amp;pening hours</translation>
    </message>
    <message>
        <source>S&amp;tadtteile</source>
        <translation>&amp;Districts</translation>
    </message>
    <message>
        <source>T&amp;hemen</source>
        <translation>&amp;Topics</translation>
    </message>
    <message>
        <source>&amp;Bietet an</source>
        <translation>O&amp;ffers</translation>
    </message>
    <message>
        <source>S&amp;prachen</source>
        <translation>Lan&amp;guages</translation>
    </message>
    <message>
        <source>Angebot (Text)</source>
        <translation>Offer (text)</translation>
    </message>
    <message>
        <source>S&amp;ucht</source>
        <translation>N&amp;eeds</translation>
    </message>
    <message>
        <source>Gesuch (Text)</source>
        <translation>Need (text)</translation>
    </message>
    <message>
        <source>N&amp;otiz</source>
        <translation>N&amp;ote</translation>
    </message>
</context>
<context>
    <name>PartnerPicker</name>
    <message>
        <source>Organisation suchen …</source>
        <translation>Search organisation …</translation>
    </message>
    <message>
        <source>Partnerorganisationen</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>Keine Organisation gefunden.</source>
        <translation>No organisation found.</translation>
    </message>
    <message>
        <source> · im Stadtteil</source>
        <translation> · in the district</translation>
    </message>
    <message>
        <source>Vorschläge zum Thema. Tippen, um im ganzen Verzeichnis zu suchen.</source>
        <translation>Suggestions for the topic. Type to search the whole directory.</translation>
    </message>
    <message>
        <source>Das Partnerverzeichnis ist noch leer.</source>
        <translation>The partner directory is still empty.</translation>
    </message>
    <message>
        <source>Alle Organisationen. Tippen, um zu suchen.</source>
        <translation>All organisations. Type to search.</translation>
    </message>
    <message>
        <source>Die ersten {n} Organisationen von A. Tippen, um zu suchen.</source>
        <translation>The first {n} organisations from A. Type to search.</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>sehr schwach</source>
        <translation>very weak</translation>
    </message>
    <message>
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>mäßig</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>stark</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>sehr stark</source>
        <translation>very strong</translation>
    </message>
    <message>
        <source>Mindestens {minimum} Zeichen verwenden.</source>
        <translation>Use at least {minimum} characters.</translation>
    </message>
    <message>
        <source>weniger als eine Minute</source>
        <translation>less than a minute</translation>
    </message>
    <message>
        <source>etwa {n} Minuten</source>
        <translation>about {n} minutes</translation>
    </message>
    <message>
        <source>etwa {n} Stunden</source>
        <translation>about {n} hours</translation>
    </message>
    <message>
        <source>etwa {n} Tage</source>
        <translation>about {n} days</translation>
    </message>
    <message>
        <source>etwa {n} Jahre</source>
        <translation>about {n} years</translation>
    </message>
    <message>
        <source>mehr als ein Jahrhundert</source>
        <translation>more than a century</translation>
    </message>
    <message>
        <source>Mehrere Wörter verwenden, bekannte Redewendungen vermeiden.</source>
        <translation>Use a few words; avoid common phrases.</translation>
    </message>
    <message>
        <source>Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.</source>
        <translation>There is no need for symbols, digits or capital letters.</translation>
    </message>
    <message>
        <source>Ein, zwei weitere Wörter anhängen – ungewöhnliche Wörter sind besser.</source>
        <translation>Add another word or two – uncommon words are better.</translation>
    </message>
    <message>
        <source>Tastenreihen sind leicht zu erraten.</source>
        <translation>Straight rows of keys are easy to guess.</translation>
    </message>
    <message>
        <source>Kurze Tastaturmuster sind leicht zu erraten.</source>
        <translation>Short keyboard patterns are easy to guess.</translation>
    </message>
    <message>
        <source>Ein längeres Tastaturmuster mit mehr Richtungswechseln verwenden.</source>
        <translation>Use a longer keyboard pattern with more turns.</translation>
    </message>
    <message>
        <source>Wiederholungen wie „aaa“ sind leicht zu erraten.</source>
        <translation>Repeats like “aaa” are easy to guess.</translation>
    </message>
    <message>
        <source>Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“.</source>
        <translation>Repeats like “abcabcabc” are only slightly harder to guess than “abc”.</translation>
    </message>
    <message>
        <source>Wiederholte Wörter und Zeichen vermeiden.</source>
        <translation>Avoid repeated words and characters.</translation>
    </message>
    <message>
        <source>Folgen wie „abc“ oder „6543“ sind leicht zu erraten.</source>
        <translation>Sequences like “abc” or “6543” are easy to guess.</translation>
    </message>
    <message>
        <source>Zeichenfolgen vermeiden.</source>
        <translation>Avoid sequences.</translation>
    </message>
    <message>
        <source>Jahreszahlen der letzten Jahre sind leicht zu erraten.</source>
        <translation>Recent years are easy to guess.</translation>
    </message>
    <message>
        <source>Aktuelle Jahreszahlen vermeiden.</source>
        <translation>Avoid recent years.</translation>
    </message>
    <message>
        <source>Jahreszahlen mit persönlichem Bezug vermeiden.</source>
        <translation>Avoid years that are associated with you.</translation>
    </message>
    <message>
        <source>Datumsangaben sind oft leicht zu erraten.</source>
        <translation>Dates are often easy to guess.</translation>
    </message>
    <message>
        <source>Daten und Jahreszahlen mit persönlichem Bezug vermeiden.</source>
        <translation>Avoid dates and years that are associated with you.</translation>
    </message>
    <message>
        <source>Das ist eines der 10 häufigsten Passwörter.</source>
        <translation>This is one of the 10 most common passwords.</translation>
    </message>
    <message>
        <source>Das ist eines der 100 häufigsten Passwörter.</source>
        <translation>This is one of the 100 most common passwords.</translation>
    </message>
    <message>
        <source>Das ist ein sehr häufiges Passwort.</source>
        <translation>This is a very common password.</translation>
    </message>
    <message>
        <source>Das ähnelt einem häufigen Passwort.</source>
        <translation>This is similar to a commonly used password.</translation>
    </message>
    <message>
        <source>Ein einzelnes Wort ist leicht zu erraten.</source>
        <translation>A word on its own is easy to guess.</translation>
    </message>
    <message>
        <source>Vor- und Nachnamen allein sind leicht zu erraten.</source>
        <translation>First names and surnames on their own are easy to guess.</translation>
    </message>
    <message>
        <source>Häufige Vor- und Nachnamen sind leicht zu erraten.</source>
        <translation>Common first names and surnames are easy to guess.</translation>
    </message>
    <message>
        <source>Großschreibung hilft kaum.</source>
        <translation>Capitalisation hardly helps.</translation>
    </message>
    <message>
        <source>Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.</source>
        <translation>All capitals are almost as easy to guess as all lower case.</translation>
    </message>
    <message>
        <source>Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.</source>
        <translation>Words spelt backwards are hardly harder to guess.</translation>
    </message>
    <message>
        <source>Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen kaum.</source>
        <translation>Predictable substitutions like “@” instead of “a” hardly help.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Die Daten werden mit einem neuen Schlüssel neu verschlüsselt, und es gibt einen neuen Wiederherstellungsschlüssel. Wer die alte Passphrase und eine alte Kopie der Schlüsseldatei hat, kommt damit nicht mehr an die Daten.</source>
        <translation>The data is re-encrypted with a new key, and there is a new recovery key. Whoever has the old passphrase and an old copy of the key file can no longer reach the data with them.</translation>
    </message>
    <message>
        <source>Passphrase ändern, weil sie be&amp;kannt wurde</source>
        <translation>Change the passphrase because it became &amp;known</translation>
    </message>
    <message>
        <source>Die Daten werden zusätzlich mit einem neuen Schlüssel verschlüsselt, und es gibt einen neuen Wiederherstellungsschlüssel. Alte Kopien der Schlüsseldatei öffnen den Datenbestand dann nicht mehr.</source>
        <translation>The data is also re-encrypted with a new key, and there is a new recovery key. Old copies of the key file no longer open the data store.</translation>
    </message>
    <message>
        <source>Neuer Schlüssel</source>
        <translation>New key</translation>
    </message>
    <message>
        <source>Die Daten sind jetzt mit einem neuen Schlüssel verschlüsselt. Neuer Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte notieren oder drucken, der alte gilt nicht mehr):

{key}

Alte Kopien der Schlüsseldatei öffnen den Datenbestand nicht mehr. Ältere Sicherungen lassen sich aber weiter mit dem alten Schlüssel und der bekannt gewordenen Passphrase öffnen – bitte löschen: {backups}</source>
        <translation>The data is now encrypted with a new key. New recovery key (shown only now – please write it down or print it; the old one no longer works):

{key}

Old copies of the key file no longer open the data store. Older backups can still be opened with the old key and the passphrase that became known – please delete them: {backups}</translation>
    </message>
    <message>
        <source>keine in backups/</source>
        <translation>none in backups/</translation>
    </message>
    <message>
        <source>Passphrase ändern</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Die Daten bleiben unverändert; nur der Schlüssel, der sie schützt, wird mit der neuen Passphrase neu verschlüsselt. Der Wiederherstellungsschlüssel gilt weiter.</source>
        <translation>The data stay as they are; only the key that protects them is encrypted again with the new passphrase. The recovery key remains valid.</translation>
    </message>
    <message>
        <source>&amp;Bisherige Passphrase:</source>
        <translation>C&amp;urrent passphrase:</translation>
    </message>
    <message>
        <source>Wiederherstellungs&amp;schlüssel:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>Ich habe nur den &amp;Wiederherstellungsschlüssel</source>
        <translation>I only have the &amp;recovery key</translation>
    </message>
    <message>
        <source>&amp;Neue Passphrase:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <source>Wieder&amp;holen:</source>
        <translation>Re&amp;peat:</translation>
    </message>
    <message>
        <source>Neue Passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Neue Passphrase wiederholen</source>
        <translation>Repeat new passphrase</translation>
    </message>
    <message>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Ändern</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Bisherige Passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Die Passphrase wird geändert …</source>
        <translation>Changing the passphrase …</translation>
    </message>
    <message>
        <source>Der Wiederherstellungsschlüssel stimmt nicht. Es wurde nichts geändert.</source>
        <translation>The recovery key is not correct. Nothing was changed.</translation>
    </message>
    <message>
        <source>Die bisherige Passphrase stimmt nicht. Es wurde nichts geändert.</source>
        <translation>The current passphrase is not correct. Nothing was changed.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei konnte nicht geschrieben werden ({reason}). Es wurde nichts geändert.</source>
        <translation>The key file could not be written ({reason}). Nothing was changed.</translation>
    </message>
    <message>
        <source>Die Passphrase konnte nicht geändert werden ({kind}).</source>
        <translation>The passphrase could not be changed ({kind}).</translation>
    </message>
</context>
<context>
    <name>PeerList</name>
    <message>
        <source>Gerät</source>
        <extracomment>columns of the device table</extracomment>
        <translation>Device</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Fingerabdruck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Vertraut seit</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <source>Letztes Bündel</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>Zuletzt gesendet</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <source>Bestätigt bis</source>
        <translation>Confirmed up to</translation>
    </message>
    <message>
        <source>Unbestätigt</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Vertraute Geräte</source>
        <translation>Trusted devices</translation>
    </message>
    <message>
        <source>Wann das letzte Bündel dieses Geräts hier eingelesen wurde</source>
        <translation>When this device&apos;s latest bundle was imported here</translation>
    </message>
    <message>
        <source>Wann zuletzt ein Bündel für dieses Gerät geschrieben wurde</source>
        <translation>When a bundle for this device was last written</translation>
    </message>
    <message>
        <source>Unser letztes Bündel, das das Gerät vollständig bestätigt hat</source>
        <translation>Our latest bundle that the device has confirmed in full</translation>
    </message>
    <message>
        <source>Einträge, die das Gerät noch nicht bestätigt hat (ohne Protokolle)</source>
        <translation>Entries the device has not confirmed yet (logs not counted)</translation>
    </message>
    <message>
        <source>Warnen nach … Tagen ohne Bündel</source>
        <translation>Warn after … days without a bundle</translation>
    </message>
    <message>
        <source>&amp;Warnen nach</source>
        <translation>W&amp;arn after</translation>
    </message>
    <message>
        <source>Tagen ohne Bündel</source>
        <translation>days without a bundle</translation>
    </message>
    <message>
        <source>Stand der Bestätigung</source>
        <translation>Confirmation status</translation>
    </message>
    <message>
        <source>Länger als {days} Tage ohne Bündel: {names}</source>
        <translation>No bundle for more than {days} days: {names}</translation>
    </message>
    <message>
        <source>noch keins</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>noch nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Bündel vom {when}</source>
        <translation>Bundle of {when}</translation>
    </message>
    <message>
        <source>Stand {rev}</source>
        <translation>revision {rev}</translation>
    </message>
    <message>
        <source>noch nichts</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <source>noch nie ein Bündel</source>
        <translation>never a bundle</translation>
    </message>
    <message>
        <source>seit {days} Tagen kein Bündel</source>
        <translation>no bundle for {days} days</translation>
    </message>
    <message>
        <source>noch nie etwas gesendet</source>
        <translation>nothing sent yet</translation>
    </message>
    <message>
        <source>seit {days} Tagen nichts gesendet</source>
        <translation>nothing sent for {days} days</translation>
    </message>
    <message>
        <source>Alles bestätigt.</source>
        <translation>Everything confirmed.</translation>
    </message>
    <message>
        <source>Ginge mit dem nächsten Bündel mit: {parts}</source>
        <translation>Would go with the next bundle: {parts}</translation>
    </message>
    <message>
        <source>alles bis {when}</source>
        <translation>everything up to {when}</translation>
    </message>
    <message>
        <source>alles bis Stand {rev}</source>
        <translation>everything up to revision {rev}</translation>
    </message>
    <message>
        <source>nichts</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>1 Eintrag</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <source>{n} Einträge</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>Von {name} bestätigt: {confirmed}</source>
        <translation>Confirmed by {name}: {confirmed}</translation>
    </message>
    <message>
        <source>Nur auf diesem Laptop: {only}</source>
        <translation>Only on this laptop: {only}</translation>
    </message>
</context>
<context>
    <name>PrivacyScreen</name>
    <message>
        <source>Bereiche des Datenschutzes</source>
        <translation>Data protection sections</translation>
    </message>
    <message>
        <source>P&amp;rüfprotokoll</source>
        <translation>A&amp;udit trail</translation>
    </message>
    <message>
        <source>&amp;Löschprotokoll</source>
        <translation>Deletion lo&amp;g</translation>
    </message>
    <message>
        <source>&amp;Aufbewahrung</source>
        <translation>Rete&amp;ntion</translation>
    </message>
    <message>
        <source>Hier steht, wer wann was getan hat (nur mit Kennungen, nie mit Inhalten), was nach den Aufbewahrungsfristen gelöscht wurde und wie lange was aufbewahrt wird.</source>
        <translation>Who did what and when (by ID only, never with content), what was deleted under the retention periods, and how long what is kept.</translation>
    </message>
    <message>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
</context>
<context>
    <name>PseudonymField</name>
    <message>
        <source>K-XXXX-XXXX (optional)</source>
        <translation>K-XXXX-XXXX (optional)</translation>
    </message>
    <message>
        <source>&amp;Neuer Code</source>
        <translation>&amp;New code</translation>
    </message>
    <message>
        <source>Einen zufälligen Code erzeugen – nie aus Name oder Geburtsdatum ableiten.</source>
        <translation>Make a random code – never derive one from a name or birth date.</translation>
    </message>
    <message>
        <source>Neuen Pseudonym-Code erzeugen</source>
        <translation>Make a new pseudonym code</translation>
    </message>
    <message>
        <source>Neuer Code – bitte der Person mitgeben (z. B. auf einer Karte).</source>
        <translation>New code – please give it to the person (e.g. on a card).</translation>
    </message>
    <message>
        <source>Noch unvollständig.</source>
        <translation>Not complete yet.</translation>
    </message>
    <message>
        <source>Ungültiger Code (Tippfehler?).</source>
        <translation>Invalid code (typo?).</translation>
    </message>
    <message>
        <source>Bekannter Code: {n} Kontakt(e) bisher.</source>
        <translation>Known code: {n} contact(s) so far.</translation>
    </message>
    <message>
        <source>Dieser Code ist noch nicht vergeben.</source>
        <translation>This code has not been used yet.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Hinweis auf personenbezogene Daten</source>
        <extracomment>The record type this form edits; subclasses set it.</extracomment>
        <translation>Possible personal data</translation>
    </message>
    <message>
        <source>Trotzdem spei&amp;chern</source>
        <translation>Save an&amp;yway</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Speichern (Strg+S oder Strg+Eingabe)</source>
        <translation>Save (Ctrl+S or Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abbrechen (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Schließen (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Der Text enthält vermutlich personenbezogene Daten – bitte entfernen oder umschreiben:</source>
        <translation>The text probably contains personal data – please remove or rephrase it:</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Trotzdem speichern?</source>
        <translation>Save anyway?</translation>
    </message>
    <message>
        <source>Der Text enthält vermutlich personenbezogene Daten. Die Dokumentation soll anonym bleiben. Wirklich unverändert speichern?</source>
        <translation>The text probably contains personal data. Records are meant to stay anonymous. Really save it unchanged?</translation>
    </message>
    <message>
        <source>Änderungen verwerfen?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Die Eingaben sind noch nicht gespeichert. Verwerfen?</source>
        <translation>Your input has not been saved. Discard it?</translation>
    </message>
    <message>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>&amp;Weiter bearbeiten</source>
        <translation>&amp;Keep editing</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>Neuer Verweis – Vielfalt</source>
        <translation>New referral – Vielfalt</translation>
    </message>
    <message>
        <source>Verweis vom {date} – Vielfalt</source>
        <translation>Referral of {date} – Vielfalt</translation>
    </message>
    <message>
        <source>Kontakt vom {date}</source>
        <translation>Contact of {date}</translation>
    </message>
    <message>
        <source>ohne Bezug zu einem erfassten Kontakt</source>
        <translation>not linked to a recorded contact</translation>
    </message>
    <message>
        <source>Kontakt:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>&amp;Thema</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <source>&amp;Partnerorganisation</source>
        <translation>&amp;Partner organisation</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>nachfragen am</source>
        <translation>check back on</translation>
    </message>
    <message>
        <source>&amp;Wiedervorlage</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <source>Rückmeldung der Organisation (ohne Namen)</source>
        <translation>Feedback from the organisation (no names)</translation>
    </message>
    <message>
        <source>&amp;Rückmeldung</source>
        <translation>F&amp;eedback</translation>
    </message>
    <message>
        <source>Bitte ein Thema wählen.</source>
        <translation>Please choose a topic.</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Status des Verweises ändern – Vielfalt</source>
        <translation>Change referral status – Vielfalt</translation>
    </message>
    <message>
        <source>Noch kein Verlauf.</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <source>Bisheriger Verlauf</source>
        <translation>History so far</translation>
    </message>
    <message>
        <source>Neuer Status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Notiz zum Schritt</source>
        <translation>Note on this step</translation>
    </message>
    <message>
        <source>Rückmeldung der Organisation</source>
        <translation>Feedback from the organisation</translation>
    </message>
    <message>
        <source>Verlauf:</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>Neuer Stat&amp;us:</source>
        <translation>New stat&amp;us:</translation>
    </message>
    <message>
        <source>&amp;Notiz:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>&amp;Rückmeldung:</source>
        <translation>&amp;Feedback:</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Vermutlich personenbezogene Daten ({kinds}) – bitte entfernen. Ein Statusschritt wird nur ohne solche Angaben gespeichert.</source>
        <translation>Probably personal data ({kinds}) – please remove it. A status step is only saved without such details.</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ReferralsScreen</name>
    <message>
        <source>Suchen in Rückmeldungen …</source>
        <translation>Search feedback …</translation>
    </message>
    <message>
        <source>Einzelheiten zum Verweis</source>
        <translation>Referral details</translation>
    </message>
    <message>
        <source>&amp;Status ändern …</source>
        <translation>Change &amp;status …</translation>
    </message>
    <message>
        <source>Verweis&amp;zettel</source>
        <translation>&amp;Referral slip</translation>
    </message>
    <message>
        <source>Ein Blatt mit Anschrift und Öffnungszeiten der Organisation zum Mitgeben</source>
        <translation>A sheet with the organisation’s address and opening hours to hand over</translation>
    </message>
    <message>
        <source>auf Deutsch …</source>
        <translation>in German …</translation>
    </message>
    <message>
        <source>auf Englisch …</source>
        <translation>in English …</translation>
    </message>
    <message>
        <source>Verweiszettel speichern</source>
        <translation>Save referral slip</translation>
    </message>
    <message>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Verweiszettel gespeichert</source>
        <translation>Referral slip saved</translation>
    </message>
    <message>
        <source>Gespeichert: {path}
Der Zettel enthält keine Daten der Person.</source>
        <translation>Saved: {path}
The slip holds no data about the person.</translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>&amp;Neuer Verweis</source>
        <translation>&amp;New referral</translation>
    </message>
    <message>
        <source>1 Verweis</source>
        <translation>1 referral</translation>
    </message>
    <message>
        <source>{n} Verweise</source>
        <translation>{n} referrals</translation>
    </message>
    <message>
        <source>Keine Verweise für diese Filter.</source>
        <translation>No referrals match these filters.</translation>
    </message>
    <message>
        <source>Noch keine Verweise. Am schnellsten geht es unter „Kontakte“ mit „Verweis anlegen“.</source>
        <translation>No referrals yet. The quickest way is “Refer” on the Contacts screen.</translation>
    </message>
    <message>
        <source>Kein Verweis ausgewählt.</source>
        <translation>No referral selected.</translation>
    </message>
    <message>
        <source>Kontaktweg</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Öffnungszeiten</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Thema: {topic} · {kind}</source>
        <translation>Topic: {topic} · {kind}</translation>
    </message>
    <message>
        <source>Rückmeldung: {text}</source>
        <translation>Feedback: {text}</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Berichte</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Berichtszeitraum</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Dieses Jahr bis heute</source>
        <translation>This year to date</translation>
    </message>
    <message>
        <source>Letztes Jahr</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>1. Halbjahr</source>
        <translation>First half-year</translation>
    </message>
    <message>
        <source>2. Halbjahr</source>
        <translation>Second half-year</translation>
    </message>
    <message>
        <source>Letztes Quartal</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Dieser Monat</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Letzter Monat</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Frei wählen</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Bis</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Ganze Stadt</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <source>Kleine Zahlen verbergen bis</source>
        <translation>Hide small numbers up to</translation>
    </message>
    <message>
        <source>&amp;Vorschau berechnen</source>
        <translation>&amp;Compute preview</translation>
    </message>
    <message>
        <source>Als &amp;PDF speichern …</source>
        <translation>Save as &amp;PDF …</translation>
    </message>
    <message>
        <source>Als &amp;CSV speichern …</source>
        <translation>Save as C&amp;SV …</translation>
    </message>
    <message>
        <source>Bericht wird berechnet</source>
        <translation>Computing the report</translation>
    </message>
    <message>
        <source>Zeitraum und Gebiet</source>
        <translation>Period and area</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Gebiet:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>&amp;Kleine Zahlen verbergen bis:</source>
        <translation>&amp;Hide small numbers up to:</translation>
    </message>
    <message>
        <source>Kennzahl</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Vorschau der Kennzahlen</source>
        <translation>Preview of the key indicators</translation>
    </message>
    <message>
        <source>Hinweis: Exportierte PDF- und CSV-Dateien sind nicht verschlüsselt. Sie enthalten nur zusammengefasste Zahlen; Werte von 1 bis zur gewählten Grenze sind als „.“ verborgen. Bitte trotzdem nur auf dienstlichen Laufwerken ablegen.</source>
        <translation>Note: exported PDF and CSV files are not encrypted. They hold only aggregated numbers; values from 1 up to the chosen limit are hidden as “.”. Still, please keep them on official drives only.</translation>
    </message>
    <message>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Die Zahlen werden berechnet …</source>
        <translation>Computing the numbers …</translation>
    </message>
    <message>
        <source>„.“ = aus Datenschutzgründen verborgen (kleine Zahl oder daraus ableitbar).</source>
        <translation>“.” = hidden for data protection (a small number, or one it could be derived from).</translation>
    </message>
    <message>
        <source>„x“ = Aussage nicht sinnvoll (keine Fälle als Bezugsgröße).</source>
        <translation>“x” = not meaningful (no cases to relate to).</translation>
    </message>
    <message>
        <source>Der Bericht konnte nicht erstellt werden ({kind}).</source>
        <translation>The report could not be made ({kind}).</translation>
    </message>
    <message>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>CSV-Tabelle (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>Bericht speichern (unverschlüsselt)</source>
        <translation>Save report (not encrypted)</translation>
    </message>
    <message>
        <source>Die Datei wird geschrieben …</source>
        <translation>Writing the file …</translation>
    </message>
    <message>
        <source>Gespeichert: {path} (nicht verschlüsselt).</source>
        <translation>Saved: {path} (not encrypted).</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>&amp;Kontakte:</source>
        <translation>&amp;Contacts:</translation>
    </message>
    <message>
        <source>&amp;Verweise (ab Abschluss):</source>
        <translation>&amp;Referrals (from closing):</translation>
    </message>
    <message>
        <source>Verweis-Verla&amp;uf (ab Abschluss des Verweises):</source>
        <translation>Referral &amp;history (from the referral&apos;s closing):</translation>
    </message>
    <message>
        <source>K&amp;onflikte (ab Abschluss):</source>
        <translation>C&amp;onflicts (from closing):</translation>
    </message>
    <message>
        <source>&amp;Interventionen (ab Abschluss des Konflikts):</source>
        <translation>&amp;Interventions (from the conflict&apos;s closing):</translation>
    </message>
    <message>
        <source>Vera&amp;nstaltungen:</source>
        <translation>E&amp;vents:</translation>
    </message>
    <message>
        <source>Freitext leeren nach</source>
        <translation>Clear free text after</translation>
    </message>
    <message>
        <source>Notizen, Rückmeldungen, Ergebnisse und nächste Schritte werden geleert, gezählt ab dem Datum des Eintrags. Offene Verweise und Konflikte behalten ihre Notizen bis zum Abschluss.</source>
        <translation>Notes, feedback, results and next steps are cleared, counted from the entry&apos;s date. Open referrals and conflicts keep their notes until they are closed.</translation>
    </message>
    <message>
        <source>{kind}: Freitext leeren nach Monaten</source>
        <translation>{kind}: clear free text after months</translation>
    </message>
    <message>
        <source>Pseudonym-Verknüpfung entfernen nach Monaten</source>
        <translation>Remove pseudonym link after months</translation>
    </message>
    <message>
        <source>Pseudonyme</source>
        <translation>Pseudonyms</translation>
    </message>
    <message>
        <source>&amp;Pseudonym-Verknüpfung entfernen nach:</source>
        <translation>Remove &amp;pseudonym link after:</translation>
    </message>
    <message>
        <source>Danach lässt sich ein Kontakt keinem früheren derselben Person mehr zuordnen. Die Kontakte selbst bleiben als anonyme Statistik.</source>
        <translation>After that a contact can no longer be linked to earlier ones of the same person. The contacts themselves stay as anonymous statistics.</translation>
    </message>
    <message>
        <source>Auf diesem Laptop</source>
        <translation>On this laptop</translation>
    </message>
    <message>
        <source>&amp;Erledigte, von der Koordination bestätigte Einträge nach</source>
        <translation>R&amp;emove settled entries confirmed by the coordinator after</translation>
    </message>
    <message>
        <source> Tagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Tage, nach denen bestätigte Einträge vom Laptop entfernt werden</source>
        <translation>Days after which confirmed entries are removed from the laptop</translation>
    </message>
    <message>
        <source>vom Laptop entfernen</source>
        <translation>from the laptop</translation>
    </message>
    <message>
        <source>Erst wenn die Koordination den Empfang bestätigt hat, nie vorher. Was noch offen ist, bleibt: Wiedervorlagen, laufende Konflikte, offene Verweise. Die Koordination behält ihre Kopie.</source>
        <translation>Only once the coordinator has confirmed receipt, never before. What is still open stays: follow-ups, ongoing conflicts, open referrals. The coordinator keeps its copy.</translation>
    </message>
    <message>
        <source>Laptops können zusätzlich erledigte Einträge abgeben, sobald die Koordination ihren Empfang bestätigt hat. Das stellt jedes Laptop selbst ein.</source>
        <translation>Laptops can also give up settled entries once the coordinator has confirmed receiving them. Each laptop sets this itself.</translation>
    </message>
    <message>
        <source>Auf den Laptops</source>
        <translation>On the laptops</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Ver&amp;werfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Die gespeicherten Fristen wieder anzeigen</source>
        <translation>Show the saved periods again</translation>
    </message>
    <message>
        <source>&amp;Jetzt anwenden …</source>
        <translation>&amp;Apply now …</translation>
    </message>
    <message>
        <source>Zuerst wird gezeigt, was fällig ist; geändert wird erst nach Rückfrage.</source>
        <translation>First shows what is due; nothing changes until you confirm.</translation>
    </message>
    <message>
        <source>Fehler in den Fristen</source>
        <translation>Errors in the periods</translation>
    </message>
    <message>
        <source>Aufbewahrungsfristen werden angewandt</source>
        <translation>Applying retention periods</translation>
    </message>
    <message>
        <source>Anwenden</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source> Monate</source>
        <translation> months</translation>
    </message>
    <message>
        <source> Monat</source>
        <translation> month</translation>
    </message>
    <message>
        <source>Geänderte Fristen gelten erst nach dem Speichern.</source>
        <translation>Changed periods apply only once saved.</translation>
    </message>
    <message>
        <source>Die Fristen werden beim ersten Entsperren jedes Tages angewandt.</source>
        <translation>The periods are applied at the first unlock of each day.</translation>
    </message>
    <message>
        <source>Zuletzt: {date}.</source>
        <translation>Last: {date}.</translation>
    </message>
    <message>
        <source>Gespeichert. Es wird geprüft, was danach fällig ist …</source>
        <translation>Saved. Checking what is now due …</translation>
    </message>
    <message>
        <source>Nicht gespeichert: {problems}</source>
        <translation>Not saved: {problems}</translation>
    </message>
    <message>
        <source>Gespeichert. Nach den neuen Fristen ist jetzt 1 Eintrag fällig.</source>
        <translation>Saved. Under the new periods 1 entry is now due.</translation>
    </message>
    <message>
        <source>Gespeichert. Nach den neuen Fristen sind jetzt {n} Einträge fällig.</source>
        <translation>Saved. Under the new periods {n} entries are now due.</translation>
    </message>
    <message>
        <source>Angewandt wird beim ersten Entsperren eines Tages oder mit „Jetzt anwenden …“.</source>
        <translation>They are applied at the first unlock of a day or with “Apply now …”.</translation>
    </message>
    <message>
        <source>Gespeichert. Nach den neuen Fristen ist nichts fällig.</source>
        <translation>Saved. Nothing is due under the new periods.</translation>
    </message>
    <message>
        <source>Es wird geprüft, was fällig ist …</source>
        <translation>Checking what is due …</translation>
    </message>
    <message>
        <source>Geprüft: nichts fällig.</source>
        <translation>Checked: nothing due.</translation>
    </message>
    <message>
        <source>Nichts fällig</source>
        <translation>Nothing due</translation>
    </message>
    <message>
        <source>Nach den geltenden Aufbewahrungsregeln ist derzeit nichts fällig.</source>
        <translation>Nothing is due under the current retention rules.</translation>
    </message>
    <message>
        <source>Aufbewahrungsfristen jetzt anwenden?</source>
        <translation>Apply retention periods now?</translation>
    </message>
    <message>
        <source>Nicht angewandt; nichts wurde geändert.</source>
        <translation>Not applied; nothing was changed.</translation>
    </message>
    <message>
        <source>Die Fristen werden angewandt …</source>
        <translation>Applying the periods …</translation>
    </message>
    <message>
        <source>Freitext leeren</source>
        <translation>Clear free text</translation>
    </message>
    <message>
        <source>Pseudonym-Verknüpfung entfernen</source>
        <translation>Remove pseudonym link</translation>
    </message>
    <message>
        <source>Abgelegte Werte des Konfliktprotokolls entfernen</source>
        <translation>Remove values kept in the conflict log</translation>
    </message>
    <message>
        <source>Vom Laptop entfernen (Empfang bestätigt)</source>
        <translation>Remove from the laptop (receipt confirmed)</translation>
    </message>
    <message>
        <source>Nach den Aufbewahrungsregeln ist jetzt fällig:</source>
        <translation>Due now under the retention rules:</translation>
    </message>
    <message>
        <source>• {rule} – {kind}: {n}</source>
        <translation>• {rule} – {kind}: {n}</translation>
    </message>
    <message>
        <source>(vor dem {date})</source>
        <translation>(before {date})</translation>
    </message>
    <message>
        <source>Vom Laptop entfernte Einträge behält die Koordination; alle anderen bleiben als anonyme Statistik erhalten.</source>
        <translation>The coordinator keeps the entries removed from the laptop; all others stay as anonymous statistics.</translation>
    </message>
    <message>
        <source>Die Einträge selbst bleiben als anonyme Statistik erhalten.</source>
        <translation>The entries themselves stay as anonymous statistics.</translation>
    </message>
    <message>
        <source>Das lässt sich nicht rückgängig machen. Das Löschprotokoll hält fest, was wann nach welcher Regel gelöscht wurde – ohne Inhalte.</source>
        <translation>This cannot be undone. The deletion log records what was deleted when and by which rule – without content.</translation>
    </message>
    <message>
        <source>Jetzt anwenden?</source>
        <translation>Apply now?</translation>
    </message>
    <message>
        <source>Angewandt: 1 Eintrag betroffen. Einzelheiten stehen im Löschprotokoll.</source>
        <translation>Applied: 1 entry affected. Details are in the deletion log.</translation>
    </message>
    <message>
        <source>Angewandt: {n} Einträge betroffen. Einzelheiten stehen im Löschprotokoll.</source>
        <translation>Applied: {n} entries affected. Details are in the deletion log.</translation>
    </message>
    <message>
        <source>Angewandt: inzwischen war nichts mehr fällig.</source>
        <translation>Applied: meanwhile nothing was due any more.</translation>
    </message>
    <message>
        <source>Gespeichert.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Fehlgeschlagen: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Automatisch sperren nach</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Die englische Übersetzung ist nicht installiert („make translations“ erzeugt sie).</source>
        <translation>The English translation is not installed (“make translations” builds it).</translation>
    </message>
    <message>
        <source>Farbschema</source>
        <translation>Colour scheme</translation>
    </message>
    <message>
        <source>Wie das System</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Hell</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dunkel</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Sicherheit</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>&amp;Automatisch sperren nach:</source>
        <translation>Lock &amp;automatically after:</translation>
    </message>
    <message>
        <source>Nach dieser Zeit ohne Eingabe wird der Datenbestand gesperrt und der Schlüssel aus dem Speicher entfernt. Sofort sperren: Strg+L.</source>
        <translation>After this time without input the data is locked and the key removed from memory. Lock at once: Ctrl+L.</translation>
    </message>
    <message>
        <source>&amp;Passphrase ändern …</source>
        <translation>Change &amp;passphrase …</translation>
    </message>
    <message>
        <source>Darstellung</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>&amp;Sprache:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Farbschema:</source>
        <translation>&amp;Colour scheme:</translation>
    </message>
    <message>
        <source>Dieses Gerät</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rolle:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Datenordner:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Die Passphrase wurde geändert. Ab jetzt entsperren Sie mit der neuen.</source>
        <translation>The passphrase has been changed. From now on, unlock with the new one.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Vielfalt – Einrichtung</source>
        <translation>Vielfalt – Setup</translation>
    </message>
    <message>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Weiter</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Laptop – Arbeit vor Ort; die Daten gehen an die Koordination</source>
        <translation>&amp;Laptop – field work; the data goes to the coordination office</translation>
    </message>
    <message>
        <source>&amp;Koordination – führt die Daten zusammen und erstellt Berichte</source>
        <translation>&amp;Coordination – merges the data and produces reports</translation>
    </message>
    <message>
        <source>z. B. Laptop Nord</source>
        <translation>e.g. Laptop North</translation>
    </message>
    <message>
        <source>Name dieses Geräts</source>
        <translation>Name of this device</translation>
    </message>
    <message>
        <source>&amp;Name dieses Geräts:</source>
        <translation>&amp;Name of this device:</translation>
    </message>
    <message>
        <source>Willkommen bei Vielfalt Desktop</source>
        <translation>Welcome to Vielfalt Desktop</translation>
    </message>
    <message>
        <source>Die Daten werden verschlüsselt auf diesem Gerät gespeichert. Wofür wird dieses Gerät genutzt?</source>
        <translation>The data is stored encrypted on this device. What is this device used for?</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase wiederholen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Wiederholen:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>Passphrase festlegen</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <source>Die Passphrase schützt alle Daten auf diesem Gerät. Gut merkbar und schwer zu erraten sind mehrere zufällige Wörter, z. B. „Kranich Löffel Wolke Fahrrad“. Mindestens {n} Zeichen und die Stärke „stark“.</source>
        <translation>The passphrase protects all data on this device. Several random words are easy to remember and hard to guess, e.g. “crane spoon cloud bicycle”. At least {n} characters and the strength “strong”.</translation>
    </message>
    <message>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>&amp;Drucken …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <source>Ich habe den Wiederherstellungsschlüssel &amp;notiert oder ausgedruckt.</source>
        <translation>I have &amp;written down or printed the recovery key.</translation>
    </message>
    <message>
        <source>Der Datenbestand ist angelegt. Mit diesem Schlüssel lassen sich die Daten öffnen, wenn die Passphrase vergessen wurde. Er wird nur jetzt angezeigt. Bitte aufschreiben oder ausdrucken und verschlossen aufbewahren – nicht auf diesem Gerät speichern.</source>
        <translation>The data store has been created. This key opens the data if the passphrase is forgotten. It is shown only now. Please write it down or print it and keep it locked away – do not store it on this device.</translation>
    </message>
    <message>
        <source>Koordination verbinden</source>
        <translation>Connect to the coordination office</translation>
    </message>
    <message>
        <source>Damit dieser Laptop Daten sicher an die Koordination schicken kann, wird deren Identitätskarte (eine kleine Datei) geladen. Vergleichen Sie danach den Fingerabdruck mit dem, den die Koordination Ihnen nennt.</source>
        <translation>So that this laptop can send data safely to the coordination office, load the office’s identity card (a small file). Then compare its fingerprint with the one the office tells you.</translation>
    </message>
    <message>
        <source>Identitätskarte &amp;laden …</source>
        <translation>&amp;Load identity card …</translation>
    </message>
    <message>
        <source>&amp;Überspringen – später unter „Synchronisation“</source>
        <translation>&amp;Skip – later under “Synchronisation”</translation>
    </message>
    <message>
        <source>Der &amp;Fingerabdruck stimmt mit dem der Koordination überein.</source>
        <translation>The &amp;fingerprint matches the coordination office’s.</translation>
    </message>
    <message>
        <source>Vielfalt Desktop – Wiederherstellungsschlüssel

Gerät: {name}

{key}

Sicher aufbewahren: Wer diesen Schlüssel hat, kann die Daten öffnen.</source>
        <translation>Vielfalt Desktop – recovery key

Device: {name}

{key}

Keep it safe: whoever has this key can open the data.</translation>
    </message>
    <message>
        <source>Identitätskarte der Koordination laden</source>
        <translation>Load the coordination office’s identity card</translation>
    </message>
    <message>
        <source>Gerät: {name}
Fingerabdruck: {fp}</source>
        <translation>Device: {name}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>Schritt {n} von {total}</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <source>&amp;Fertigstellen</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Der verschlüsselte Datenbestand wird angelegt …</source>
        <translation>Creating the encrypted data store …</translation>
    </message>
    <message>
        <source>Der Datenbestand konnte nicht angelegt werden ({kind}).</source>
        <translation>The data store could not be created ({kind}).</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen?</source>
        <translation>Cancel setup?</translation>
    </message>
    <message>
        <source>Der Datenbestand ist schon angelegt und bleibt erhalten; beim nächsten Start kann er mit der Passphrase entsperrt werden. Den Wiederherstellungsschlüssel sehen Sie danach nicht mehr. Abbrechen?</source>
        <translation>The data store has already been created and is kept; next time it can be unlocked with the passphrase. You will not see the recovery key again. Cancel?</translation>
    </message>
</context>
<context>
    <name>Spalten</name>
    <message>
        <source>Gemeldet am</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Konfliktthemen</source>
        <translation>Conflict topics</translation>
    </message>
    <message>
        <source>Stufe</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Abgeschlossen</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Themen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Zielgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Alter</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>davon Drittstaatsangehörige</source>
        <translation>of them third-country nationals</translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gerät</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Kennung</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Interessen</source>
        <translation>Interests</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Angebote</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Stadtteile</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>Partnerorganisation</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Nichts Neues.</source>
        <translation>Nothing new.</translation>
    </message>
    <message>
        <source>{count} Bündel eingelesen: {details}.</source>
        <translation>{count} bundles read: {details}.</translation>
    </message>
    <message>
        <source>{count} neue Einträge von {sender}</source>
        <translation>{count} new entries from {sender}</translation>
    </message>
    <message>
        <source>1 neuer Eintrag von {sender}</source>
        <translation>1 new entry from {sender}</translation>
    </message>
    <message>
        <source>nichts Neues von {sender}</source>
        <translation>nothing new from {sender}</translation>
    </message>
    <message>
        <source>{count} von {sender}</source>
        <translation>{count} from {sender}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>{count} Bündel waren schon eingelesen.</source>
        <translation>{count} bundles had already been read.</translation>
    </message>
    <message>
        <source>1 Bündel war schon eingelesen.</source>
        <translation>1 bundle had already been read.</translation>
    </message>
    <message>
        <source>{count} Bündel geschrieben.</source>
        <translation>{count} bundles written.</translation>
    </message>
    <message>
        <source>{count} Dateien übersprungen: {refusals}</source>
        <translation>{count} files skipped: {refusals}</translation>
    </message>
    <message>
        <source>1 Datei übersprungen: {refusals}</source>
        <translation>1 file skipped: {refusals}</translation>
    </message>
    <message>
        <source>{file} – {reason}</source>
        <translation>{file} – {reason}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>{first} {rest}</source>
        <translation>{first} {rest}</translation>
    </message>
</context>
<context>
    <name>SyncFolder</name>
    <message>
        <source>Synchronisationsordner wählen</source>
        <translation>Choose sync folder</translation>
    </message>
    <message>
        <source>Ordner nicht übernommen</source>
        <translation>Folder not accepted</translation>
    </message>
    <message>
        <source>Kein Synchronisationsordner</source>
        <translation>No sync folder</translation>
    </message>
    <message>
        <source>Zum Synchronisieren braucht dieses Gerät einen Ordner, den auch die anderen Geräte erreichen: ein Netzlaufwerk, einen Nextcloud-Ordner oder einen USB-Stick.

Jetzt einen Ordner wählen? Ändern lässt er sich jederzeit unter Einstellungen.</source>
        <translation>To synchronise, this device needs a folder the other devices can reach too: a network drive, a Nextcloud folder or a USB stick.

Choose a folder now? It can be changed at any time under Settings.</translation>
    </message>
</context>
<context>
    <name>SyncFolderBox</name>
    <message>
        <source>Synchronisationsordner</source>
        <translation>Sync folder</translation>
    </message>
    <message>
        <source>&amp;Ordner wählen …</source>
        <translation>Choose &amp;folder …</translation>
    </message>
    <message>
        <source>Ordner &amp;entfernen</source>
        <translation>&amp;Remove folder</translation>
    </message>
    <message>
        <source>A&amp;utomatisch synchronisieren (beim Entsperren und wenn ein Bündel ankommt)</source>
        <translation>Synchronise a&amp;utomatically (at unlock and when a bundle arrives)</translation>
    </message>
    <message>
        <source>Eingelesene &amp;Bündel 30 Tage in „erledigt“ aufbewahren</source>
        <translation>Keep imported &amp;bundles in the “erledigt” folder for 30 days</translation>
    </message>
    <message>
        <source>Sonst wird ein Bündel aus dem Ordner gelöscht, sobald es eingelesen ist; der Verlauf hält es trotzdem fest.</source>
        <translation>Otherwise a bundle is deleted from the folder as soon as it has been read; the history still records it.</translation>
    </message>
    <message>
        <source>Ein Ordner, den alle Geräte erreichen (Netzlaufwerk, Nextcloud-Ordner, USB-Stick). Jedes Gerät legt dort Bündel für die anderen ab; sie sind verschlüsselt und signiert.</source>
        <translation>A folder all devices can reach (network drive, Nextcloud folder, USB stick). Each device puts bundles for the others there; they are encrypted and signed.</translation>
    </message>
    <message>
        <source>Kein Ordner gewählt</source>
        <translation>No folder chosen</translation>
    </message>
    <message>
        <source>Synchronisationsordner entfernen?</source>
        <translation>Remove sync folder?</translation>
    </message>
    <message>
        <source>Dieses Gerät synchronisiert dann nicht mehr über „{folder}“. Was im Ordner liegt, bleibt dort; im Datenbestand geht nichts verloren.</source>
        <translation>This device will then no longer synchronise over “{folder}”. What is in the folder stays there; nothing in the data store is lost.</translation>
    </message>
    <message>
        <source>Nicht geändert</source>
        <translation>Not changed</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Eigene Identitätskarte &amp;speichern …</source>
        <translation>&amp;Save own identity card …</translation>
    </message>
    <message>
        <source>Dieses Gerät</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Gerät</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Vertraute Geräte</source>
        <translation>Trusted devices</translation>
    </message>
    <message>
        <source>Identitätskarte &amp;laden …</source>
        <translation>&amp;Load identity card …</translation>
    </message>
    <message>
        <source>Vertrauen ent&amp;ziehen …</source>
        <translation>&amp;Withdraw trust …</translation>
    </message>
    <message>
        <source>Für ein verlorenes oder ausgemustertes Gerät: seine Bündel werden abgelehnt.</source>
        <translation>For a lost or retired device: its bundles will be refused.</translation>
    </message>
    <message>
        <source>Vertraut wird nur, wessen Fingerabdruck Sie verglichen haben – am besten am Telefon oder persönlich.</source>
        <translation>Trust only devices whose fingerprint you have compared – best by phone or in person.</translation>
    </message>
    <message>
        <source>Empfänger</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>&amp;Ordner wählen …</source>
        <translation>Choose &amp;folder …</translation>
    </message>
    <message>
        <source>Bündel &amp;exportieren</source>
        <translation>&amp;Export bundle</translation>
    </message>
    <message>
        <source>Bündel &amp;importieren …</source>
        <translation>&amp;Import bundles …</translation>
    </message>
    <message>
        <source>… oder Bündel-Dateien hierher ziehen.</source>
        <translation>… or drag bundle files here.</translation>
    </message>
    <message>
        <source>Synchronisation läuft</source>
        <translation>Synchronising</translation>
    </message>
    <message>
        <source>Austausch</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Über Ordner:</source>
        <translation>Via folder:</translation>
    </message>
    <message>
        <source>&amp;An:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Ordner/Laufwerk:</source>
        <translation>Folder/drive:</translation>
    </message>
    <message>
        <source>Empfangen:</source>
        <translation>Receive:</translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Richtung</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Einträge</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Geändert</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Verlauf der Bündel</source>
        <translation>Bundle history</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Behalten</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Überschrieben</source>
        <translation>Overwritten</translation>
    </message>
    <message>
        <source>Konfliktprotokoll</source>
        <translation>Conflict log</translation>
    </message>
    <message>
        <source>Gleichzeitige Änderungen desselben Felds: der neuere Wert gilt, der andere steht hier zur Prüfung.</source>
        <translation>Concurrent edits of the same field: the newer value wins; the other one is listed here for review.</translation>
    </message>
    <message>
        <source>Als &amp;geprüft markieren</source>
        <translation>Mark as &amp;reviewed</translation>
    </message>
    <message>
        <source>{name} ({role})
Fingerabdruck: {fp}</source>
        <translation>{name} ({role})
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>noch kein Ordner gewählt</source>
        <translation>no folder chosen yet</translation>
    </message>
    <message>
        <source>Noch kein vertrautes Gerät. Zuerst die Identitätskarte der Gegenseite laden und den Fingerabdruck vergleichen.</source>
        <translation>No trusted device yet. First load the other side’s identity card and compare its fingerprint.</translation>
    </message>
    <message>
        <source>empfangen</source>
        <translation>received</translation>
    </message>
    <message>
        <source>gesendet</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>Konfliktprotokoll ({n})</source>
        <translation>Conflict log ({n})</translation>
    </message>
    <message>
        <source>Identitätskarte (*{suffix});;Alle Dateien (*)</source>
        <translation>Identity card (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>Identitätskarte speichern</source>
        <translation>Save identity card</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Identitätskarte gespeichert: {path}
Fingerabdruck: {fp}</source>
        <translation>Identity card saved: {path}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>Identitätskarte laden</source>
        <translation>Load identity card</translation>
    </message>
    <message>
        <source>Karte abgelehnt</source>
        <translation>Card refused</translation>
    </message>
    <message>
        <source>Gerät vertrauen?</source>
        <translation>Trust this device?</translation>
    </message>
    <message>
        <source>Gerät: {name} ({role})
Fingerabdruck: {fp}

Stimmt der Fingerabdruck mit dem überein, den die Gegenseite nennt (z. B. am Telefon)? Nur dann vertrauen.</source>
        <translation>Device: {name} ({role})
Fingerprint: {fp}

Does the fingerprint match the one the other side tells you (e.g. by phone)? Trust it only then.</translation>
    </message>
    <message>
        <source>Nicht übernommen</source>
        <translation>Not added</translation>
    </message>
    <message>
        <source>„{name}“ ist jetzt ein vertrautes Gerät.</source>
        <translation>“{name}” is now a trusted device.</translation>
    </message>
    <message>
        <source>Vertrauen entziehen?</source>
        <translation>Withdraw trust?</translation>
    </message>
    <message>
        <source>Dem Gerät „{name}“ nicht mehr vertrauen?

Seine Bündel werden ab jetzt abgelehnt, und es erhält keine mehr. Was es bisher gesendet hat, bleibt erhalten. Wieder vertrauen lässt sich nur mit seiner Identitätskarte.</source>
        <translation>Stop trusting the device “{name}”?

Its bundles will be refused from now on, and it will receive none. What it has sent so far is kept. Trusting it again requires its identity card.</translation>
    </message>
    <message>
        <source>Nicht geändert</source>
        <translation>Not changed</translation>
    </message>
    <message>
        <source>„{name}“ ist kein vertrautes Gerät mehr.</source>
        <translation>“{name}” is no longer a trusted device.</translation>
    </message>
    <message>
        <source>Ordner oder Laufwerk für Bündel wählen</source>
        <translation>Choose a folder or drive for bundles</translation>
    </message>
    <message>
        <source>nichts Neues</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>Bündel geschrieben: {path}
{total} Einträge ({counts}).</source>
        <translation>Bundle written: {path}
{total} entries ({counts}).</translation>
    </message>
    <message>
        <source>Bündel importieren</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>Vielfalt-Bündel (*{suffix});;Alle Dateien (*)</source>
        <translation>Vielfalt bundles (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>Abgelehnt – {message}</source>
        <translation>Refused – {message}</translation>
    </message>
    <message>
        <source>{file}: schon importiert, nichts geändert.</source>
        <translation>{file}: already imported, nothing changed.</translation>
    </message>
    <message>
        <source>{file} von {sender}: {n} Einträge, {changed} geändert.</source>
        <translation>{file} from {sender}: {n} entries, {changed} changed.</translation>
    </message>
    <message>
        <source>Prüfung meldet Probleme: {p}</source>
        <translation>The check reports problems: {p}</translation>
    </message>
    <message>
        <source>Bitte warten …</source>
        <translation>Please wait …</translation>
    </message>
    <message>
        <source>Fehlgeschlagen: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Vielfalt – Entsperren</source>
        <translation>Vielfalt – Unlock</translation>
    </message>
    <message>
        <source>Vielfalt Desktop</source>
        <translation>Vielfalt Desktop</translation>
    </message>
    <message>
        <source>Der Datenbestand ist verschlüsselt und gesperrt.</source>
        <translation>The data is encrypted and locked.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Entsperren</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Schlüssel wird geprüft</source>
        <translation>Checking the key</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Passphrase vergessen?</source>
        <translation>Forgot the passphrase?</translation>
    </message>
    <message>
        <source>Datenbestand: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <source>Bitte die Passphrase eingeben.</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <source>Schlüssel wird abgeleitet …</source>
        <translation>Deriving the key …</translation>
    </message>
    <message>
        <source>Der Datenbestand konnte nicht geöffnet werden ({kind}).</source>
        <translation>The data could not be opened ({kind}).</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch. Nächster Versuch in 1 Sekunde.</source>
        <translation>The passphrase is wrong. Next attempt in 1 second.</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch. Nächster Versuch in {s} Sekunden.</source>
        <translation>The passphrase is wrong. Next attempt in {s} seconds.</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch. Bitte erneut versuchen.</source>
        <translation>Wrong passphrase. Please try again.</translation>
    </message>
    <message>
        <source>Passphrase vergessen</source>
        <translation>Forgotten passphrase</translation>
    </message>
    <message>
        <source>Mit dem Wiederherstellungsschlüssel, der bei der Einrichtung angezeigt wurde, lässt sich eine neue Passphrase setzen. Bitte wenden Sie sich an die Koordination oder führen Sie im Terminal „vielfalt passwd --recovery“ aus.</source>
        <translation>The recovery key shown during setup lets you set a new passphrase. Please ask the coordination office, or run “vielfalt passwd --recovery” in a terminal.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Die neue Passphrase muss sich von der bekannt gewordenen unterscheiden.</source>
        <translation>The new passphrase must differ from the one that became known.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Eröffnet am</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Abgeschlossen am</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Nächster Schritt am</source>
        <translation>Next step on</translation>
    </message>
    <message>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Teilgebiet</source>
        <translation>Sub-area</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Zielgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <source>Altersgruppe</source>
        <translation>Age band</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Sprachmittlung</source>
        <translation>Language mediation</translation>
    </message>
    <message>
        <source>Themen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Interessen</source>
        <translation>Interests</translation>
    </message>
    <message>
        <source>Art der Organisation</source>
        <translation>Kind of organisation</translation>
    </message>
    <message>
        <source>Stadtteile</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>Angebote</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Gesuche</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Art der Verweisung</source>
        <translation>Kind of referral</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Konfliktthemen</source>
        <translation>Conflict topics</translation>
    </message>
    <message>
        <source>Beteiligte Institutionen</source>
        <translation>Institutions involved</translation>
    </message>
    <message>
        <source>Eskalationsstufe</source>
        <translation>Escalation stage</translation>
    </message>
    <message>
        <source>Art der Intervention</source>
        <translation>Kind of intervention</translation>
    </message>
    <message>
        <source>Art der Veranstaltung</source>
        <translation>Kind of event</translation>
    </message>
    <message>
        <source>Beteiligte Haushalte</source>
        <translation>Households involved</translation>
    </message>
    <message>
        <source>Beteiligte Gruppen</source>
        <translation>Groups involved</translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Deutsche Bezeichnung</source>
        <translation>German name</translation>
    </message>
    <message>
        <source>Englische Bezeichnung</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Bitte „{label}“ angeben.</source>
        <translation>Please fill in “{label}”.</translation>
    </message>
    <message>
        <source>„{value}“ ist kein gültiger Wert für „{label}“.</source>
        <translation>“{value}” is not a valid value for “{label}”.</translation>
    </message>
    <message>
        <source>„{label}“ darf nicht in der Zukunft liegen.</source>
        <translation>“{label}” cannot be in the future.</translation>
    </message>
    <message>
        <source>„{label}“ liegt vor Projektbeginn ({year}).</source>
        <translation>“{label}” is before the project started ({year}).</translation>
    </message>
    <message>
        <source>„{label}“ darf nicht vor „{other}“ liegen.</source>
        <translation>“{label}” cannot be before “{other}”.</translation>
    </message>
    <message>
        <source>„{label}“ darf nicht negativ sein.</source>
        <translation>“{label}” cannot be negative.</translation>
    </message>
    <message>
        <source>„{label}“ ist unplausibel groß (höchstens {maximum}).</source>
        <translation>“{label}” is implausibly large (at most {maximum}).</translation>
    </message>
    <message>
        <source>„{label}“ ist zu lang (höchstens {maximum} Zeichen).</source>
        <translation>“{label}” is too long (at most {maximum} characters).</translation>
    </message>
    <message>
        <source>„{value}“ ist kein Teilgebiet dieses Stadtteils.</source>
        <translation>“{value}” is not a sub-area of this district.</translation>
    </message>
    <message>
        <source>Die Dauer muss zwischen 1 und 600 Minuten liegen.</source>
        <translation>The duration must be between 1 and 600 minutes.</translation>
    </message>
    <message>
        <source>Der Pseudonym-Code ist ungültig (Tippfehler?).</source>
        <translation>The pseudonym code is invalid (a typo?).</translation>
    </message>
    <message>
        <source>Bitte mindestens ein Thema angeben.</source>
        <translation>Please choose at least one topic.</translation>
    </message>
    <message>
        <source>Bitte den Namen der Organisation angeben.</source>
        <translation>Please enter the name of the organisation.</translation>
    </message>
    <message>
        <source>Der Name ist zu lang (höchstens {maximum} Zeichen).</source>
        <translation>The name is too long (at most {maximum} characters).</translation>
    </message>
    <message>
        <source>Eine Organisation „{name}“ gibt es schon.</source>
        <translation>An organisation called “{name}” already exists.</translation>
    </message>
    <message>
        <source>Diese Organisation hat noch {count} Verweise; sie kann nicht gelöscht werden.</source>
        <translation>This organisation still has referrals ({count}), so it cannot be deleted.</translation>
    </message>
    <message>
        <source>Ein Verweis braucht eine Partnerorganisation.</source>
        <translation>A referral needs a partner organisation.</translation>
    </message>
    <message>
        <source>Der Statuseintrag gehört zu keinem Verweis.</source>
        <translation>The status entry does not belong to any referral.</translation>
    </message>
    <message>
        <source>Die gewählte Partnerorganisation gibt es nicht (mehr).</source>
        <translation>The chosen partner organisation does not exist (any more).</translation>
    </message>
    <message>
        <source>Der Kontakt zu diesem Verweis gibt es nicht (mehr).</source>
        <translation>The contact of this referral does not exist (any more).</translation>
    </message>
    <message>
        <source>Den Verweis gibt es nicht (mehr).</source>
        <translation>The referral does not exist (any more).</translation>
    </message>
    <message>
        <source>Bitte mindestens ein Konfliktthema angeben.</source>
        <translation>Please choose at least one conflict topic.</translation>
    </message>
    <message>
        <source>Ein abgeschlossener Konflikt braucht ein Ergebnis.</source>
        <translation>A closed conflict needs an outcome.</translation>
    </message>
    <message>
        <source>Ein abgeschlossener Konflikt braucht ein Abschlussdatum.</source>
        <translation>A closed conflict needs a closing date.</translation>
    </message>
    <message>
        <source>Ein Abschlussdatum passt nur zu „beigelegt“ oder „weitergeleitet“.</source>
        <translation>A closing date only fits the status “settled” or “handed over”.</translation>
    </message>
    <message>
        <source>Eine Intervention gehört zu einem Konflikt.</source>
        <translation>An intervention must belong to a conflict.</translation>
    </message>
    <message>
        <source>Den Konflikt zu dieser Intervention gibt es nicht (mehr).</source>
        <translation>The conflict of this intervention does not exist (any more).</translation>
    </message>
    <message>
        <source>Bitte einen Titel angeben.</source>
        <translation>Please enter a title.</translation>
    </message>
    <message>
        <source>Mehr Drittstaatsangehörige als Teilnehmende.</source>
        <translation>More third-country nationals than participants.</translation>
    </message>
    <message>
        <source>Frauen, Männer und Diverse ergeben mehr als die Gesamtzahl.</source>
        <translation>Women, men and diverse add up to more than the total.</translation>
    </message>
    <message>
        <source>Mehr Kinder als Teilnehmende.</source>
        <translation>More children than participants.</translation>
    </message>
    <message>
        <source>Eine gewählte Partnerorganisation gibt es nicht (mehr).</source>
        <translation>One of the chosen partner organisations does not exist (any more).</translation>
    </message>
    <message>
        <source>„{value}“ ist kein Vokabular.</source>
        <translation>“{value}” is not a choice list.</translation>
    </message>
    <message>
        <source>Der Code besteht aus Kleinbuchstaben, Ziffern und „_“ (höchstens 64).</source>
        <translation>The code consists of lower-case letters, digits and “_” (at most 64).</translation>
    </message>
    <message>
        <source>„{value}“ ist keine protokollierte Aktion.</source>
        <translation>“{value}” is not a logged action.</translation>
    </message>
    <message>
        <source>Die Anzahl kann nicht negativ sein.</source>
        <translation>The count cannot be negative.</translation>
    </message>
    <message>
        <source>„{value}“ ist keine Aufbewahrungsregel.</source>
        <translation>“{value}” is not a retention rule.</translation>
    </message>
    <message>
        <source>„{label}“ ist kein Zeitpunkt der Form JJJJ-MM-TTThh:mm:ssZ.</source>
        <translation>“{label}” is not a time of the form YYYY-MM-DDThh:mm:ssZ.</translation>
    </message>
    <message>
        <source>„{label}“ enthält Steuerzeichen oder unsichtbare Zeichen.</source>
        <translation>“{label}” contains control or invisible characters.</translation>
    </message>
    <message>
        <source>„{label}“ ist keine Kennung eines Eintrags.</source>
        <translation>“{label}” is not the id of an entry.</translation>
    </message>
    <message>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Verweis-Verlauf</source>
        <translation>Referral history</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Interventionen</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Auswahllisten</source>
        <translation>Choice lists</translation>
    </message>
    <message>
        <source>Prüfprotokoll</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Löschprotokoll</source>
        <translation>Deletion log</translation>
    </message>
    <message>
        <source>Aufbewahrungsregeln</source>
        <translation>Retention rules</translation>
    </message>
    <message>
        <source>Konfliktprotokoll der Synchronisation</source>
        <translation>Sync conflict log</translation>
    </message>
    <message>
        <source>Sicherungskopien</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Koordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>„{value}“ ist keine Art von Einträgen mit Freitext.</source>
        <translation>“{value}” is not a kind of entry with free text.</translation>
    </message>
    <message>
        <source>Freitext der {kind}: zwischen {minimum} und {maximum} Monaten.</source>
        <translation>{kind}, free text: between {minimum} and {maximum} months.</translation>
    </message>
    <message>
        <source>Pseudonym-Verknüpfung: zwischen {minimum} und {maximum} Monaten.</source>
        <translation>Pseudonym link: between {minimum} and {maximum} months.</translation>
    </message>
    <message>
        <source>Entfernen nach Bestätigung: zwischen {minimum} und {maximum} Tagen.</source>
        <translation>Removal after confirmation: between {minimum} and {maximum} days.</translation>
    </message>
    <message>
        <source>Nur ein Laptop gibt bestätigte Einträge wieder ab.</source>
        <translation>Only a laptop gives up confirmed entries.</translation>
    </message>
    <message>
        <source>Stadtteile und Staaten werden nicht auf diesem Weg geändert.</source>
        <translation>Districts and countries are not changed this way.</translation>
    </message>
    <message>
        <source>Bitte den Beginn des Berichtszeitraums als Datum angeben.</source>
        <translation>Please give the start of the reporting period as a date.</translation>
    </message>
    <message>
        <source>Bitte das Ende des Berichtszeitraums als Datum angeben.</source>
        <translation>Please give the end of the reporting period as a date.</translation>
    </message>
    <message>
        <source>Der Berichtszeitraum endet ({end}) vor seinem Beginn ({start}).</source>
        <translation>The reporting period ends ({end}) before it starts ({start}).</translation>
    </message>
    <message>
        <source>Unbekannter Stadtteil: {names}.</source>
        <translation>Unknown district: {names}.</translation>
    </message>
    <message>
        <source>Die Sperrgrenze muss eine ganze Zahl sein.</source>
        <translation>The limit for hiding small numbers must be a whole number.</translation>
    </message>
    <message>
        <source>Die Sperrgrenze {threshold} ist zu niedrig: Fallzahlen von 1 bis mindestens {minimum} müssen gesperrt bleiben, sonst können einzelne Personen erkennbar werden.</source>
        <translation>The limit {threshold} for hiding small numbers is too low: case counts from 1 to at least {minimum} must stay hidden, otherwise individual people could be identified.</translation>
    </message>
    <message>
        <source>Der Verweiszettel gibt es auf Deutsch („de“) oder Englisch („en“).</source>
        <translation>The referral slip comes in German (“de”) or English (“en”).</translation>
    </message>
    <message>
        <source>„{value}“ ist kein bekanntes Thema.</source>
        <translation>“{value}” is not a known topic.</translation>
    </message>
    <message>
        <source>Bitte einen Namen für dieses Gerät angeben, z. B. „Laptop Nord“.</source>
        <translation>Please enter a name for this device, e.g. “Laptop North”.</translation>
    </message>
    <message>
        <source>Bitte bestätigen, dass der Wiederherstellungsschlüssel notiert oder ausgedruckt ist.</source>
        <translation>Please confirm that the recovery key has been written down or printed.</translation>
    </message>
    <message>
        <source>Bitte die Identitätskarte der Koordination laden und den Fingerabdruck bestätigen – oder den Schritt überspringen.</source>
        <translation>Please load the coordination office’s identity card and confirm its fingerprint – or skip this step.</translation>
    </message>
    <message>
        <source>Die Passphrase braucht mindestens {minimum} Zeichen.</source>
        <translation>The passphrase needs at least {minimum} characters.</translation>
    </message>
    <message>
        <source>Die Passphrase ist zu leicht zu erraten ({strength}). Bitte mindestens „stark“ erreichen.</source>
        <translation>The passphrase is too easy to guess ({strength}). Please reach at least “strong”.</translation>
    </message>
    <message>
        <source>Die beiden Eingaben stimmen nicht überein.</source>
        <translation>The two entries do not match.</translation>
    </message>
    <message>
        <source>Bitte die bisherige Passphrase eingeben.</source>
        <translation>Please enter the current passphrase.</translation>
    </message>
    <message>
        <source>Bitte den Wiederherstellungsschlüssel eingeben.</source>
        <translation>Please enter the recovery key.</translation>
    </message>
    <message>
        <source>Die neue Passphrase gleicht der bisherigen.</source>
        <translation>The new passphrase is the same as the current one.</translation>
    </message>
    <message>
        <source>Warnen nach Tagen ohne Bündel: zwischen {minimum} und {maximum} Tagen.</source>
        <translation>Warn after days without a bundle: between {minimum} and {maximum} days.</translation>
    </message>
</context>
</TS>
