/**
 * Text from a framework or a session shown in a terminal: control characters made visible.
 * An untrusted file could otherwise move the cursor, rewrite lines, change the window title
 * or hide text (ESC sequences, a carriage return, bidirectional overrides).
 */

/** C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` for ESC, `\u202e` for a right-to-left override: visible, and still recognisable. */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
