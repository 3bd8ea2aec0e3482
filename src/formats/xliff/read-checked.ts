/**
 * How `import` takes a translator's file in: one saxes pass, fed chunk by chunk, that both
 * validates (validate-window.ts: the same rules as `tessera validate`) and reads the units
 * (read.ts), handing each unit on as it completes. Nothing holds the whole text or the whole
 * tree, so a 100,000-unit file costs about what one window of units costs.
 *
 * What the file breaks comes first: when the validator finds errors the caller refuses the
 * file with them, and an error the reader raised is only thrown for a file that is valid
 * (a DOCTYPE stops the parser at once: no entity is ever expanded).
 */
import { xliffReader, type ReadSink } from './read.js';
import type { ReadFile } from './model.js';
import type { XliffValidation } from './validate.js';
import { WindowedValidator } from './validate-window.js';
import { listen, Stop, xmlParser } from './validate-xml.js';

export class CheckedRead {
  private readonly parser = xmlParser();
  private readonly validator: WindowedValidator;
  private readonly reader: ReturnType<typeof xliffReader>;
  private readError: { error: unknown } | undefined;
  private stopped = false;
  private first = true;

  constructor(file: string, sink: ReadSink = {}, window?: number) {
    this.validator = new WindowedValidator(this.parser, file, window);
    this.reader = xliffReader(this.parser, file, sink);
    // The reader's refusals wait for the validator's verdict: later events skip the reader.
    const guarded: Record<string, (arg: never) => void> = {};
    for (const [name, fn] of Object.entries(this.reader.handlers)) {
      guarded[name] = (arg) => {
        if (this.readError) return;
        try {
          fn(arg);
        } catch (error) {
          this.readError = { error };
        }
      };
    }
    listen(this.parser, this.validator.builder.handlers, guarded);
  }

  /** Feeds the next chunk of text; false once the XML is broken (the rest need not be read). */
  write(chunk: string): boolean {
    if (this.stopped) return false;
    if (this.first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    this.first = false;
    this.validator.builder.feed(chunk);
    try {
      this.parser.write(chunk);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      this.stopped = true;
    }
    return !this.stopped;
  }

  /**
   * Ends the pass. Returns the validation (refuse the file when it has errors) and, when the
   * file is valid, the files read; throws what the reader refused in a valid file.
   */
  close(): { validation: XliffValidation; files: ReadFile[] } {
    if (!this.stopped) {
      try {
        this.parser.close();
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
      }
    }
    const validation = this.validator.result();
    if (validation.problems.some((p) => p.severity === 'error')) return { validation, files: [] };
    if (this.readError) throw this.readError.error;
    return { validation, files: this.reader.end() };
  }
}
