/**
 * The engine's files from their Brotli copies (guide/engine-build.mjs), unpacked as they
 * arrive, with the plain file as the way out when a copy cannot be had.
 */

import { Failure, at, fatal, failure, fetchOk, bytes, fileName, load } from "./downloads.js";

/** The Brotli decoder, loaded once for every packed file (rejected if it cannot load). */
const decoder = (async () => {
  const module = await load(at("brotli_dec_wasm.js"));
  // Compiled from its bytes rather than as it streams, whatever type the host names it.
  const wasm = await bytes(fetchOk(at("brotli_dec_wasm_bg.wasm")));
  await module.default({ module_or_path: await WebAssembly.compile(wasm) });
  return module;
})();
decoder.catch(() => {}); // awaited in packedCopy()

/**
 * The file at ``url``, from the build's Brotli copy beside it (a fifth to two fifths
 * smaller than gzip or a deflated zip), unpacked as it arrives, so that WebAssembly
 * still compiles the runtime while it downloads. Without the copy or the decoder, or
 * when the copy's download stalls or breaks off, the rest comes from the plain file:
 * what was unpacked so far is its beginning. A damaged or cut copy fails as it is read,
 * which the page reports like any broken engine file.
 */
export async function unpacked(url, options) {
  let reader;
  let sent = 0;
  let plain = false;
  const fallBack = async (error) => {
    if (plain || error instanceof Failure) throw error;
    plain = true;
    reader?.cancel().catch(() => {});
    console.warn(`The calculator engine is fetching the plain ${fileName(url)}: ${error?.message ?? error}.`);
    reader = skipped((await fetchOk(url, options)).body, sent).getReader();
  };
  await packedCopy(url, options).then((copy) => {
    reader = copy.getReader();
  }, fallBack);
  const body = new ReadableStream({
    async pull(output) {
      for (;;) {
        try {
          const { done, value } = await reader.read();
          if (done) return output.close();
          sent += value.length;
          return output.enqueue(value);
        } catch (error) {
          await fallBack(error).catch((final) => {
            throw fatal(final);
          });
        }
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body);
}

/** The unpacked bytes of ``url``'s Brotli copy (rejected without the copy or the decoder). */
async function packedCopy(url, options) {
  const packed = await fetchOk(`${url}.br`, options);
  // Sent with Content-Encoding: br, the copy was unpacked by the browser already.
  if (/\bbr\b/i.test(packed.headers.get("Content-Encoding") ?? "")) return packed.body;
  // One branch is read at the network's pace, whatever the decoder's: the download's
  // timing then tells how fast the link is (the snapshot's choice), not how busy the CPU.
  const drop = new AbortController(); // the Brotli download, once the plain file is needed
  const [body, paced] = packed.body.tee();
  paced.pipeTo(new WritableStream(), { signal: drop.signal }).catch(() => {});
  try {
    return body.pipeThrough(unpacking(await decoder, url));
  } catch (error) {
    drop.abort();
    body.cancel().catch(() => {});
    throw error;
  }
}

/** ``body`` without its first ``count`` bytes: those the Brotli copy gave already. */
function skipped(body, count) {
  let left = count;
  return body.pipeThrough(
    new TransformStream({
      transform(chunk, output) {
        const skip = Math.min(left, chunk.length);
        left -= skip;
        if (skip < chunk.length) output.enqueue(chunk.subarray(skip));
      },
    }),
  );
}

// Output per call to the decoder: 64 kB decodes the runtime in 60% of the time 1 MB takes.
const OUTPUT_BYTES = 1 << 16;

/** A stream that unpacks Brotli with ``decoder``, failing on a damaged or cut stream. */
export function unpacking(decoder, url) {
  const { NeedsMoreInput, NeedsMoreOutput, ResultSuccess } = decoder.BrotliStreamResultCode;
  const stream = new decoder.DecompressStream();
  const name = `${fileName(url)}.br`;
  const decompress = (input) => {
    try {
      return stream.decompress(input, OUTPUT_BYTES);
    } catch (error) {
      throw failure(`${name} is damaged (${error?.message ?? error})`); // not Brotli at all
    }
  };
  let code = NeedsMoreInput;
  return new TransformStream({
    transform(chunk, output) {
      for (let offset = 0; ;) {
        const result = decompress(chunk.subarray(offset));
        output.enqueue(result.buf);
        offset += result.input_offset;
        code = result.code;
        if (code !== NeedsMoreOutput) break;
      }
      if (code !== NeedsMoreInput && code !== ResultSuccess) throw failure(`${name} is damaged (${code})`);
    },
    flush() {
      if (code !== ResultSuccess) throw failure(`${name} is cut short`);
    },
  });
}
