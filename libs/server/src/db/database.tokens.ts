/** Nest injection token for the Kysely instance. */
export const DATABASE = Symbol('DATABASE');
