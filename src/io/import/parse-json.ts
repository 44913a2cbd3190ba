/**
 * JSON.parse that says where the text went wrong. Node 20's JSON.parse omits the position for some
 * errors ("Unexpected token '}', … is not valid JSON"), so on failure a small scanner walks the text
 * to find the offset of the first character that cannot be JSON, and the offset becomes line/column.
 */

export type JsonParse =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      /** 1-based line and column (in UTF-16 code units) of the first bad character. */
      readonly line: number;
      readonly column: number;
      readonly offset: number;
      /** English, from the scanner (`expected ':'`). */
      readonly reason: string;
    };

/** Parse JSON text; never throws. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, reason } = findJsonError(text);
    const { line, column } = lineColumn(text, offset);
    return { ok: false, line, column, offset, reason };
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Offset and reason of the first JSON syntax error in text (text is known not to parse). */
export function findJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw new ScanError(i, i >= text.length ? 'unexpected end of input' : reason);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const literal = (word: string): void => {
    // Point at the start of a misspelt word (`tru}`), where a person looks for the mistake.
    if (text.startsWith(word, i)) i += word.length;
    else fail(`expected '${word}'`);
  };
  const string = (): void => {
    i += 1; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('unterminated string');
      if (ch === '"') {
        i += 1;
        return;
      }
      if (ch === '\\') {
        i += 1;
        const esc = text[i];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 5;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 1;
        else fail('bad escape');
      } else if ((ch as string).charCodeAt(0) < 0x20) fail('control character in string');
      else i += 1;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') fail('bad number');
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      skipSpace();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('expected a double-quoted property name');
        string();
        skipSpace();
        if (text[i] !== ':') fail("expected ':' after property name");
        i += 1;
        value();
        skipSpace();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail("expected ',' or '}'");
      }
    } else if (ch === '[') {
      i += 1;
      skipSpace();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail("expected ',' or ']'");
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail('unexpected character');
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('unexpected text after the JSON value');
  } catch (e) {
    if (e instanceof ScanError) return { offset: e.offset, reason: e.message };
    throw e;
  }
  // The scanner accepted what JSON.parse refused (should not happen): point at the end.
  return { offset: text.length, reason: 'invalid JSON' };
}
