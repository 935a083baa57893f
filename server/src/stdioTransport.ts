// The --stdio transport with a writer that batches messages. vscode-jsonrpc's stream writer sends one message per
// event-loop turn (a lock, then two awaited writes each), so publishing findings for 2,000 files of a large ISMS took
// half a second over stdio; this writer encodes messages as they come and writes them in one chunk per turn, in
// order. (Over VS Code's IPC transport, messages are sent synchronously already.)
import { Emitter, StreamMessageReader, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { inspect } from 'node:util';

export class BatchingMessageWriter implements MessageWriter {
  private readonly errors = new Emitter<[Error, Message | undefined, number | undefined]>();
  private readonly closes = new Emitter<void>();
  private chunks: Buffer[] = [];
  private flushed: (() => void)[] = [];
  private scheduled = false;
  readonly onError = this.errors.event;
  readonly onClose = this.closes.event;

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', (error: Error) => this.errors.fire([error, undefined, undefined]));
    out.on('close', () => this.closes.fire());
  }

  write(msg: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.chunks.push(Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return new Promise((resolve) => this.flushed.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    const data = Buffer.concat(this.chunks);
    const waiting = this.flushed;
    this.chunks = [];
    this.flushed = [];
    this.out.write(data, (error) => {
      if (error) this.errors.fire([error, undefined, undefined]);
      for (const resolve of waiting) resolve();
    });
  }

  end(): void {
    this.out.end();
  }

  dispose(): void {
    this.errors.dispose();
    this.closes.dispose();
  }
}

/**
 * Reader and writer for a server started with --stdio, plus what vscode-languageserver does itself for stdio: exit
 * when the client closes stdin, and send console output to the client's log instead of corrupting stdout.
 */
export function stdioTransport(logger: () => { log(m: string): void; warn(m: string): void; error(m: string): void }, shutdownReceived: () => boolean): [MessageReader, MessageWriter] {
  const exit = () => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => logger().log(text(args));
  console.warn = (...args: unknown[]) => logger().warn(text(args));
  console.error = console.trace = (...args: unknown[]) => logger().error(text(args));
  return [new StreamMessageReader(process.stdin), new BatchingMessageWriter(process.stdout)];
}
