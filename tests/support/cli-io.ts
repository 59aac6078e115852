/** The CLI's standard output and error, captured, for commands run in-process. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (text: string) => out.push(text) } as unknown as NodeJS.WriteStream,
    stderr: { write: (text: string) => err.push(text) } as unknown as NodeJS.WriteStream,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
