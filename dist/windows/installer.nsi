; The Windows installer of 书记工作室 (Secretary Studio), built by dist/build with NSIS:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DASSETS=<the repository's assets>
;            -DOUTFILE=<installer.exe> -DSIZE_KB=<installed size> installer.nsi
; A per-user install that needs no administrator: %LOCALAPPDATA%\Programs\SecretaryStudio,
; a Start-menu and a desktop shortcut named 书记工作室, and an uninstaller in Apps & features
; that removes only what it installed. Studio files and their backups live elsewhere (the
; user's data folder, or wherever they were saved) and are never deleted.

; A 64-bit installer for a 64-bit program (Windows 10/11 x64); it also runs under 64-bit-only
; Wine, where CI-style checks install it.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!include "MUI2.nsh"

!define PRODUCT "书记工作室"
!define PRODUCT_EN "Secretary Studio"
!define EXE "secretary-studio.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SecretaryStudio"

Name "${PRODUCT}"
Caption "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\SecretaryStudio"
InstallDirRegKey HKCU "Software\SecretaryStudio" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT} ${PRODUCT_EN}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${VERSION} 安装程序 (installer)"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}/secretary-studio.ico"
!define MUI_UNICON "${STAGE}/secretary-studio.ico"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${ASSETS}/icon/installer-side.bmp"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${ASSETS}/icon/installer-side.bmp"
!define MUI_WELCOMEPAGE_TEXT "$(Welcome)"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Chinese first; English where Windows speaks it.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString Welcome ${LANG_SIMPCHINESE} "将在这台电脑上安装书记工作室 ${VERSION}。$\r$\n$\r$\n只为当前用户安装：不需要管理员权限，装好后也不需要重新启动电脑。如果书记工作室正在运行，请先关闭它。$\r$\n$\r$\n重新安装或升级不会改动您的工作室文件。$\r$\n$\r$\n点击 [下一步(N)] 继续。"
LangString Welcome ${LANG_ENGLISH} "This installs Secretary Studio ${VERSION} on this computer.$\r$\n$\r$\nIt is installed for you alone: no administrator is needed, and no restart afterwards. If Secretary Studio is running, close it first.$\r$\n$\r$\nInstalling again or upgrading leaves your studio files as they are.$\r$\n$\r$\nClick Next to continue."
LangString RunNow ${LANG_SIMPCHINESE} "现在打开书记工作室"
LangString RunNow ${LANG_ENGLISH} "Open Secretary Studio now"
LangString KeepData ${LANG_SIMPCHINESE} "将从电脑上卸载书记工作室程序。您的工作室文件、备份（默认在 %APPDATA%\SecretaryStudio 中）、设置和打印件都不会被删除。"
LangString KeepData ${LANG_ENGLISH} "Secretary Studio will be removed from this computer. Your studio files, backups (by default in %APPDATA%\SecretaryStudio), settings and printouts are not deleted."

Section "${PRODUCT}" Main
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}/${EXE}"
  ; The same program for the command line: cmd.exe runs secretary-studio.com before .exe.
  File "${STAGE}/secretary-studio.com"
  File "${STAGE}/secretary-studio.ico"
  File "${STAGE}/README.txt"
  File "${STAGE}/OFL.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "Software\SecretaryStudio" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT} ${PRODUCT_EN}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

; Removes exactly the files installed, never a folder's whole content: a studio saved into the
; program's folder by mistake stays, and so does that folder.
Section "Uninstall"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\secretary-studio.com"
  Delete "$INSTDIR\secretary-studio.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "Software\SecretaryStudio" "InstallDir"
  DeleteRegKey /ifempty HKCU "Software\SecretaryStudio"
SectionEnd
