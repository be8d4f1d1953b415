/**
 * Units for the configuration's constants. Durations are milliseconds (what `setTimeout` takes), sizes are
 * bytes: write `5 * second`, `100 * MiB`.
 */

/** One millisecond, the unit of every duration in {@link NodeConfig}. */
export const millisecond = 1
/** One second in milliseconds. */
export const second = 1000 * millisecond
/** One minute in milliseconds. */
export const minute = 60 * second
/** One hour in milliseconds. */
export const hour = 60 * minute

/** 1 KiB in bytes. */
export const KiB = 1024
/** 1 MiB in bytes. */
export const MiB = 1024 * KiB
/** 1 GiB in bytes. */
export const GiB = 1024 * MiB

/**
 * Longest duration a key may hold: Node's timers take at most 2^31-1 ms (about 24.8 days) and fire at once
 * (with a TimeoutOverflowWarning) for anything longer, so longer values are rejected when loading.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** Largest integer an integer key may hold (Go's int32 range, which every Fabric integer key fits in). */
export const MAX_INT = 2 ** 31 - 1
