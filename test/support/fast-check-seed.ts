import fc from 'fast-check';

// Property tests draw a fresh seed per run, and fast-check prints it with any counterexample.
// FC_SEED=<n> replays a run exactly (or, looped over many values, stress-tests the properties).
const seed = process.env['FC_SEED'];
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });
