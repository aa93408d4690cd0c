import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the gateway process, applied before any other module is evaluated (main.ts
 * imports this first).
 *
 * `--no-allocation-site-pretenuring`: V8 watches the objects each object or array literal
 * creates, and once most of one site's objects outlive a young-generation collection it
 * allocates that site's objects in the old generation for the rest of the process. Which sites
 * it picks depends on the moment of the first such collection with enough of them: a burst of
 * concurrent requests at the start (every request's user objects alive at once) made it pick
 * the literal building each user of a page, and graphql-jit's literal building each user of
 * the answer, in some runs and not in others. From then on every user of every page went to
 * the old generation, and the process spent several times the CPU on garbage collection (a
 * full collection about every half second under load instead of none). Request data lives
 * for milliseconds; without pretenuring it is collected young, as it is in every run.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
