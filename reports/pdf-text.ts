/** The standard PDF fonts encode WinAnsi only; anything else would print as garbage, so it becomes '?'. */
export function latin1(text: string): string {
  return text.replace(/[^\u0009\u000a\u0020-\u007e\u00a0-\u00ff–—…·’‘“”•]/g, '?');
}
