import { z } from 'zod';
import { runLimitsSchema } from '../../form/run-limits';

export { runLimitsSchema, type RunLimits } from '../../form/run-limits';

/** PATCH /api/admin/limits: any of the caps, each within its bounds; the others stay as they are. */
export const updateRunLimitsSchema = z
  .strictObject(runLimitsSchema.partial().shape)
  .refine((change) => Object.keys(change).length > 0, { message: 'nothing to change' });
export type UpdateRunLimits = z.infer<typeof updateRunLimitsSchema>;
