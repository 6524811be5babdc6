// The PRNG lives in the domain, where `corner match generate` uses it too.
export { mulberry32 } from '../src/domain/prng';
