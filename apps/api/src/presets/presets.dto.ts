import {
  applyPresetRequestSchema,
  applyPresetResponseSchema,
  copyPresetSchema,
  presetImportQuerySchema,
  presetImportReportSchema,
  presetListSchema,
  presetSchema,
  savePresetSchema,
  updatePresetSchema,
} from '@app/shared/contracts/api/presets';
import { createZodDto } from 'nestjs-zod';

export class PresetDto extends createZodDto(presetSchema) {}
export class PresetListDto extends createZodDto(presetListSchema) {}
export class SavePresetDto extends createZodDto(savePresetSchema) {}
export class UpdatePresetDto extends createZodDto(updatePresetSchema) {}
export class CopyPresetDto extends createZodDto(copyPresetSchema) {}
export class ApplyPresetRequestDto extends createZodDto(applyPresetRequestSchema) {}
export class ApplyPresetResponseDto extends createZodDto(applyPresetResponseSchema) {}
export class PresetImportQueryDto extends createZodDto(presetImportQuerySchema) {}
export class PresetImportReportDto extends createZodDto(presetImportReportSchema) {}
