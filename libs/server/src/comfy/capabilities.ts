import type { Features, SystemStats } from '@app/shared/comfy/protocol';

/** Version-dependent behaviour of a backend (E-3), read from `/system_stats` and `/features`. */
export interface BackendCapabilities {
  /** `comfyui_version`, absent on servers older than 0.3. */
  version: string | undefined;
  /** `POST /interrupt {prompt_id}` stops only that prompt (0.3.57+); older servers stop whatever runs. */
  targetedInterrupt: boolean;
  /** `prompt_id` in `POST /prompt` is used as given (0.3.45+). */
  clientPromptId: boolean;
  /** Type-4 previews that name their prompt (0.3.45+ and announced in `/features`). */
  previewMetadata: boolean;
  maxUploadBytes: number | undefined;
}

/**
 * Compares dotted version numbers; a missing or unparsable version counts as older than any.
 * @example isAtLeast('0.8.0', '0.3.57') // true
 */
export function isAtLeast(version: string | undefined, minimum: string): boolean {
  const parts = version?.match(/^v?(\d+)\.(\d+)\.(\d+)/)?.slice(1).map(Number);
  if (!parts) return false;
  const wanted = minimum.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (parts[index] ?? 0) - (wanted[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** `features` is `{}` when the server has no `/features` route. */
export function capabilitiesFrom(stats: SystemStats, features: Features): BackendCapabilities {
  const version = stats.system.comfyui_version;
  return {
    version,
    targetedInterrupt: isAtLeast(version, '0.3.57'),
    clientPromptId: isAtLeast(version, '0.3.45'),
    previewMetadata: isAtLeast(version, '0.3.45') && features.supports_preview_metadata === true,
    maxUploadBytes: features.max_upload_size,
  };
}
