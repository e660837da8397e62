// The run's voice on stderr. Passed in, never a global, so tests can capture it.
export interface Logger {
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** A transient status line (commits scanned, waiting for a rate limit...). */
  progress(message: string): void;
}

export interface LoggerOptions {
  stream?: NodeJS.WriteStream;
  debug?: boolean;
  /** Show progress lines; by default only when the stream is a terminal. */
  progress?: boolean;
  quiet?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger & { done(): void } {
  const stream = options.stream ?? process.stderr;
  const showProgress = options.progress ?? Boolean(stream.isTTY);
  let lastProgress = 0;
  let progressShown = false;
  const clear = () => {
    if (progressShown) {
      stream.write("\r\x1b[2K");
      progressShown = false;
    }
  };
  return {
    warn(message) {
      clear();
      stream.write(`gh-harvest: warning: ${message}\n`);
    },
    info(message) {
      if (options.quiet) return;
      clear();
      stream.write(`${message}\n`);
    },
    debug(message) {
      if (!options.debug) return;
      clear();
      stream.write(`gh-harvest: debug: ${message}\n`);
    },
    progress(message) {
      if (!showProgress) return;
      // A terminal redrawn more than ten times a second only costs time.
      const now = Date.now();
      if (now - lastProgress < 100) return;
      lastProgress = now;
      const width = (stream.columns ?? 80) - 1;
      stream.write(`\r\x1b[2K${message.slice(0, width)}`);
      progressShown = true;
    },
    done() {
      clear();
    },
  };
}

/** A logger that keeps every line, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (m) => lines.push(`warning: ${m}`),
    info: (m) => lines.push(m),
    debug: (m) => lines.push(`debug: ${m}`),
    progress: () => {},
  };
}
