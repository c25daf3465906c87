#!/usr/bin/env bash
# Frozen-program check (issue 8), run by `make package-check` and so by .ci/run.
#
#   bash tests/package/check_frozen.sh [dist/vielfalt-desktop]
#
# Runs the PyInstaller build the way an office laptop without Python would: an empty PATH, an
# empty environment, and — where the kernel allows a private mount namespace — every Python
# interpreter and standard library on this machine (system, pyenv, the project's .venv) hidden
# behind empty mounts. Then: a coordinator and a laptop store (`init`), identity cards, the
# coordinator's partner directory sent to the laptop, demo data on the laptop (`demo`), a
# bundle from the laptop imported at the coordinator, the report as
# PDF and CSV (`report`; the PDF must parse), `check`, a new passphrase with the recovery key,
# and the desktop app started on the offscreen platform and under Xvfb, where it is unlocked.
# Any failure exits non-zero; nothing is skipped silently.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=$(cd "${1:-$ROOT/dist/vielfalt-desktop}" && pwd)
PROGRAM=$APP/vielfalt

step() { printf '\n== %s\n' "$*"; }
fail() {
  echo "FEHLER: $*" >&2
  exit 1
}

[ -x "$PROGRAM" ] || fail "$PROGRAM fehlt – zuerst \`make package\`."

# --- 1. hide every Python -------------------------------------------------------------------
if [ "${_VIELFALT_PYTHON_HIDDEN:-}" != 1 ]; then
  # Interpreters reachable now; their standard libraries lie in ../lib/python3.* of the binary.
  pythons=()
  for name in python3 python python3.11 python3.12 python3.13; do
    while IFS= read -r found; do
      pythons+=("$(readlink -f "$found")")
    done < <(which -a "$name" 2>/dev/null || true)
  done
  export _VIELFALT_PYTHONS="${pythons[*]:-}"
  if unshare --mount --propagation private true 2>/dev/null; then
    _VIELFALT_PYTHON_HIDDEN=1 exec unshare --mount --propagation private bash "$0" "$APP"
  elif unshare --mount --map-root-user --propagation private true 2>/dev/null; then
    _VIELFALT_PYTHON_HIDDEN=1 exec unshare --mount --map-root-user --propagation private \
      bash "$0" "$APP"
  fi
  echo "Hinweis: kein privater Mount-Namensraum möglich; Python wird nur über PATH ferngehalten."
  HIDDEN=no
else
  hide() {
    local path
    for path in "$@"; do
      [ -e "$path" ] || continue
      if [ -d "$path" ]; then
        mount -t tmpfs -o size=64k,mode=0755 vielfalt-no-python "$path"
      else
        mount --bind /dev/null "$path"
      fi
    done
  }
  shopt -s nullglob
  for interpreter in ${_VIELFALT_PYTHONS:-}; do
    hide "$interpreter" "$(dirname "$interpreter")"/../lib/python3*
  done
  hide /usr/bin/python* /usr/local/bin/python* /usr/lib/python3* /usr/local/lib/python3* \
    /usr/lib/x86_64-linux-gnu/libpython3* /usr/local/lib/libpython3* \
    "${HOME:-/root}/.pyenv" "$ROOT/.venv"
  shopt -u nullglob
  HIDDEN=yes
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/bin" "$WORK/home"
# The frozen program gets nothing from this shell: no PATH entries, no PYTHON* variables.
BASE_ENV=(env -i "PATH=$WORK/bin" "HOME=$WORK/home" "LC_ALL=C.UTF-8" "VIELFALT_TESTING=1" "VIELFALT_ARGON2_MEMORY_MIB=64")
OLD="Kranich Löffel Wolke Fahrrad"
NEW="Amsel Teekanne Regen Bruecke 7"  # typed by xdotool: ASCII only
office=$WORK/koordination
laptop=$WORK/laptop-nord

run() { # run STORE PASSPHRASE ARGS... – the frozen program with an empty environment
  local store=$1 pass=$2
  shift 2
  "${BASE_ENV[@]}" "VIELFALT_PASSPHRASE=$pass" "$PROGRAM" --data-dir "$store" "$@"
}

step "Kein Python erreichbar (Mount-Namensraum: $HIDDEN)"
"${BASE_ENV[@]}" /bin/bash -c '! command -v python3 && ! command -v python' >/dev/null ||
  fail "python liegt auf dem PATH des Tests"
if [ "$HIDDEN" = yes ]; then
  for probe in /usr/bin/python3 /usr/lib/python3*/os.py ${_VIELFALT_PYTHONS:-}; do
    if [ -s "$probe" ]; then fail "$probe ist noch sichtbar"; fi
  done
  [ ! -e "$ROOT/.venv/bin/python" ] || fail ".venv ist noch sichtbar"
fi
echo "ok"

start=$SECONDS
step "init: Koordination und Laptop"
run "$office" "$OLD" init --role office --name Koordination --recovery-key-out "$WORK/recovery.txt"
run "$laptop" "$OLD" init --role field --name "Laptop Nord"
[ -s "$WORK/recovery.txt" ] || fail "kein Wiederherstellungsschlüssel geschrieben"

step "Identitätskarten tauschen"
run "$office" "$OLD" identity export -o "$WORK/koordination.card"
run "$laptop" "$OLD" identity export -o "$WORK/laptop.card"
run "$laptop" "$OLD" peers add "$WORK/koordination.card" --yes
run "$office" "$OLD" peers add "$WORK/laptop.card" --yes

# Partners are written only by the coordinator; the laptop gets them in a bundle.
step "Partnerverzeichnis: Koordination → Laptop"
printf 'Name;Art;Themen\nJobcenter Magdeburg;Behörde;Arbeit\nMigrationsberatung Magdeburg;Beratungsstelle;Aufenthalt, Arbeit, Familie\n' \
  >"$WORK/partner.csv"
run "$office" "$OLD" partners import "$WORK/partner.csv"
run "$office" "$OLD" export --to "Laptop Nord" -o "$WORK/verzeichnis.vfb"
run "$laptop" "$OLD" import "$WORK/verzeichnis.vfb"

step "demo: Laptop mit 300 erfundenen Kontakten (Verweise an die erhaltenen Partner)"
run "$laptop" "$OLD" demo --contacts 300 --seed 8

step "Bündel Laptop → Koordination"
run "$laptop" "$OLD" export --to Koordination -o "$WORK/nord.vfb"
run "$office" "$OLD" import "$WORK/nord.vfb"
stats=$(run "$office" "$OLD" stats --json)
echo "$stats"
[[ "$stats" == *'"contacts": 300'* ]] || fail "die Koordination hat nicht alle 300 Kontakte"
[[ "$stats" == *'"partners": 2'* ]] || fail "die Koordination hat nicht genau ihre 2 Partner"
[[ "$stats" != *'"referrals": 0'* ]] || fail "keine Verweise vom Laptop angekommen"

step "report: PDF und CSV"
run "$office" "$OLD" report --from 2000-01-01 --to 2099-12-31 -o "$WORK/bericht.pdf" \
  --csv "$WORK/bericht.csv"
[ -s "$WORK/bericht.pdf" ] || fail "kein PDF"
[ "$(head -c 5 "$WORK/bericht.pdf")" = "%PDF-" ] || fail "bericht.pdf ist kein PDF"
qpdf --check "$WORK/bericht.pdf" >/dev/null || fail "qpdf kann bericht.pdf nicht lesen"
pages=$(qpdf --show-npages "$WORK/bericht.pdf")
text=$(pdftotext -layout "$WORK/bericht.pdf" -)
[[ "$text" == *Kontakte* ]] || fail "im PDF steht kein Text „Kontakte“"
[ "$(wc -l <"$WORK/bericht.csv")" -gt 1 ] || fail "die CSV-Datei ist leer"
echo "bericht.pdf: $pages Seiten, $(wc -c <"$WORK/bericht.pdf") Bytes; bericht.csv: $(wc -l <"$WORK/bericht.csv") Zeilen"

step "check und neue Passphrase mit dem Wiederherstellungsschlüssel"
run "$office" "$OLD" check
recovery=$(grep -E '^[A-Z2-7]{4}(-[A-Z2-7]{4})+$' "$WORK/recovery.txt")
"${BASE_ENV[@]}" "VIELFALT_RECOVERY_KEY=$recovery" "VIELFALT_NEW_PASSPHRASE=$NEW" \
  "$PROGRAM" --data-dir "$office" passwd --recovery
if run "$office" "$OLD" stats >/dev/null 2>&1; then fail "die alte Passphrase gilt noch"; fi
run "$office" "$NEW" stats >/dev/null

gui_log_clean() {
  if grep -Ei "qt\.qpa|could not (load|find)|traceback|fehler" "$1"; then
    fail "Meldungen beim Start der Oberfläche (siehe oben)"
  fi
}

step "Oberfläche auf der offscreen-Plattform"
"${BASE_ENV[@]}" QT_QPA_PLATFORM=offscreen "$PROGRAM" --data-dir "$office" >"$WORK/gui.log" 2>&1 &
pid=$!
sleep 4
kill -0 "$pid" 2>/dev/null || {
  cat "$WORK/gui.log"
  fail "die Oberfläche hat sich sofort beendet"
}
kill "$pid"
wait "$pid" 2>/dev/null || true
gui_log_clean "$WORK/gui.log"
echo "ok"

step "Oberfläche unter Xvfb (xcb): entsperren, Hauptfenster erscheint"
command -v xvfb-run >/dev/null || fail "xvfb-run fehlt (.ci/sysdeps installiert es)"
command -v xdotool >/dev/null || fail "xdotool fehlt (.ci/sysdeps installiert es)"
cat >"$WORK/xcb.sh" <<EOF
#!/bin/bash
set -u
env -i PATH="$WORK/bin" HOME="$WORK/home" LC_ALL=C.UTF-8 DISPLAY="\$DISPLAY" \
  XAUTHORITY="\${XAUTHORITY:-}" QT_QPA_PLATFORM=xcb "$PROGRAM" --data-dir "$office" \
  >"$WORK/xcb.log" 2>&1 &
pid=\$!
found=""
for _ in \$(seq 40); do
  found=\$(xdotool search --name "Vielfalt – Entsperren" 2>/dev/null | head -n 1)
  [ -n "\$found" ] && break
  sleep 0.5
done
[ -n "\$found" ] || { echo "kein Entsperren-Fenster"; kill \$pid; exit 1; }
xdotool windowactivate --sync "\$found" 2>/dev/null || xdotool windowfocus --sync "\$found"
xdotool type --delay 20 "$NEW"
xdotool key Return
main=""
for _ in \$(seq 60); do
  main=\$(xdotool search --name "Vielfalt – Koordination" 2>/dev/null | head -n 1)
  [ -n "\$main" ] && break
  sleep 0.5
done
if [ -z "\$main" ]; then
  echo "kein Hauptfenster nach dem Entsperren"
  kill \$pid
  exit 1
fi
echo "Hauptfenster: \$(xdotool getwindowname "\$main")"
sleep 1
# VIELFALT_CHECK_SHOT=file.png keeps a picture of the screen (needs ImageMagick's import).
[ -z "${VIELFALT_CHECK_SHOT:-}" ] || import -window root "${VIELFALT_CHECK_SHOT:-}"
kill \$pid
wait \$pid 2>/dev/null
exit 0
EOF
xvfb-run -a -s "-screen 0 1280x800x24" bash ${VIELFALT_CHECK_TRACE:+-x} "$WORK/xcb.sh" || {
  cat "$WORK/xcb.log"
  fail "Oberfläche unter Xvfb"
}
gui_log_clean "$WORK/xcb.log"

step "Linux: install.sh, Menüeintrag, AppStream-Daten"
if [ -x "$APP/install.sh" ]; then
  "${BASE_ENV[@]}" PATH=/usr/bin:/bin "PREFIX=$WORK/prefix" /bin/sh "$APP/install.sh"
  "${BASE_ENV[@]}" "$WORK/prefix/bin/vielfalt" --version
  desktop=$WORK/prefix/share/applications/vielfalt-desktop.desktop
  grep -q "^Exec=\"$WORK/prefix/lib/vielfalt-desktop/vielfalt\"$" "$desktop" ||
    fail "Exec im Menüeintrag zeigt nicht auf das installierte Programm"
  [ -s "$WORK/prefix/share/icons/hicolor/256x256/apps/vielfalt-desktop.png" ] || fail "Symbol fehlt"
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop"
  else
    echo "Hinweis: desktop-file-validate fehlt (desktop-file-utils), Menüeintrag nicht geprüft."
  fi
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$WORK"/prefix/share/metainfo/*.metainfo.xml
  else
    echo "Hinweis: appstreamcli fehlt (appstream), AppStream-Daten nicht geprüft."
  fi
  "${BASE_ENV[@]}" PATH=/usr/bin:/bin "PREFIX=$WORK/prefix" /bin/sh "$APP/install.sh" --uninstall
  [ ! -e "$WORK/prefix/bin/vielfalt" ] || fail "--uninstall hat das Programm nicht entfernt"
else
  echo "(kein install.sh: kein Linux-Build)"
fi

step "Fertig: das eingefrorene Programm läuft ohne Python ($((SECONDS - start)) s)"
