/* Test-only shim for Wine 8 (used by .ci/wine-smoke), which lacks bcryptprimitives.dll (ProcessPrng, used by Rust std >= 1.78).
   Build: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll wine-bcryptprimitives.c -ladvapi32
   Put the DLL next to the .exe inside the Wine test folder. Never ship it: Windows 10/11 has the real one. */
#include <windows.h>
#define RtlGenRandom SystemFunction036
BOOLEAN NTAPI RtlGenRandom(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) { ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len; if (!RtlGenRandom(data, n)) return FALSE; data += n; len -= n; }
  return TRUE;
}
