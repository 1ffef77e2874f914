/**
 * C0 control characters other than tab, LF and CR (U+0000–U+001F less U+0009, U+000A, U+000D):
 * no text a person types holds them, and PostgreSQL cannot store U+0000 at all, so every string
 * the API takes in is refused when it holds one (see `input-text.ts` and the table reader).
 */
export function controlCharacterIn(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

export const controlCharacterMessage = (field: string, codePoint: string) => `${field}: holds the control character ${codePoint}, which text may not contain`;
