; Inno Setup script: VerzuimDesk for one Windows user, without administrator rights.
;
; Build the bundle first (python installer\build.py makes dist\verzuimdesk\), then from the repository:
;   iscc /DAppVersion=0.1.0 installer\windows\verzuimdesk.iss
; The setup program lands in dist\VerzuimDesk-<version>-setup.exe.
;
; Per user: PrivilegesRequired=lowest makes {autopf} the user's %LOCALAPPDATA%\Programs and
; {autoprograms} the user's own Start menu, so no UAC prompt appears on a locked-down school laptop.
; The user's data (%LOCALAPPDATA%\VerzuimDesk\VerzuimDesk, platformdirs' user_data_path) lies outside
; {app} and is never named below, so neither an update nor the uninstaller touches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "VerzuimDesk"
#define AppExe "VerzuimDesk.exe"
#define Root "..\.."

[Setup]
; The AppId ties updates and the uninstaller to this program; never change it.
AppId={{6C1E4B57-3F0A-4E7B-9A52-0D6C2B9E7F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=VerzuimDesk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Root}\resources\icons\verzuimdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update closes a running VerzuimDesk through the Restart Manager rather than failing on locked files.
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: modules of an older version must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\verzuimdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder, and only once it is empty; the data folder lives elsewhere and stays.
Type: dirifempty; Name: "{app}"
