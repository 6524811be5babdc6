import fs from 'node:fs';
import type { GeneratedInstance } from '../domain/matching/generate';
import type { MatchingMode } from '../domain/matching/problem-file';

/** Four decimals keep a 2-million-pair file near 60 MB; the generator's full-precision fits are rounded. */
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * Writes a generated instance as a §5 problem file, pair by pair in chunks, so a file of millions of
 * pairs never has to exist as one string. Ids are m1…mN and g1…gM. Returns the bytes written.
 */
export async function writeProblemFile(
  { input, guideScore }: GeneratedInstance,
  mode: MatchingMode | undefined,
  out: string | undefined,
): Promise<number> {
  const stream = out === undefined ? process.stdout : fs.createWriteStream(out);
  let bytes = 0;
  let buffer = '';
  const write = async (text: string, force = false): Promise<void> => {
    buffer += text;
    if (buffer.length < 1 << 20 && !force) return;
    bytes += Buffer.byteLength(buffer);
    const drained = stream.write(buffer);
    buffer = '';
    if (!drained) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  await write(mode === undefined ? '{' : `{"mode":${JSON.stringify(mode)},`);
  await write('"mentors":[');
  for (let j = 0; j < input.mentorCount; j++)
    await write(`${j === 0 ? '' : ','}{"id":"g${j + 1}","capacity":${input.capacity[j] ?? 0}}`);
  await write('],\n"mentees":[');
  for (let i = 0; i < input.menteeCount; i++) await write(`${i === 0 ? '' : ','}{"id":"m${i + 1}"}`);
  await write('],\n"edges":[');
  for (let e = 0; e < input.edgeMentee.length; e++) {
    const guide = guideScore === null ? '' : `,${round(guideScore[e] ?? 0)}`;
    await write(
      `${e === 0 ? '\n' : ',\n'}["m${(input.edgeMentee[e] ?? 0) + 1}","g${(input.edgeMentor[e] ?? 0) + 1}",${round(input.edgeScore[e] ?? 0)}${guide}]`,
    );
  }
  await write(']}\n', true);
  if (out !== undefined) {
    const file = stream as fs.WriteStream;
    await new Promise<void>((resolve, reject) => {
      file.once('error', reject);
      file.end(resolve);
    });
  }
  return bytes;
}
