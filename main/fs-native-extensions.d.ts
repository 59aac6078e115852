// Types for the part of fs-native-extensions (which ships no types) that Triage uses: a
// non-blocking exclusive (or shared) lock on a byte range of an open file. Returns false when
// another open file holds a conflicting lock; throws for other errors.
declare module 'fs-native-extensions' {
  export function tryLock(
    fd: number,
    offset?: number,
    length?: number,
    options?: { readonly shared?: boolean },
  ): boolean;
}
