import { Injectable } from '@nestjs/common';
import { firstPerField, ValidationError } from '@app/shared/contracts/errors';
import type { FormSchema, FormValues } from '@app/shared/form/field-types';
import { checkRunLimits } from '@app/shared/form/run-limits';
import { RunLimitsRepository } from '@app/server/repositories/run-limits.repository';

/** The admin's caps applied where runs are asked for: submit, retry and the compile dry run. */
@Injectable()
export class RunCaps {
  constructor(private readonly limits: RunLimitsRepository) {}

  /** 400 naming each request field (`body.values.<field>`, `body.workflowId`) whose value goes over a cap. */
  async assertWithin(schema: FormSchema, runs: readonly FormValues[], bypass: readonly string[]): Promise<void> {
    const limits = await this.limits.find();
    const distinct = firstPerField(runs.flatMap((values) => checkRunLimits(schema, values, limits, { bypass })));
    if (distinct.length > 0) throw new ValidationError('This asks for more than the studio allows', distinct.map((e) => ({ ...e, field: `body.${e.field}` })));
  }
}
