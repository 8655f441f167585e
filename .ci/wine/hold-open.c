/* Test-only, for .ci/wine-smoke: holds a file open the way Excel holds a workbook (others may
   read it, not write, replace or delete it) for the given number of seconds, and says "held"
   once it has it. Build: x86_64-w64-mingw32-gcc -municode -o hold-open.exe hold-open.c */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv) {
  if (argc != 3) return 2;
  HANDLE file = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL,
                            OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE) return 1;
  puts("held");
  fflush(stdout);
  Sleep((DWORD)_wtoi(argv[2]) * 1000);
  CloseHandle(file);
  return 0;
}
