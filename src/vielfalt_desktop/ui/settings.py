"""Per-user preferences kept in QSettings (never records, never secrets)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 120
COLOR_SCHEMES = ("system", "light", "dark")


class UiSettings:
    """Typed access to QSettings. Tests pass an .ini file so nothing leaks between them."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings("Landeshauptstadt Magdeburg", "Vielfalt Desktop")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default)
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def sync(self) -> None:
        self._qs.sync()

    @property
    def idle_minutes(self) -> int:
        minutes = self._int("security/idle_minutes", DEFAULT_IDLE_MINUTES)
        return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._qs.setValue(
            "security/idle_minutes", max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
        )

    @property
    def language(self) -> str:
        return self._str("ui/language", "de")

    @language.setter
    def language(self, lang: str) -> None:
        self._qs.setValue("ui/language", lang)

    @property
    def color_scheme(self) -> str:
        value = self._str("ui/color_scheme", "system")
        return value if value in COLOR_SCHEMES else "system"

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        self._qs.setValue("ui/color_scheme", value if value in COLOR_SCHEMES else "system")

    def last(self, field: str, default: str = "") -> str:
        """The value last used in a form field (district, setting, …) as the next default."""
        return self._str(f"last/{field}", default)

    def remember(self, field: str, value: str | None) -> None:
        self._qs.setValue(f"last/{field}", value or "")

    @property
    def geometry(self) -> bytes:
        value = self._qs.value("window/geometry", b"")
        return bytes(value) if value else b""  # type: ignore[call-overload]

    @geometry.setter
    def geometry(self, value: bytes) -> None:
        self._qs.setValue("window/geometry", value)
