/**
 * Text made from a code block (prompts removed, placeholders replaced, a query cut out of a `curl` command) that
 * remembers, for each of its characters, where that character stands in the block: a parser's error in the made
 * text is then reported at the author's line and column, not at a position in text they never wrote.
 */
export interface MappedText {
  text: string;
  /** `origin[i]`: offset in the block's code of `text[i]`; `origin[text.length]` is where the text ends there. */
  origin: readonly number[];
}

/** Builds a MappedText a piece at a time. */
export class MappedTextBuilder {
  #text = '';
  readonly #origin: number[] = [];
  #end = 0;

  /** Appends `source.slice(start, end)`, each character mapped to its own offset. */
  copy(source: string, start: number, end = start + 1): this {
    this.#text += source.slice(start, end);
    for (let offset = start; offset < end; offset++) this.#origin.push(offset);
    this.#end = end;
    return this;
  }

  /** Appends text that is not in the block (a stand-in for a placeholder), every character mapped to `at`. */
  insert(text: string, at: number): this {
    this.#text += text;
    for (let index = 0; index < text.length; index++) this.#origin.push(at);
    this.#end = at;
    return this;
  }

  get length(): number {
    return this.#text.length;
  }

  build(): MappedText {
    return { text: this.#text, origin: [...this.#origin, this.#end] };
  }
}

/** The whole of `code`, mapped to itself. */
export function identity(code: string): MappedText {
  return new MappedTextBuilder().copy(code, 0, code.length).build();
}

/** `mapped` with `inner` (made from `mapped.text`) composed onto it: offsets of `inner` map to the block's code. */
export function compose(mapped: MappedText, inner: MappedText): MappedText {
  return { text: inner.text, origin: inner.origin.map((offset) => mapped.origin[offset] ?? mapped.origin.at(-1) ?? 0) };
}

/** The offset in the block's code of the character at `index` of the mapped text (its end when past it). */
export function originOf(mapped: MappedText, index: number): number {
  return mapped.origin[Math.max(0, Math.min(index, mapped.origin.length - 1))] ?? 0;
}
