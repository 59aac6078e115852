/**
 * Where Windows keeps its own programs. Triage starts them by absolute path: given a bare name,
 * Windows (and libuv) look in the current folder before PATH, so a `whoami.exe` planted in a
 * Downloads folder would run instead of Windows' own.
 */
import { win32 } from 'node:path';

/** `%SystemRoot%\System32\<name>`, e.g. `C:\Windows\System32\whoami.exe`. */
export function windowsSystemProgram(
  name: string,
  env: (variable: string) => string | undefined = (v) => process.env[v],
): string {
  // SystemRoot is set for every process Windows starts, SYSTEM's included; C:\Windows if a caller cleared it.
  const root = env('SystemRoot') ?? env('windir') ?? 'C:\\Windows';
  return win32.join(root, 'System32', name);
}

/** Windows PowerShell 5.1, present on every supported Windows: `%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe`. */
export function windowsPowerShell(env?: (variable: string) => string | undefined): string {
  return windowsSystemProgram('WindowsPowerShell\\v1.0\\powershell.exe', env);
}
