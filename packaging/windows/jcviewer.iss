; Inno Setup script for the Windows installer (built on Windows, not in CI).
;   1. On Windows, with Python 3.11+:  py -m pip install ".[build]"  and  py packaging\build.py
;      (builds dist\jcviewer\jcviewer.exe and runs its --self-test)
;   2. With Inno Setup 6:  iscc packaging\windows\jcviewer.iss   → dist\jcviewer-0.1.0-setup.exe
; Installs per user (no administrator rights), offline; settings stay in the registry under jcviewer\jcviewer and
; caches in %LOCALAPPDATA%\jcviewer\jcviewer\cache, so uninstalling leaves the user's choices unless asked.

#define AppName "jcviewer"
#define AppVersion "0.1.0"
#define AppExe "jcviewer.exe"

[Setup]
AppId={{7C5E0E42-6B1C-4C39-9F3D-3A7A1E0B9B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=jcviewer
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\jcviewer.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\jcviewer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\packaging\fonts\OFL.txt"; DestDir: "{app}\licences"; DestName: "NotoCJK-OFL.txt"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
