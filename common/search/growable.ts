/**
 * A list of unsigned 32-bit integers in one typed array that doubles when full: four bytes an
 * entry, where a JavaScript array of numbers costs eight and a Map entry several times that.
 * It may start as a view into a loaded snapshot; the first append then copies it out.
 */
export class GrowableU32 {
  #data: Uint32Array;
  #length: number;

  constructor(data: Uint32Array = new Uint32Array(4), length = 0) {
    this.#data = data;
    this.#length = length;
  }

  get length(): number {
    return this.#length;
  }

  at(i: number): number {
    return this.#data[i]!;
  }

  set(i: number, value: number): void {
    this.#data[i] = value;
  }

  push(value: number): void {
    if (this.#length === this.#data.length) {
      const next = new Uint32Array(Math.max(4, this.#data.length * 2));
      next.set(this.#data);
      this.#data = next;
    }
    this.#data[this.#length++] = value;
  }

  /** The entries, as a view (no copy). */
  view(): Uint32Array {
    return this.#data.subarray(0, this.#length);
  }
}
