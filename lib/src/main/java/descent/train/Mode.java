package descent.train;

/**
 * Which rows each update sees. An epoch is one pass over the m rows; an iteration is one update.
 * Batch: one update per epoch on all rows. Stochastic: one row per update, m updates per epoch.
 * Minibatch(b): ⌈m/b⌉ updates per epoch, the last batch possibly smaller.
 */
public enum Mode {
    /** All m rows in every update. */
    BATCH,
    /** One row per update; rows visited in a fresh random order (shuffle) each epoch. */
    STOCHASTIC_SHUFFLED,
    /** One row per update, drawn uniformly at random with replacement (the lecture's loop). */
    STOCHASTIC_RANDOM_INDEX,
    /** b rows per update from a fresh shuffle each epoch. */
    MINIBATCH
}
