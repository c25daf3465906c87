; Inno Setup 6 script: the Windows installer for the offices' laptops.
; Per-user install (no administrator rights): the program goes to
; %LOCALAPPDATA%\Programs\Vielfalt Desktop, the start menu entries to the user's start menu.
; The data (%LOCALAPPDATA%\Landeshauptstadt Magdeburg\vielfalt-desktop) is never touched, not
; even by the uninstaller.
;
; Build on Windows, from the project folder (see packaging/README.md):
;   py -3.11 -m venv .venv
;   .venv\Scripts\python -m pip install -e .[package]
;   .venv\Scripts\pyside6-lrelease resources\translations\vielfalt_en.ts -qm resources\translations\vielfalt_en.qm
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\vielfalt.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\vielfalt.iss
; Result: dist\VielfaltDesktop-0.1.0-Setup.exe   (another version: ISCC /DAppVersion=0.2.0 …)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Vielfalt Desktop"
#define AppExe "Vielfalt Desktop.exe"

[Setup]
; Never change AppId: Windows recognises updates and the uninstaller by it.
AppId={{42862F43-9F77-4A34-9E6B-232471DFB179}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Landeshauptstadt Magdeburg
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=VielfaltDesktop-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\vielfalt-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
de.CommandLine=Vielfalt Desktop – Befehlszeile
en.CommandLine=Vielfalt Desktop – command line
de.CommandLineComment=Eingabeaufforderung für den Befehl vielfalt, z. B. vielfalt passwd --recovery
en.CommandLineComment=Command prompt for the vielfalt command, e.g. vielfalt passwd --recovery
de.AppComment=Kontakte, Verweise, Konflikte und Veranstaltungen anonym und verschlüsselt dokumentieren
en.AppComment=Record contacts, referrals, conflicts and events anonymously and encrypted

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: Vielfalt Desktop.exe (window), vielfalt.exe (command line), _internal\
Source: "..\..\dist\vielfalt-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the program files completely, so no stale library from an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k vielfalt --help"; WorkingDir: "{app}"; Comment: "{cm:CommandLineComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
